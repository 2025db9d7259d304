import { jsonEqual } from '../../core/model/deepEqual';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { StorageError, type SopRepository } from '../storage';

/** What the drafter is told on opening: their deleted draft came back, the sample was added, or their edited copy is shown. */
export type OpenRequestNotice = 'restored' | 'created' | 'edited';

export type OpenRequestOutcome = { kind: 'opened'; id: string; notice?: OpenRequestNotice } | { kind: 'missing'; id: string };

/**
 * Honours a link that asks the designer to open one SOP (the start page's
 * samples link here). The drafter's own copy always wins: a draft with that
 * id is opened as it is, edits and all; one they deleted (still restorable)
 * is brought back rather than replaced. Only when the library holds no such
 * SOP is it created from the bundled sample of that id.
 */
export async function openRequestedSop(repository: SopRepository, samples: readonly SopDocument[], id: string): Promise<OpenRequestOutcome> {
  const sample = samples.find((s) => s.id === id);
  const state = await repository.draftState(id);
  if (state === 'live') return openExisting(repository, sample, id);
  if (state === 'deleted') {
    await repository.restoreDraft(id);
    return { kind: 'opened', id, notice: 'restored' };
  }
  if (!sample) return { kind: 'missing', id };
  try {
    await repository.createDraft(structuredClone(sample));
  } catch (error) {
    // Another tab created it a moment ago: open that one.
    if (error instanceof StorageError && error.kind === 'exists') return openExisting(repository, sample, id);
    throw error;
  }
  return { kind: 'opened', id, notice: 'created' };
}

async function openExisting(repository: SopRepository, sample: SopDocument | undefined, id: string): Promise<OpenRequestOutcome> {
  const loaded = await repository.loadDraft(id);
  if (!sample || !loaded || jsonEqual(loaded.doc, sample)) return { kind: 'opened', id };
  return { kind: 'opened', id, notice: 'edited' };
}
