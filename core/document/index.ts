/**
 * The document core under the designer: commands with undo, rules, history,
 * publishing, revision diffs, clipboard and diagnostic location. Pure
 * TypeScript: no DOM, React, React Flow, Monaco or Dexie. See README.md.
 */
export {
  commandRegistry,
  command,
  runCommand,
  commandTitle,
  coalesceKeyOf,
  type Command,
  type CommandId,
  type CommandParams,
  type CommandOutcome,
  type CommandResult,
} from './commands/registry';
export type { CommandDefinition, Applied } from './commands/define';
export type { StepChanges, RequirementInput, StepOutcome, WaktuMeasure } from './commands/stepCommands';
export { STEP_OUTCOMES, WAKTU_MEASURES } from './commands/stepCommands';
export type { LabelReading } from './commands/edgeCommands';
export { MAX_SIGN_OFFS } from './commands/signOffCommands';
export { hasEvaluation, openReviewNotes, MAX_REVIEW_NOTES, type AttachEvaluationNotesParams, type EvaluationLink } from './commands/reviewNoteCommands';
export type { IdentityChanges } from './commands/documentCommands';
export { numbersAreSequential } from './commands/stepCommands';
export {
  canConnect,
  canReconnect,
  canSetEdgeLabel,
  canMoveToLane,
  canMoveToRow,
  canAddStep,
  canChangeKind,
  canAssignActors,
  canRemoveLane,
  canRemoveFlow,
  stepsInLane,
  type StepKind,
  type StepPosition,
  type ConnectTarget,
} from './rules';
export { createHistory, type History, type HistoryOptions, type HistoryState, type ExecuteOptions, type HistoryStepOutcome, type HistoryEntry } from './history';
export { checkRevisionFile, revisionFileName, revisionFileText, type RevisionFileCheck } from './revisionFile';
export { publishRevision, deepFreeze, openReviewNoteWarnings, type PublishOptions, type PublishOutcome } from './publish';
export { diffRevisions, type RevisionDiff, type FlowDiff, type FieldChange, type StepSummary, type ChangedStep, type EdgeSummary } from './diffRevisions';
export { copySteps, buildClipboard, stepsToTsv, stepsToHtml, CLIPBOARD_TYPE, CLIPBOARD_VERSION, type StepsClipboard, type ClipboardActor } from './clipboard/payload';
export { parseClipboard, MAX_CLIPBOARD_CHARS, type ClipboardInput, type ParsedClipboard, type ClipboardFormat, type ParseClipboardOptions } from './clipboard/parseClipboard';
export { htmlTableToRows } from './clipboard/htmlTable';
export { parseTsv } from './clipboard/tsv';
export { tableToClipboard, classifyHeader, splitActors, splitListItems, DEFAULT_COLUMN_ORDER, type TableColumn, type TableReading } from './clipboard/tableRows';
export { locatePointer, parsePointer, type Located, type LocatedKind } from './locatePointer';
export { applyPatch, invertPatch, diffDocuments, composePatches, PatchConflictError, type Patch, type PatchOp, type Path } from './patch';
export { guessActorKind } from './actorKind';
export type { Change, ElementKind, ElementRef, LocalizedText, Refusal, RuleAnswer } from './types';
