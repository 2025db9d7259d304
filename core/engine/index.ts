/**
 * The case engine: pure TypeScript, no DOM, no database.
 * `decide(sop, state, command) -> events` and `foldEvents(events) -> state`.
 */
export { decide, stepName, type DecideOptions } from './decide';
export { applyEvent, foldEvents } from './fold';
export {
  DATE_FIELD_RANGE,
  NIK_PROVINCE_CODES,
  checkFieldValue,
  isBirthDateField,
  latestDateFor,
  checkNik,
  fieldsCollectedAt,
  isEmptyValue,
  normalizeFieldValue,
  normalizeNik,
  normalizePhone,
  type AttachmentRef,
  type FieldValue,
  type FieldValues,
  type NikCheck,
  type NikParts,
} from './fields';
export {
  caseCodeOf,
  formatCaseNumber,
  isDeviceCode,
  looksLikeCaseNumber,
  newDeviceCode,
  normalizeCaseNumber,
  parseCaseNumber,
  type CaseNumberParts,
} from './caseNumber';
export { reject, type LocalizedText, type Rejection, type RejectionCode } from './messages';
export {
  activeVisits,
  canSkip,
  caseOutcome,
  currentActors,
  earliestDue,
  isCaseOverdue,
  isVisitOverdue,
  nextSignOffSlot,
  pendingJoins,
  returnTargets,
  timeline,
  visitAction,
  visitCurrentActors,
  type PendingJoin,
  type VisitAction,
} from './queries';
export { joinAwaits, joinIsReady, parallelRegions, regionOfFork, type JoinAwaits, type ParallelRegion } from './parallel';
export { canonicalJson, sha256Bytes, sha256Hex, toHex } from './sha256';
export {
  actorLabel,
  findFlow,
  indexFlow,
  pinSop,
  rememberSopContentHash,
  requiredRequirements,
  signOffChainOf,
  sopContentHash,
  stepHasWork,
  workActorsOf,
} from './sopIndex';
export type * from './types';
export { branchDestinations, describeBranch, describeDestination, type BranchDestination, type BranchWording } from './branches';
export { returnBehind, returnThatEnded } from './returns';
export { stepAttachments, type StepAttachments } from './attachments';
