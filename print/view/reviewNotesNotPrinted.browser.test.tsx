// Review notes (an evaluation's findings on steps) are working notes for the drafter:
// the printed SOP, the Permenpan table, never shows them (real Chromium).
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { command, runCommand } from '../../core/document';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { PrintPreview } from './PrintPreview';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function withReviewNotes(): SopDocument {
  const doc = structuredClone(loadSample('bwi-spm-online')!);
  const outcome = runCommand(
    doc,
    command('evaluationNotes.attach', {
      evaluation: { id: 'eval-cetak', title: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026' },
      notes: [{ stepId: 's5', text: 'CATATAN-TINJAUAN-LANGKAH-5 melebihi Waktu pada 62% kasus' }],
      generalNotes: ['CATATAN-TINJAUAN-UMUM tambahkan verifikasi NIK'],
    }),
  );
  if (!outcome.ok) throw new Error(outcome.reason.en);
  const noted = structuredClone(outcome.doc);
  // One of them already marked done: resolved or not, none is printed.
  noted.flows[0]!.steps.find((s) => s.id === 's5')!.reviewNotes![0]!.resolved = true;
  return noted;
}

describe('the printout never shows review notes', () => {
  it('prints the steps of an SOP carrying review notes without the notes', async () => {
    const doc = withReviewNotes();
    const screen = await render(
      <I18nProvider initialLang="id" persist={false}>
        <PrintPreview doc={doc} />
      </I18nProvider>,
    );
    unmount = () => screen.unmount();
    await expect.element(screen.getByRole('status')).toHaveTextContent(/Siap dicetak/);
    const printed = [...document.querySelectorAll('.print-page')].map((p) => p.textContent ?? '').join('\n');
    // The step the note is on is printed, with its own text.
    expect(printed).toContain(String(doc.flows[0]!.steps.find((s) => s.id === 's5')!.text).slice(0, 20));
    expect(printed).not.toContain('CATATAN-TINJAUAN');
    expect(document.querySelector('.print-document')?.innerHTML).not.toContain('CATATAN-TINJAUAN');
  }, 30_000);
});
