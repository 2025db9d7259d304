// A full disk and a closed database while drafting (real Chromium, real IndexedDB):
// the drafter reads what happened and what to do in their language, the edit stays
// on screen and in the write-ahead copy, and the next save works without a reload.
import Dexie from 'dexie';
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

const TEXT = {
  id: { identity: 'Identitas', name: 'Nama', retry: 'Coba simpan lagi' },
  en: { identity: 'Identity', name: 'Name', retry: 'Try saving again' },
} as const;

async function openOnIdentity(lang: 'id' | 'en') {
  designer = await openDesigner({ seed: () => [sample()], lang });
  const screen = designer.screen;
  await screen.getByRole('button', { name: sample().identity.title, exact: true }).click();
  await screen.getByRole('tab', { name: TEXT[lang].identity }).click();
  const field = screen.getByLabelText(TEXT[lang].name, { exact: true });
  await expect.element(field).toBeVisible();
  return { screen, field };
}

/** The browser refuses every IndexedDB write for lack of space, as a full disk does. */
function fillTheDisk() {
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

function designerConnection(name: string): Dexie {
  // Dexie keeps every open connection of the page in `Dexie.connections` (missing from its typings).
  const db = (Dexie as unknown as { connections: Dexie[] }).connections.find((c) => c.name === name);
  if (!db) throw new Error(`no open connection to ${name}`);
  return db;
}

function writeAheadCopies(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith(`sop-studio.wal.${designer!.dbName}.`));
}

describe('storage failures in the designer (real Chromium)', () => {
  for (const [lang, expected] of [
    ['id', /Penyimpanan browser penuh: perubahan terakhir belum tersimpan\. Versi terakhir yang tersimpan tetap aman\. Kosongkan ruang/],
    ['en', /Browser storage is full: your latest change is not saved yet\. The last saved version is safe\. Free some space/],
  ] as const) {
    it(`explains a full disk (${lang}), keeps the edit, and saves it once space is free, without a reload`, async () => {
      const { screen, field } = await openOnIdentity(lang);
      const before = (await designer!.stored(SAMPLE))!.identity.approver!.name;
      const disk = fillTheDisk();
      await userEvent.click(field);
      await userEvent.keyboard('{End}X');
      const banner = screen.getByRole('alert');
      await expect.element(banner).toHaveTextContent(expected);
      expect(banner.element().textContent).not.toMatch(/QuotaExceededError|AbortError/);
      // Nothing reached IndexedDB, but the write-ahead copy holds what is on screen.
      expect((await designer!.stored(SAMPLE))!.identity.approver!.name).toBe(before);
      expect(writeAheadCopies()).toHaveLength(1);
      expect(localStorage.getItem(writeAheadCopies()[0]!)).toContain(`${before}X`);
      await expect.element(field).toHaveValue(`${before}X`);

      disk.mockRestore();
      await screen.getByRole('button', { name: TEXT[lang].retry }).click();
      await waitForSaved();
      expect((await designer!.stored(SAMPLE))!.identity.approver!.name).toBe(`${before}X`);
      expect(writeAheadCopies()).toEqual([]);
    });
  }

  it('reopens a database that was closed under it: the next save and the library work without a reload', async () => {
    const { screen, field } = await openOnIdentity('id');
    const before = (await designer!.stored(SAMPLE))!.identity.approver!.name;
    designerConnection(designer!.dbName).close();
    await userEvent.click(field);
    await userEvent.keyboard('{End}Y');
    await waitForSaved();
    expect(screen.getByRole('alert').query()).toBeNull();
    expect((await designer!.stored(SAMPLE))!.identity.approver!.name).toBe(`${before}Y`);

    // The library lists the SOPs again after another close.
    designerConnection(designer!.dbName).close();
    await screen.getByRole('button', { name: /Pustaka SOP/ }).click();
    await expect.element(screen.getByRole('button', { name: sample().identity.title, exact: true })).toBeVisible();
  });

  for (const [lang, expected] of [
    ['id', /Basis data penyimpanan browser sempat tertutup.*Perubahan Anda masih ada di layar ini/],
    ['en', /The browser’s storage database was closed.*Your changes are still on this screen/],
  ] as const) {
    it(`explains a database that could not be reopened (${lang}), then saves on retry`, async () => {
      const { screen, field } = await openOnIdentity(lang);
      const before = (await designer!.stored(SAMPLE))!.identity.approver!.name;
      const db = designerConnection(designer!.dbName);
      const reopen = vi.spyOn(db, 'open').mockRejectedValue(Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }));
      db.close();
      await userEvent.click(field);
      await userEvent.keyboard('{End}Z');
      const banner = screen.getByRole('alert');
      await expect.element(banner).toHaveTextContent(expected);
      expect(banner.element().textContent).not.toMatch(/DatabaseClosedError/);

      reopen.mockRestore();
      await screen.getByRole('button', { name: TEXT[lang].retry }).click();
      await waitForSaved();
      expect((await designer!.stored(SAMPLE))!.identity.approver!.name).toBe(`${before}Z`);
    });
  }
});
