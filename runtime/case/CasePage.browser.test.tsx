// The case page in Chromium, on the Banyuwangi sample: a return's reason and
// missing documents reach the step the case came back to and the timeline,
// decision buttons say where they lead, each document has one attachment
// control, and "draft restored" is said only when a draft was restored.
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { CaseCommand } from '../../core/engine';
import type { CommandInput } from '../../core/engine/testing/caseDriver';
import { I18nProvider } from '../../ui/i18n';
import type { RuntimeDb } from '../storage/db';
import { caseEvents, commitCommand, emptyDraftValues, getCase, newId, saveDraft, startCase } from '../storage/repository';
import { dbWithSop } from '../storage/testing';
import { WithRuntime } from '../storyFixtures';
import { CasePage } from './CasePage';

let db: RuntimeDb | undefined;
let unmount: (() => Promise<void> | void) | undefined;

afterEach(async () => {
  await unmount?.();
  // Let the unmounted page's live queries settle before the database goes.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await db?.delete();
  db = undefined;
  unmount = undefined;
});

type Step = Exclude<CommandInput, { type: 'case.start' }>;

/** The Banyuwangi SOP with a case started by Siti Aminah, then the given commands. */
async function bwiCase(commands: Step[] = []): Promise<string> {
  const setup = await dbWithSop('bwi-spm-online', 'casepage');
  db = setup.db;
  const started = await startCase(db, { sopKey: setup.sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' } });
  if (!started.ok) throw new Error(started.rejection.message.en);
  const caseId = started.state.id;
  for (const command of commands) {
    const row = (await getCase(db, caseId))!;
    const result = await commitCommand(db, { ...command, id: newId(), caseId, at: new Date().toISOString(), expectedRevision: row.revision } as CaseCommand);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.message.en}`);
  }
  return caseId;
}

const TO_DECISION: Step[] = [
  { type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'], note: 'Pemohon datang pukul 08.00' },
  { type: 'step.complete', stepId: 's2' },
  { type: 'step.complete', stepId: 's3' },
  { type: 'step.complete', stepId: 's4', ticked: ['s4-r1', 's4-r2', 's4-r3'] },
  { type: 'step.complete', stepId: 's5' },
];

async function mount(caseId: string, lang: 'id' | 'en' = 'id') {
  const screen = await render(
    <I18nProvider initialLang={lang} persist={false}>
      <WithRuntime db={db!}>
        <CasePage caseId={caseId} />
      </WithRuntime>
    </I18nProvider>,
  );
  unmount = () => screen.unmount();
  return screen;
}

describe('the case page (Chromium)', () => {
  it('shows a return\'s reason, who sent it back and when, and the missing documents on the step it came back to, and on the timeline', async () => {
    const caseId = await bwiCase(TO_DECISION);
    const screen = await mount(caseId);
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 6' })).toBeVisible();

    // Kecamatan sends it back to the village step, naming the missing house photo.
    await screen.getByText('Kembalikan atau batalkan').click();
    await screen.getByLabelText('Kembalikan ke').selectOptions('s4');
    await screen.getByLabelText('Alasan pengembalian').fill('Fotokopi KTP pemilik rumah belum ada');
    await screen.getByRole('checkbox', { name: /Photo kopi KTP pemilik rumah/ }).click();
    await screen.getByRole('button', { name: 'Kembalikan', exact: true }).click();

    await expect.element(screen.getByRole('heading', { level: 3, name: /^Langkah 4/ })).toBeVisible();
    const notice = screen.getByRole('note', { name: 'Kasus dikembalikan ke langkah ini' });
    await expect.element(notice).toBeVisible();
    // "oleh KECAMATAN", or "oleh <person> (KECAMATAN)" where the event names the person.
    await expect.element(notice).toHaveTextContent(/Dikembalikan dari langkah 6 oleh ([^,(]+ \()?KECAMATAN\)?, \d+ \w+ \d{4}, \d{2}\.\d{2} WIB\./);
    await expect.element(notice).toHaveTextContent('Alasan: Fotokopi KTP pemilik rumah belum ada');
    await expect.element(notice).toHaveTextContent(/Persyaratan yang kurang:.*Photo kopi KTP pemilik rumah, jika numpang\/sewa/);
    // The missing requirement is marked in the checklist by a word, not only a colour.
    const missingRow = document.querySelector('.rt-step [data-requirement].rt-check--missing');
    expect(missingRow?.textContent).toMatch(/Photo kopi KTP pemilik rumah.*kurang saat dikembalikan/);
    expect(document.querySelectorAll('.rt-step .rt-check--missing')).toHaveLength(1);

    // The timeline: the step-1 note, and the return with its reason and what was missing.
    const rowOf = (visit: string) => document.querySelector(`.rt-timeline tr[data-visit="${visit}"]`)!;
    expect(rowOf('s1#1').textContent).toContain('Catatan: Pemohon datang pukul 08.00');
    expect(rowOf('s6#1').textContent).toMatch(/Dikembalikan ke langkah 4 oleh ([^(]+ \()?KECAMATAN\)?: Fotokopi KTP pemilik rumah belum ada/);
    expect(rowOf('s6#1').textContent).toContain('Kurang: Photo kopi KTP pemilik rumah, jika numpang/sewa');
    expect(rowOf('s4#2').textContent).toContain('dikembalikan dari langkah 6');
  });

  it('tells the applicant\'s return apart and shows it in English too', async () => {
    const caseId = await bwiCase([{ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'KK belum dibawa', missing: ['s1-r2'], by: { actorId: 'masyarakat-pemohon' } }]);
    const screen = await mount(caseId, 'en');
    await screen.getByRole('button', { name: 'The applicant is back: resume the case' }).click();
    const notice = screen.getByRole('note', { name: 'The applicant is back after the case was returned to them' });
    await expect.element(notice).toHaveTextContent('Reason: KK belum dibawa');
    await expect.element(notice).toHaveTextContent('KK asli beserta photo kopinya');
    expect(document.querySelector('.rt-check--missing')?.getAttribute('data-requirement')).toBe('s1-r2');
    expect(document.querySelector('.rt-timeline tr[data-visit="s1#1"]')!.textContent).toMatch(/Sent back to the applicant by ([^(]+ \()?MASYARAKAT\/ PEMOHON\)?: KK belum dibawa/);
  });

  it('says where each decision branch leads', async () => {
    const caseId = await bwiCase(TO_DECISION);
    const screen = await mount(caseId);
    const decision = screen.getByRole('group', { name: 'Keputusan' });
    await expect.element(decision.getByRole('button', { name: 'memenuhi persyaratan → langkah 7 (DINAS SOSIAL)' })).toBeVisible();
    await decision.getByRole('button', { name: 'tidak memenuhi syarat → kembali ke langkah 4 (DESA/KELURAHAN)' }).click();
    await expect.element(screen.getByRole('heading', { level: 3, name: /^Langkah 4/ })).toBeVisible();
  });

  it('gives each requirement one attachment control, filing the photo under the requirement and its file field', async () => {
    const caseId = await bwiCase();
    const screen = await mount(caseId);
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 1' })).toBeVisible();
    const step = document.querySelector('.rt-step')!;
    // Three documents, three controls: none again under "Isian langkah ini", and no second native picker.
    expect(Array.from(step.querySelectorAll('button')).filter((b) => /^Lampirkan foto\/berkas/.test(b.getAttribute('aria-label') ?? '')).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Lampirkan foto/berkas untuk "KTP"',
      'Lampirkan foto/berkas untuk "KK asli beserta photo kopinya"',
      'Lampirkan foto/berkas untuk "rujukan dari Puskesmas"',
    ]);
    expect(Array.from(step.querySelectorAll('input[type="file"]')).every((input) => (input as HTMLInputElement).hidden)).toBe(true);
    expect(step.querySelector('input[capture]')).toBeNull();
    expect(step.textContent).not.toContain('Isian langkah ini');

    // What the device's picker hands back when the button opens it.
    await page.elementLocator(step.querySelector('[data-requirement="s1-r1"] input[type="file"]')!).upload(new File(['ktp'], 'ktp-siti.jpg', { type: 'image/jpeg' }));
    await expect.element(screen.getByRole('list', { name: 'Lampiran untuk "KTP"' })).toHaveTextContent('ktp-siti.jpg');
    for (const box of await screen.getByRole('checkbox', { name: /wajib diperiksa/ }).all()) await box.click();
    await screen.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 2' })).toBeVisible();

    const completed = (await caseEvents(db!, caseId)).find((e) => e.type === 'step.completed');
    const attachments = completed && 'submission' in completed ? completed.submission.attachments : undefined;
    expect(attachments).toEqual([expect.objectContaining({ name: 'ktp-siti.jpg', requirementId: 's1-r1', fieldId: 'berkas-ktp' })]);
    expect((await getCase(db!, caseId))!.state.fields['berkas-ktp']).toEqual([expect.objectContaining({ name: 'ktp-siti.jpg' })]);
  });

  it('says "draft restored" only for a draft with content saved before the page opened, not for the clerk\'s own typing', async () => {
    const caseId = await bwiCase();
    let screen = await mount(caseId);
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 1' })).toBeVisible();
    await screen.getByLabelText('Catatan').fill('Menunggu fotokopi');
    await expect.element(screen.getByText(/^Draf tersimpan otomatis pukul/)).toBeVisible();
    expect(await db!.drafts.count()).toBe(1);
    expect(screen.container.textContent).not.toContain('Draf yang belum dikirim dipulihkan.');

    // Reopened: the saved note comes back, and the clerk is told so.
    await screen.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    screen = await mount(caseId);
    await expect.element(screen.getByLabelText('Catatan')).toHaveValue('Menunggu fotokopi');
    await expect.element(screen.getByText('Draf yang belum dikirim dipulihkan.')).toBeVisible();

    // A draft that holds nothing (a note typed and cleared) restores nothing: no message.
    await screen.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await saveDraft(db!, caseId, 's1#1', emptyDraftValues(), []);
    expect(await db!.drafts.count()).toBe(1);
    screen = await mount(caseId);
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 1' })).toBeVisible();
    await expect.element(screen.getByLabelText('Catatan')).toHaveValue('');
    expect(screen.container.textContent).not.toContain('Draf yang belum dikirim dipulihkan.');
  });
});
