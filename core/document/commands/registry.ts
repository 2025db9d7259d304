/**
 * The one registry of document commands, by `noun.verb` id. Every edit from
 * every view (canvas, grid, properties, JSON) goes through `runCommand`, so
 * undo, autosave, validation and dirty-tracking work the same everywhere.
 */
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { diffDocuments, invertPatch, type PatchOp } from '../patch';
import type { Change, ElementRef, LocalizedText, Refusal } from '../types';
import { caseFieldAdd, caseFieldRemove, caseFieldReorder, caseFieldUpdate } from './caseFieldCommands';
import type { CommandDefinition } from './define';
import { columnsSetLabel, documentReplace, headerBlockSetItems, identityUpdate, statedTotalSet } from './documentCommands';
import { edgeAdd, edgeReconnect, edgeRemove, edgeSetLabel, edgeUpdate } from './edgeCommands';
import {
  electronicSignatureRemove,
  electronicSignatureSetInEveryFooter,
  electronicSignatureSetQr,
  electronicSignatureSetStatement,
} from './electronicSignatureCommands';
import { identityLabelSet, identityRowAdd, identityRowRemove, identityRowSetIllegible, identitySetLogo } from './identityCommands';
import { flowAdd, flowRemove, flowRename, flowReorder } from './flowCommands';
import { actorUpdate, laneAdd, laneRemove, laneRename, laneReorder } from './laneCommands';
import { attachEvaluationNotes, removeReviewNote, resolveReviewNote } from './reviewNoteCommands';
import { sectionAdd, sectionRemove, sectionRename } from './sectionCommands';
import { stepAdd, stepChangeKind, stepMoveToLane, stepMoveToRow, stepsRenumber, stepUpdate } from './stepCommands';
import { signOffAdd, signOffMove, signOffRemove, signOffUpdate } from './signOffCommands';
import { stepRemove, stepsRemove } from './stepRemove';
import { stepsPaste } from './stepsPaste';

export const commandRegistry = {
  'document.replace': documentReplace,
  'identity.update': identityUpdate,
  'identityRow.add': identityRowAdd,
  'identityRow.remove': identityRowRemove,
  'identityRow.setIllegible': identityRowSetIllegible,
  'identityLabel.set': identityLabelSet,
  'identity.setLogo': identitySetLogo,
  'electronicSignature.setQr': electronicSignatureSetQr,
  'electronicSignature.setStatement': electronicSignatureSetStatement,
  'electronicSignature.setInEveryFooter': electronicSignatureSetInEveryFooter,
  'electronicSignature.remove': electronicSignatureRemove,
  'headerBlock.setItems': headerBlockSetItems,
  'columns.setLabel': columnsSetLabel,
  'statedTotal.set': statedTotalSet,
  'flow.add': flowAdd,
  'flow.rename': flowRename,
  'flow.remove': flowRemove,
  'flow.reorder': flowReorder,
  'lane.add': laneAdd,
  'lane.rename': laneRename,
  'lane.reorder': laneReorder,
  'lane.remove': laneRemove,
  'actor.update': actorUpdate,
  'step.add': stepAdd,
  'step.update': stepUpdate,
  'step.changeKind': stepChangeKind,
  'step.moveToLane': stepMoveToLane,
  'step.moveToRow': stepMoveToRow,
  'step.remove': stepRemove,
  'steps.remove': stepsRemove,
  'steps.paste': stepsPaste,
  'steps.renumber': stepsRenumber,
  'signOff.add': signOffAdd,
  'signOff.update': signOffUpdate,
  'signOff.remove': signOffRemove,
  'signOff.move': signOffMove,
  'edge.add': edgeAdd,
  'edge.reconnect': edgeReconnect,
  'edge.setLabel': edgeSetLabel,
  'edge.update': edgeUpdate,
  'edge.remove': edgeRemove,
  'section.add': sectionAdd,
  'section.rename': sectionRename,
  'section.remove': sectionRemove,
  'caseField.add': caseFieldAdd,
  'caseField.update': caseFieldUpdate,
  'caseField.remove': caseFieldRemove,
  'caseField.reorder': caseFieldReorder,
  'evaluationNotes.attach': attachEvaluationNotes,
  'reviewNote.resolve': resolveReviewNote,
  'reviewNote.remove': removeReviewNote,
} as const;

type Registry = typeof commandRegistry;
export type CommandId = keyof Registry;
export type CommandParams<K extends CommandId> = Registry[K] extends CommandDefinition<infer P> ? P : never;

/** A command as data: `{id: 'step.add', params: {...}}`. Plain JSON, so it can be logged or replayed. */
export type Command = { [K in CommandId]: { id: K; params: CommandParams<K> } }[CommandId];

/** Typed constructor: `command('step.add', {flowId, afterStepId})`. */
export function command<K extends CommandId>(id: K, params: CommandParams<K>): Command {
  return { id, params } as Command;
}

export interface CommandResult {
  ok: true;
  command: Command;
  title: LocalizedText;
  doc: SopDocument;
  /** What changed, as data; `inverse` undoes it exactly. Empty when nothing changed. */
  patch: PatchOp[];
  inverse: PatchOp[];
  changes: Change[];
  select: ElementRef[];
  message?: LocalizedText;
}

export type CommandOutcome = CommandResult | Refusal;

/**
 * Runs one command on `doc` (never mutated). The patch is derived by
 * comparing the documents, so it and its inverse are exact by construction.
 */
export function runCommand(doc: SopDocument, cmd: Command): CommandOutcome {
  const definition = commandRegistry[cmd.id] as CommandDefinition<unknown> | undefined;
  if (!definition) {
    return { ok: false, code: 'command.unknown', reason: { id: `Perintah ${JSON.stringify(cmd.id)} tidak dikenal.`, en: `Unknown command ${JSON.stringify(cmd.id)}.` } };
  }
  const applied = definition.run(doc, cmd.params);
  if ('ok' in applied) return applied;
  const patch = diffDocuments(doc, applied.doc);
  return {
    ok: true,
    command: cmd,
    title: definition.title,
    doc: patch.length === 0 ? doc : applied.doc,
    patch,
    inverse: invertPatch(patch),
    changes: patch.length === 0 ? [] : applied.changes,
    select: applied.select ?? applied.changes.filter((c) => c.change !== 'removed').map(({ change: _change, ...ref }) => ref),
    ...(applied.message ? { message: applied.message } : {}),
  };
}

/** The key under which consecutive runs of this command merge into one undo step, if any. */
export function coalesceKeyOf(cmd: Command): string | undefined {
  const definition = commandRegistry[cmd.id] as CommandDefinition<unknown>;
  return definition.coalesceKey?.(cmd.params);
}

export function commandTitle(id: CommandId): LocalizedText {
  return commandRegistry[id].title;
}
