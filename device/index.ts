export { DeviceDb, DEVICE_DB_NAME, DEVICE_SCHEMA_VERSION, type CatalogueRow, type CatalogueSource, type DeviceKeyRow, type DeviceMetaRow, type EvaluationHandoffRow, type ProfileRow, type TrustedKeyRow, type TrustedKeySource } from './db';
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
export { checkProfileInput, currentProfile, deleteProfile, listProfiles, mayPublish, personOf, saveProfile, switchProfile, type ProfileInput, type ProfileProblems } from './profiles';
export {
  deviceKey,
  exportPublicKey,
  fingerprintOf,
  isPublicJwk,
  isTrustedKey,
  listTrustedKeys,
  normalizeFingerprint,
  parseTrustInput,
  shortFingerprint,
  signText,
  trustKey,
  untrustKey,
  verifyText,
  PUBLIC_KEY_FORMAT,
  SIGNATURE_ALGORITHM,
  type ParsedTrustInput,
  type PublicKeyExport,
  type TrustKeyInput,
} from './keys';
export { forgetSession, saveSession, storedSession, type StoredSession } from './serverSession';
export {
  checkEvaluationHandoff,
  designerUrlForEvaluation,
  getEvaluationHandoff,
  markEvaluationHandoffOpened,
  putEvaluationHandoff,
  requestedEvaluationId,
  EVALUATION_PARAM,
  HANDOFF_LIMITS,
  type EvaluationHandoffInput,
} from './evaluationHandoffs';
