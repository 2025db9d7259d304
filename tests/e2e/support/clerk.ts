// What a clerk does first on a new device, through the runtime's UI: say who they are.
import type { Page } from 'playwright-core';

export interface ProfileInput {
  name: string;
  nip?: string;
  office?: string;
  /** Typed in the lane search before ticking `lanes`. */
  laneSearch?: string;
  /** Accessible names (or patterns) of the lane checkboxes to tick. */
  lanes?: (string | RegExp)[];
}

/** Opens the runtime's profile page, fills it in and saves it; the page stays on the runtime. */
export async function setUpProfile(page: Page, runtimeUrl: string, input: ProfileInput): Promise<void> {
  await page.goto(`${runtimeUrl.replace(/#.*$/, '')}#/profil`);
  await page.getByLabel('Nama lengkap').fill(input.name);
  if (input.nip) await page.getByLabel('NIP (boleh kosong)').fill(input.nip);
  if (input.office) await page.getByLabel('Kantor').fill(input.office);
  if (input.laneSearch) await page.getByLabel('Cari lajur, SOP atau organisasi').fill(input.laneSearch);
  for (const lane of input.lanes ?? []) await page.getByRole('checkbox', { name: lane }).first().check();
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await page.getByRole('link', { name: `Petugas: ${input.name}` }).waitFor();
}
