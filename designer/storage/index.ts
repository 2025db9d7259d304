export { openDesignerDb, type DesignerDatabase, type OpenDesignerDbOptions } from './db';
export { SopRepository, DELETED_RETENTION_MS, type LoadedDraft, type SaveResult, type PublishedRevisionInput } from './repository';
export { createAutosaver, AUTOSAVE_DELAY_MS, type Autosaver } from './autosave';
export { createTabChannel, type TabChannel, type TabMessage } from './tabChannel';
export { StorageError, isQuotaExceeded, toStorageError, QUOTA_MESSAGE } from './errors';
export { documentToJson, documentFromJson } from './documentJson';
export * from './records';
