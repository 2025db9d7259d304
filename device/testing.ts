/** Throw-away device databases for browser tests and stories. */
import { DeviceDb } from './db';

let counter = 0;

export function scratchDeviceDb(label = 'test'): DeviceDb {
  return new DeviceDb(`sop-studio-device-${label}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}`);
}
