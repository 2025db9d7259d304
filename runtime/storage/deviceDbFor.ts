import { DEVICE_DB_NAME, DeviceDb } from '../../device';

/**
 * The device database the runtime pairs with a runtime database: the device's
 * own for the clerk's real database and the trial sandbox, one named after a
 * scratch database for tests and stories (so they never touch real keys).
 */
export function deviceDbFor(db: { name: string }): DeviceDb {
  return new DeviceDb(deviceDbNameFor(db));
}

export function deviceDbNameFor(db: { name: string } | undefined): string {
  return db && db.name !== 'sop-studio-runtime' && db.name !== 'sop-studio-runtime-trial' ? `${db.name}.device` : DEVICE_DB_NAME;
}
