// A case that reached an end with outcome ditolak, dirujuk or dibatalkan says
// so wherever a clerk sees it once it is over: in the case list's status
// column and on the receipt, in Bahasa Indonesia and in English. (The inbox
// lists open cases only, so a finished case never appears there.) The cases
// are run by the engine on the crafted v2 SOPs; the rows are what storage
// keeps for them (caseRowOf).
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { CaseDriver } from '../../core/engine/testing/caseDriver';
import { outcomesSop, rejectionSop } from '../../core/engine/testing/v2Sops';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { ReceiptView } from '../receipt/Receipt';
import { caseRowOf, sopRowOf } from '../storage/repository';
import { CaseTable } from './CaseTable';

let unmount: (() => Promise<void> | void) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

/** The rejection SOP with its "Tidak Layak" end made a cancellation (the applicant withdrew). */
function cancellationSop(): SopDocument {
  const sop = rejectionSop();
  sop.id = 'sktm-batal';
  const end = sop.flows[0]!.steps.find((s) => s.id === 'tolak')!;
  end.outcome = 'dibatalkan';
  end.text = 'Permohonan dibatalkan atas permintaan pemohon';
  return sop;
}

/** One finished case per outcome, each with its applicant's name. */
function finishedCases() {
  const run = (sop: SopDocument, caseId: string, name: string, drive: (d: CaseDriver) => void) => {
    const d = new CaseDriver(sop, caseId);
    d.ok({ type: 'case.start', fields: { nama: name } });
    drive(d);
    expect(d.current.status).toBe('finished');
    return { sop, row: caseRowOf(sop, d.current), name };
  };
  return {
    selesai: run(rejectionSop(), 'case-selesai', 'Ani Selesai', (d) => {
      d.ok({ type: 'step.complete', stepId: 'terima' });
      d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-ya' });
      d.ok({ type: 'step.complete', stepId: 'terbit' });
    }),
    ditolak: run(rejectionSop(), 'case-ditolak', 'Budi Ditolak', (d) => {
      d.ok({ type: 'step.complete', stepId: 'terima' });
      d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak' });
      d.ok({ type: 'step.complete', stepId: 'tolak' });
    }),
    dirujuk: run(outcomesSop(), 'case-dirujuk', 'Citra Dirujuk', (d) => {
      d.ok({ type: 'step.complete', stepId: 'terima' });
      d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-ya' });
      d.ok({ type: 'step.complete', stepId: 'terbit' });
      d.ok({ type: 'step.complete', stepId: 'kec' });
      d.ok({ type: 'step.complete', stepId: 'rujuk' });
    }),
    dibatalkan: run(cancellationSop(), 'case-dibatalkan', 'Dedi Dibatalkan', (d) => {
      d.ok({ type: 'step.complete', stepId: 'terima' });
      d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak' });
      d.ok({ type: 'step.complete', stepId: 'tolak' });
    }),
  };
}

const LIST = {
  id: { selesai: 'Selesai', ditolak: 'Ditolak', dirujuk: 'Dirujuk', dibatalkan: 'Dibatalkan' },
  en: { selesai: 'Completed', ditolak: 'Rejected', dirujuk: 'Referred elsewhere', dibatalkan: 'Cancelled' },
} as const;
const RECEIPT = {
  id: { selesai: 'Selesai', ditolak: 'Ditolak: permohonan tidak dapat dikabulkan', dirujuk: 'Dirujuk: pemohon diarahkan ke instansi lain', dibatalkan: 'Dibatalkan' },
  en: { selesai: 'Completed', ditolak: 'Rejected: the application cannot be granted', dirujuk: 'Referred: the applicant is directed to another agency', dibatalkan: 'Cancelled' },
} as const;

describe('a finished case shows its outcome in the case list and on the receipt (Chromium)', () => {
  it.each(['id', 'en'] as const)('the case list names each outcome, not just "finished" (%s)', async (lang) => {
    const cases = finishedCases();
    const sops = new Map(Object.values(cases).map(({ sop }) => [sopRowOf(sop).key, sopRowOf(sop)]));
    const screen = await render(
      <I18nProvider initialLang={lang} persist={false}>
        <CaseTable rows={Object.values(cases).map((c) => c.row)} sops={sops} timeZone="Asia/Jakarta" now={Date.parse('2025-06-03T00:00:00Z')} caption="Kasus" />
      </I18nProvider>,
    );
    unmount = screen.unmount;
    for (const [outcome, { name }] of Object.entries(cases) as [keyof typeof LIST.id, { name: string }][]) {
      const row = screen.getByRole('row').filter({ hasText: name });
      await expect.element(row.getByRole('cell').last()).toHaveTextContent(LIST[lang][outcome]);
    }
    // A rejected, referred or cancelled case is never called finished/completed.
    const statuses = Array.from(document.querySelectorAll('tbody tr td:last-child')).map((td) => td.textContent);
    expect(statuses).toEqual(Object.keys(cases).map((o) => LIST[lang][o as keyof typeof LIST.id]));
  });

  it.each(['id', 'en'] as const)('the receipt says how the case ended (%s)', async (lang) => {
    for (const [outcome, { sop, row }] of Object.entries(finishedCases()) as [keyof typeof RECEIPT.id, { sop: SopDocument; row: ReturnType<typeof caseRowOf> }][]) {
      const screen = await render(
        <I18nProvider initialLang={lang} persist={false}>
          <ReceiptView row={row} sop={sop} timeZone="Asia/Jakarta" />
        </I18nProvider>,
      );
      await expect.element(screen.getByRole('row', { name: /^Status/ }).getByRole('cell')).toHaveTextContent(LIST[lang][outcome]);
      await expect.element(screen.getByRole('row', { name: new RegExp(`^${lang === 'id' ? 'Hasil' : 'Outcome'}`) }).getByRole('cell')).toHaveTextContent(RECEIPT[lang][outcome]);
      await screen.unmount();
    }
  });
});
