/** Case sync, pure: the wire contract and how a device's case takes in the server's events. */
export * from './protocol';
export {
  compareEvents,
  eventIndexOf,
  foldCaseEvents,
  mergeServerEvents,
  rebaseCase,
  type RebaseInput,
  type RebaseResult,
  type ReviewItem,
  type SyncRejection,
} from './caseSync';
export { inCaseOrder, nextPushBatch, type Queued } from './pushPlan';
export { backoffDelay, BACKOFF_CAP_MS } from './backoff';
export { normalizeServerUrl, type NormalizedServerUrl } from './serverUrl';
export {
  classifyRefusal,
  isDue,
  nextServerPublicationStatus,
  queuedForServer,
  type ServerPublicationAnswer,
  type ServerPublicationState,
  type ServerPublicationStatus,
} from './serverPublication';
