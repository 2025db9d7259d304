import { useEffect, useState } from 'react';
import { isLang, translate, type Lang } from '../../core/i18n';
import { validateSop, hasErrors } from '../../core/validation';
import { loadSample, sampleIds } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { AppShell } from '../../ui/AppShell';
import { useI18n } from '../../ui/i18n';
import { isNotationPreset } from '../../core/notation';
import { parseOrientation, parsePaperSize } from '../model';
import { PrintPreview, type PrintPreviewProps } from './PrintPreview';
import { HandOverError, takeHandedOverDocument } from './handover';

/**
 * The print page: `print/?doc=<key>` prints a document handed over by the
 * designer or the runtime (see `openPrintView`), `print/?sample=<id>` a
 * sample; without either it lists the samples. A document that does not
 * validate is not printed. `&lang=en` prints in another language than the
 * document's own (Bahasa Indonesia), whatever the interface speaks.
 */
export interface PrintAppProps {
  /** The page's query string (default: the address bar's); stories pass their own. */
  search?: string;
  /** How long to wait for a document still being handed over (default HAND_OVER_WAIT_MS). */
  waitMs?: number;
}

export function PrintApp({ search, waitMs }: PrintAppProps = {}) {
  const { t, lang } = useI18n();
  const [params] = useState(() => new URLSearchParams(search ?? window.location.search));
  const [picked, setPicked] = useState<Picked | null>(null);
  useEffect(() => {
    // Taken once: a handed-over document is removed from storage as it is read.
    let active = true;
    void pickDocument(params, lang, waitMs).then((result) => active && setPicked(result));
    return () => {
      active = false;
    };
    // The document is picked when the page opens; a language switch later only changes the controls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  if (picked === null) {
    return (
      <AppShell title={t('print.ui.heading')} startHref="../">
        <p role="status" className="print-picker">
          {t('durability.print.waiting')}
        </p>
      </AppShell>
    );
  }
  const { doc, problem } = picked;
  return (
    <AppShell title={t('print.ui.heading')} startHref="../">
      {doc ? (
        <PrintPreview doc={doc} {...previewOptions(params)} />
      ) : (
        <div className="print-picker">
          {problem ? <p role="alert">{problem}</p> : null}
          <h2>{t('print.ui.pickSample')}</h2>
          <ul>
            {sampleIds.map((id) => (
              <li key={id}>
                <a href={`?sample=${encodeURIComponent(id)}`}>{loadSample(id)?.identity.title ?? id}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </AppShell>
  );
}

/** `?lang=en&paper=Legal&orientation=portrait&style=hitam-putih`: case does not matter. */
function previewOptions(params: URLSearchParams): Omit<PrintPreviewProps, 'doc'> {
  const paper = parsePaperSize(params.get('paper'));
  const orientation = parseOrientation(params.get('orientation'));
  const style = params.get('style')?.trim().toLowerCase();
  return {
    ...(isLang(params.get('lang')) ? { initialDocLang: params.get('lang') as Lang } : {}),
    ...(paper ? { initialPaper: paper } : {}),
    ...(orientation ? { initialOrientation: orientation } : {}),
    ...(isNotationPreset(style) ? { initialPreset: style } : {}),
  };
}

interface Picked {
  doc: SopDocument | null;
  problem: string | null;
}

async function pickDocument(params: URLSearchParams, lang: Lang, waitMs?: number): Promise<Picked> {
  const key = params.get('doc');
  let candidate: unknown;
  try {
    candidate = key ? await takeHandedOverDocument(key, waitMs) : params.get('sample') ? loadSample(params.get('sample')!) : null;
  } catch (error) {
    if (error instanceof HandOverError) return { doc: null, problem: error.localized[lang] };
    return { doc: null, problem: translate(lang, 'durability.print.unreadable') };
  }
  if (candidate === null || candidate === undefined) return { doc: null, problem: key || params.get('sample') ? translate(lang, 'print.ui.notFound') : null };
  const result = validateSop(candidate);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (hasErrors(result.diagnostics) && error) return { doc: null, problem: translate(lang, 'print.ui.invalid', { problem: error.message[lang] }) };
  return { doc: (result.document ?? candidate) as SopDocument, problem: null };
}
