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
  await page.getByLabel('Nama lengkap', { exact: true }).fill(input.name);
  if (input.nip) await page.getByLabel('NIP (boleh kosong)').fill(input.nip);
  if (input.office) await page.getByLabel('Kantor', { exact: true }).fill(input.office);
  if (input.laneSearch) await page.getByLabel('Cari lajur, SOP atau organisasi').fill(input.laneSearch);
  for (const lane of input.lanes ?? []) await page.getByRole('checkbox', { name: lane }).first().check();
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await page.getByRole('link', { name: `Petugas: ${input.name}` }).waitFor();
}

/** Ticks every required document of the step on screen. */
export async function tickRequired(page: Page): Promise<void> {
  for (const box of await page.locator('.rt-step').first().getByRole('checkbox', { name: /wajib diperiksa/ }).all()) {
    if (!(await box.isChecked())) await box.check();
  }
}

/** An asked conditional row first asks whether it applies: say it does. */
async function sayItApplies(page: Page): Promise<void> {
  const applies = page.locator('.rt-step').first().getByRole('button', { name: 'Ya, berlaku' });
  if (await applies.count()) await applies.click();
}

/** Waits for step `number` to be the one on screen, ticks what it requires and completes it. */
export async function completeStep(page: Page, number: string | number): Promise<void> {
  await page.getByRole('heading', { level: 3, name: new RegExp(`^Langkah ${number}(kunjungan|$)`) }).first().waitFor();
  await sayItApplies(page);
  await tickRequired(page);
  await page.getByRole('button', { name: `Selesaikan langkah ${number}` }).click();
}

/** Takes a decision's branch by its label (the button also says where it leads). */
export async function chooseBranch(page: Page, label: string): Promise<void> {
  await tickRequired(page);
  await page.getByRole('button', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} →`) }).click();
}

/**
 * Completes whatever step is on screen, again and again, until the case is
 * finished (linear SOPs; a decision takes its first branch).
 */
export async function finishCase(page: Page, maxSteps = 60): Promise<void> {
  // What is on screen: the step, its signatures and its buttons; any command changes it.
  const stateOfStep = () =>
    page.evaluate(() => {
      const step = document.querySelector('.rt-step');
      const buttons = [...(step?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim()).join('|');
      return `${step?.querySelector('h3')?.textContent?.trim()}#${step?.querySelectorAll('.rt-chain__slot--done').length}#${buttons}`;
    });
  for (let i = 0; i < maxSteps; i++) {
    const done = page.getByText(/^Kasus selesai pada/);
    const step = page.locator('.rt-step').first();
    await done.or(step).first().waitFor();
    if (await done.isVisible()) return;
    const before = await stateOfStep();
    await sayItApplies(page);
    await tickRequired(page);
    // Complete the work, else sign off (paraf / tanda tangan, by a lane or a position in it), else take the first branch.
    const complete = step.getByRole('button', { name: /^Selesaikan langkah / });
    const signOff = step.getByRole('button', { name: /^(Bubuhkan |Catat (paraf|tanda tangan) )/ });
    const press = async () => {
      if (await complete.count()) await complete.first().click();
      else if (await signOff.count()) await signOff.first().click();
      else await step.getByRole('button', { name: / → / }).first().click();
    };
    await press();
    const changed = () =>
      page.waitForFunction(
        (previous) => {
          if (/Kasus selesai pada/.test(document.body.textContent ?? '')) return true;
          const step = document.querySelector('.rt-step');
          const buttons = [...(step?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim()).join('|');
          return `${step?.querySelector('h3')?.textContent?.trim()}#${step?.querySelectorAll('.rt-chain__slot--done').length}#${buttons}` !== previous;
        },
        before,
        // A command on a fully loaded two-core CI machine has taken over 30 s to show.
        { timeout: 30_000 },
      );
    // A press lost on a loaded machine (once in CI: the same step, no message, for 60 s) is pressed again, as a clerk
    // would; a second command on a step already taken is refused as stale and changes nothing.
    let error = await changed().then(() => undefined, (e: Error) => e);
    if (error) {
      console.warn(`finishCase: the step did not change within 30 s after its button (was ${before}); pressing it again`);
      await press().catch(() => undefined);
      error = await changed().then(() => undefined, (e: Error) => e);
    }
    if (error) {
      const shown = await page.locator('body').innerText().catch(() => '(unreadable)');
      throw new Error(`${error.message}\nThe step did not change after its button, pressed twice (was ${before}). Page ${page.url()} showed:\n${shown.slice(0, 2000)}`);
    }
  }
  throw new Error(`the case did not finish within ${maxSteps} commands`);
}
