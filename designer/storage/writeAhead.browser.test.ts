// Replaying write-ahead copies into the designer's IndexedDB (real Chromium):
// a copy is written only over the save it was based on, never over a newer one.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSamples } from '../../samples';
import type { TabIdentity } from '../../ui/durability/tabIdentity';
import { createWriteAheadJournal, type KeyValueStore } from '../../ui/durability/writeAhead';
import { openDesignerDb, type DesignerDatabase } from './db';
import { documentToJson } from './documentJson';
import { SopRepository } from './repository';
import { copyIdOf, designerJournal, replayWriteAhead, type DesignerCopy } from './writeAhead';

const opened: DesignerDatabase[] = [];
let counter = 0;
const SOP = 'bwi-spm-online';
const sample = () => structuredClone(loadSamples().find((d) => d.id === SOP)!);

function freshRepo(): SopRepository {
  const db = openDesignerDb({ name: `designer-wal-test-${Date.now()}-${counter++}`, seed: () => [sample()] });
  opened.push(db);
  return new SopRepository(db);
}

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** A localStorage stand-in (so tests never share the page's) that can be made full. */
function memoryStore(capacity = Infinity): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...items.entries()].reduce((n, [key, value]) => (key === k ? n : n + key.length + value.length), 0);
      if (used + k.length + v.length > capacity) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
  };
}

const tabs = (open: string[] = []): TabIdentity => ({ id: 'me', previousId: 'me-before', isOtherTabOpen: async (id) => open.includes(id) });

function copyOf(title: string, baseSaveCount: number, tabId = 'me-before', at = Date.now()): DesignerCopy {
  const doc = sample();
  doc.identity.title = title;
  return { sopId: SOP, tabId, baseSaveCount, at, json: documentToJson(doc) };
}

describe('write-ahead copies of the designer', () => {
  it('replays a copy the page left behind into IndexedDB, then removes it', async () => {
    const repo = freshRepo();
    const journal = designerJournal(repo.db.name, memoryStore());
    const { summary } = (await repo.loadDraft(SOP))!;
    journal.put(copyIdOf(SOP, 'me-before'), copyOf('Judul yang diketik sebelum dimuat ulang', summary.saveCount));
    const held = await replayWriteAhead(repo, journal, tabs());
    expect(held.size).toBe(0);
    expect((await repo.loadDraft(SOP))!.doc.identity.title).toBe('Judul yang diketik sebelum dimuat ulang');
    expect(journal.entries()).toEqual([]);
  });

  it('never overwrites a newer save made by another tab: the copy is held for the drafter to choose', async () => {
    const repo = freshRepo();
    const journal = designerJournal(repo.db.name, memoryStore());
    const loaded = (await repo.loadDraft(SOP))!;
    journal.put(copyIdOf(SOP, 'closed-tab'), copyOf('Versi tab yang ditutup', loaded.summary.saveCount, 'closed-tab'));
    // Another tab saved after the copy's base.
    const theirs = structuredClone(loaded.doc);
    theirs.identity.title = 'Versi tab lain yang lebih baru';
    await repo.saveDraft(theirs, loaded.summary.saveCount);

    const held = await replayWriteAhead(repo, journal, tabs());
    expect((await repo.loadDraft(SOP))!.doc.identity.title).toBe('Versi tab lain yang lebih baru');
    expect(held.get(SOP)?.json).toContain('Versi tab yang ditutup');
    expect(held.get(SOP)?.baseSaveCount).toBe(loaded.summary.saveCount);
    // Kept until the drafter decides (the editor removes it then).
    expect(journal.entries()).toHaveLength(1);
  });

  it('drops a copy whose save did commit (only the clean-up was cut short)', async () => {
    const repo = freshRepo();
    const journal = designerJournal(repo.db.name, memoryStore());
    const loaded = (await repo.loadDraft(SOP))!;
    const copy = copyOf('Sudah tersimpan', loaded.summary.saveCount);
    journal.put(copyIdOf(SOP, 'me-before'), copy);
    await repo.saveDraft(JSON.parse(copy.json), loaded.summary.saveCount);
    const held = await replayWriteAhead(repo, journal, tabs());
    expect(held.size).toBe(0);
    expect(journal.entries()).toEqual([]);
  });

  it('leaves alone the copy of a tab that is still open (it saves it itself)', async () => {
    const repo = freshRepo();
    const journal = designerJournal(repo.db.name, memoryStore());
    const { summary } = (await repo.loadDraft(SOP))!;
    journal.put(copyIdOf(SOP, 'open-tab'), copyOf('Masih diketik di tab lain', summary.saveCount, 'open-tab'));
    await replayWriteAhead(repo, journal, tabs(['open-tab']));
    expect((await repo.loadDraft(SOP))!.doc.identity.title).toBe(sample().identity.title);
    expect(journal.entries()).toHaveLength(1);
  });

  it('drops copies of deleted SOPs and copies that are not documents', async () => {
    const repo = freshRepo();
    const journal = designerJournal(repo.db.name, memoryStore());
    const { summary } = (await repo.loadDraft(SOP))!;
    journal.put(copyIdOf(SOP, 'me-before'), { ...copyOf('x', summary.saveCount), json: '{"broken' });
    journal.put(copyIdOf('dihapus', 'me-before'), { ...copyOf('y', 1), sopId: 'dihapus' });
    await replayWriteAhead(repo, journal, tabs());
    expect(journal.entries()).toEqual([]);
    expect((await repo.loadDraft(SOP))!.doc.identity.title).toBe(sample().identity.title);
  });
});

describe('the write-ahead journal', () => {
  it('says when a copy cannot be stored (full or too large) and leaves no stale copy behind', () => {
    const store = memoryStore(2_000);
    const journal = createWriteAheadJournal<{ text: string }>('t.', store, 1_500);
    expect(journal.put('a', { text: 'kecil' })).toBe(true);
    // Too large for the journal's limit: refused, and the older, smaller copy is removed.
    expect(journal.put('a', { text: 'x'.repeat(1_600) })).toBe(false);
    expect(journal.get('a')).toBeUndefined();
    expect(journal.put('b', { text: 'y'.repeat(1_400) })).toBe(true);
    // Fits the limit but not the space left: refused too.
    expect(journal.put('c', { text: 'z'.repeat(1_000) })).toBe(false);
    expect(journal.entries().map((e) => e.id)).toEqual(['b']);
  });

  it('works without storage at all (disabled by the browser), saying nothing was stored', () => {
    const journal = createWriteAheadJournal<number>('t.', null);
    expect(journal.put('a', 1)).toBe(false);
    expect(journal.entries()).toEqual([]);
  });
});
