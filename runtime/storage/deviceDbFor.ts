import { DEVICE_DB_NAME, DeviceDb } from '../../device';
import { DEMO_DB_NAME } from '../monev/demoNames';
import { RUNTIME_DB_NAME, TRIAL_DB_NAME } from './db';

/** The app's own databases: they share the device's catalogue and people. */
const APP_DATABASES: ReadonlySet<string> = new Set([RUNTIME_DB_NAME, TRIAL_DB_NAME, DEMO_DB_NAME]);

/**
 * The device database the runtime pairs with a runtime database: the device's
 * own for the clerk's real database, the trial sandbox and the monev demo, one named after a
 * scratch database for tests and stories (so they never touch real keys).
 */
export function deviceDbFor(db: { name: string }): DeviceDb {
  return new DeviceDb(deviceDbNameFor(db));
}

export function deviceDbNameFor(db: { name: string } | undefined): string {
  return db && !APP_DATABASES.has(db.name) ? `${db.name}.device` : DEVICE_DB_NAME;
}
