export {
  migrateSop,
  originalOf,
  pointerInSource,
  upgradeStoredSop,
  revisionContentHash,
  sopMigrations,
  CURRENT_SCHEMA_VERSION,
  OLDEST_SCHEMA_VERSION,
  type MigrationResult,
} from './migrateSop';
export type { AppliedMigration, MigrationNote, MigrationStep } from './types';
