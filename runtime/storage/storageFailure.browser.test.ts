// A closed database and an aborted write in the runtime (real Chromium IndexedDB):
// the clerk is told what happened and what to do in both languages, never the
// browser's raw English, and the next command works without a reload.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseCommand } from '../../core/engine';
import { copyDraft, draftJournal, replayDraftCopies } from '../case/draftWriteAhead';
import type { RuntimeDb } from './db';
import { toStorageError } from './errors';
import { commitCommand, loadDraft, newId, saveDraft, startCase, type CommitResult } from './repository';
import { dbWithSop } from './testing';

const opened: RuntimeDb[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };

async function startedCase() {
  const { db, sopKey } = await dbWithSop();
  opened.push(db);
  const started = await startCase(db, { sopKey, fields: APPLICANT, at: '2025-06-02T01:00:00.000Z' });
  if (!started.ok) throw new Error(started.rejection.message.en);
  return { db, state: started.state };
}

const complete = (caseId: string, revision: number): CaseCommand =>
  ({ type: 'step.complete', id: newId(), caseId, expectedRevision: revision, at: new Date().toISOString(), stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'] }) as CaseCommand;

const values = (note: string) => ({ ticked: [], waivers: {}, fields: {}, output: '', note });

describe('a closed runtime database', () => {
  it('is reopened on the next command and the next draft save, without a reload', async () => {
    const { db, state } = await startedCase();
    db.close();
    const result: CommitResult = await commitCommand(db, complete(state.id, 1));
    expect(result.ok).toBe(true);
    db.close();
    await saveDraft(db, state.id, 's2#1', values('setelah ditutup'));
    expect((await loadDraft(db, state.id, 's2#1'))?.values.note).toBe('setelah ditutup');
  });

  it('says in both languages that it could not be reopened, then works once it can', async () => {
    const { db, state } = await startedCase();
    const reopen = vi.spyOn(db, 'open').mockRejectedValue(Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }));
    db.close();
    const refused = await commitCommand(db, complete(state.id, 1));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.rejection.message.id).toMatch(/^Basis data perangkat sempat tertutup.*perubahan ini TIDAK tersimpan, data yang sudah tersimpan tetap utuh\. Tutup tab Pelaksana lainnya, lalu coba lagi\.$/);
      expect(refused.rejection.message.en).toMatch(/^The device database was closed.*this change was NOT saved; what was saved before is intact\. Close other Runtime tabs, then try again\.$/);
      expect(`${refused.rejection.message.id} ${refused.rejection.message.en}`).not.toMatch(/DatabaseClosedError/);
    }
    reopen.mockRestore();
    expect((await commitCommand(db, complete(state.id, 1))).ok).toBe(true);
  });
});

describe('storage failures the clerk is told about', () => {
  it('explains an aborted write (most often a full disk) and an unknown failure without raw English', () => {
    const aborted = toStorageError(Object.assign(new Error('The transaction was aborted, so the request cannot be fulfilled.'), { name: 'AbortError' }));
    expect(aborted.localized.id).toMatch(/Browser membatalkan penyimpanan sebelum selesai.*ruang penyimpanan penuh/);
    expect(aborted.localized.en).toMatch(/The browser aborted the save before it finished.*full storage/);
    const quota = toStorageError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('quota', 'QuotaExceededError') }));
    expect(quota.code).toBe('storage.full');
    const unknown = toStorageError(new DOMException('Internal error opening backing store', 'UnknownError'));
    expect(unknown.localized.id).toContain('kode teknis: UnknownError');
    expect(unknown.localized.en).not.toContain('Internal error opening backing store');
  });
});

describe('write-ahead copies of step drafts', () => {
  it('replays a copy newer than the stored draft, keeps a newer stored draft, and drops copies of finished visits', async () => {
    const { db, state } = await startedCase();
    const store = new Map<string, string>();
    const journal = draftJournal(db.name, {
      get length() {
        return store.size;
      },
      key: (i) => [...store.keys()][i] ?? null,
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    });
    const visit = state.visits.find((v) => v.status === 'active')!.id;
    // Typed, then the page went away before the IndexedDB write.
    await saveDraft(db, state.id, visit, values('lama'));
    copyDraft(journal, state.id, visit, values('yang terakhir diketik'), Date.now() + 1);
    copyDraft(journal, state.id, 'kunjungan-selesai', values('x'));
    await replayDraftCopies(db, journal, state.id, state);
    expect((await loadDraft(db, state.id, visit))?.values.note).toBe('yang terakhir diketik');
    expect(journal.entries()).toEqual([]);

    // Another tab saved after this copy was made: its draft stands.
    copyDraft(journal, state.id, visit, values('salinan lama'), Date.now() - 60_000);
    await replayDraftCopies(db, journal, state.id, state);
    expect((await loadDraft(db, state.id, visit))?.values.note).toBe('yang terakhir diketik');
    expect(journal.entries()).toEqual([]);
  });
});
