export { DeviceDb, DEVICE_DB_NAME, DEVICE_SCHEMA_VERSION, type CatalogueRow, type CatalogueSource, type DeviceMetaRow, type ProfileRow } from './db';
export { DeviceStorageError, toDeviceError, type DeviceErrorCode } from './errors';
export {
  addRevision,
  availabilityForNewCase,
  catalogueKeyOf,
  getRevision,
  importRevisionFile,
  isCatalogueSeeded,
  listOffered,
  listRevisionsOf,
  seedCatalogue,
  setRevisionArchived,
  type AddRevisionResult,
  type CatalogueRevision,
  type CatalogueSummary,
  type ImportRevisionResult,
  type NewCaseAvailability,
} from './catalogue';
export { checkProfileInput, currentProfile, deleteProfile, listProfiles, personOf, saveProfile, switchProfile, type ProfileInput, type ProfileProblems } from './profiles';
