// The write-ahead copy as the drafter meets it (real Chromium): leaving the page
// asks first only while a change is neither in IndexedDB nor copied, and a copy
// that met a newer save reopens with the choice of which version to keep.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { openDesigner, userEvent, waitForSaved } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await designer?.dispose();
  designer = undefined;
  localStorage.clear();
});

const SAMPLE = 'bwi-spm-online';
const sample = (): SopDocument => structuredClone(loadSample(SAMPLE)!);

/** True when leaving the page now would ask the drafter first. */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

async function openOnIdentity() {
  designer = await openDesigner({ seed: () => [sample()] });
  const screen = designer.screen;
  await screen.getByRole('button', { name: sample().identity.title, exact: true }).click();
  await screen.getByRole('tab', { name: 'Identitas' }).click();
  const field = screen.getByLabelText('Nama', { exact: true });
  await expect.element(field).toBeVisible();
  return { screen, field };
}

describe('the leave-page warning', () => {
  it('stays quiet while the copy covers an unsaved change, and asks while nothing holds it', async () => {
    const { screen, field } = await openOnIdentity();
    expect(leavingAsks()).toBe(false);

    // IndexedDB refuses, the copy holds the change: leaving is safe, the next load replays it.
    const idb = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await userEvent.click(field);
    await userEvent.keyboard('{End}A');
    await expect.element(screen.getByRole('alert')).toBeVisible();
    expect(leavingAsks()).toBe(false);

    // localStorage is full too: this change is only on screen, so leaving asks.
    const local = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await userEvent.keyboard('B');
    expect(leavingAsks()).toBe(true);

    // Space again: the pending autosave goes through, and once IndexedDB holds it, leaving no longer asks.
    idb.mockRestore();
    local.mockRestore();
    await waitForSaved();
    expect(leavingAsks()).toBe(false);
    expect((await designer!.stored(SAMPLE))!.identity.approver!.name).toMatch(/AB$/);
  });
});

describe('a document too large for a copy', () => {
  it('asks before leaving only until IndexedDB holds the change, and leaves no outdated copy', async () => {
    const big = sample();
    // About 1.2 M characters of revision history (not printed, within the schema's limits): over the copy's limit.
    big.revision = { ...big.revision, changeNotes: Array.from({ length: 60 }, (_, i) => ({ revision: 1, note: `Catatan ${i} `.padEnd(20_000, 'x') })) };
    designer = await openDesigner({ seed: () => [big] });
    const screen = designer.screen;
    await screen.getByRole('button', { name: big.identity.title, exact: true }).click();
    await screen.getByRole('tab', { name: 'Identitas' }).click();
    const field = screen.getByLabelText('Nama', { exact: true });
    await userEvent.click(field);
    await userEvent.keyboard('{End}Q');
    expect(leavingAsks()).toBe(true);
    expect(Object.keys(localStorage).filter((k) => k.startsWith(`sop-studio.wal.${designer!.dbName}.`))).toEqual([]);
    await waitForSaved();
    expect(leavingAsks()).toBe(false);
    expect((await designer!.stored(SAMPLE))!.identity.approver!.name).toMatch(/Q$/);
  });
});

describe('a copy that met a newer save', () => {
  it('reopens what the drafter last saw, says why, and keeps their version when they choose it', async () => {
    designer = await openDesigner({ seed: () => [sample()] });
    await expect.element(designer.screen.getByRole('button', { name: sample().identity.title, exact: true })).toBeVisible();
    // A tab that was closed mid-edit, based on save 0; the stored draft is at save 1 since.
    const mine = sample();
    mine.identity.title = 'Judul yang diketik sebelum tab ditutup';
    localStorage.setItem(
      `sop-studio.wal.${designer.dbName}.closed-tab:${SAMPLE}`,
      JSON.stringify({ sopId: SAMPLE, tabId: 'closed-tab', baseSaveCount: 0, at: Date.now(), json: JSON.stringify(mine) }),
    );
    const screen = await designer.reload();
    // Nothing was written over the newer save.
    expect((await designer.stored(SAMPLE))!.identity.title).toBe(sample().identity.title);

    await screen.getByRole('button', { name: sample().identity.title, exact: true }).click();
    await expect.element(screen.getByRole('heading', { name: mine.identity.title })).toBeVisible();
    await expect.element(screen.getByText(/telah dipulihkan, tetapi SOP ini telah disimpan lagi sejak itu/)).toBeVisible();
    await expect.element(screen.getByText(/telah disimpan di tab lain sejak Anda membukanya/)).toBeVisible();
    await screen.getByRole('button', { name: 'Simpan versi saya' }).click();
    await waitForSaved();
    expect((await designer.stored(SAMPLE))!.identity.title).toBe(mine.identity.title);
    expect(Object.keys(localStorage).filter((k) => k.startsWith(`sop-studio.wal.${designer!.dbName}.`))).toEqual([]);
  });
});
