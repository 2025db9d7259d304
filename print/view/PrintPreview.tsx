import { useId, useState } from 'react';
import { isLang, LANGS, LANGUAGE_NAMES, type Lang } from '../../core/i18n';
import { NOTATION_PRESETS, PRESETS, type NotationPreset } from '../../core/notation';
import { DEFAULT_MARGINS_MM, PAPER_NAMES, PAPER_SIZES, documentLanguage, exportFlowchartSvg, type Margins, type Orientation, type PaperSize, type PrintPlan } from '../model';
import { flowName } from '../../core/model/flowName';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { downloadBlob } from '../../ui/download';
import { svgToPngBlob } from './exportImage';
import { PrintDocument } from './PrintDocument';

export interface PrintPreviewProps {
  doc: SopDocument;
  initialPaper?: PaperSize;
  initialOrientation?: Orientation;
  /** The printout's language when the page asks for one (`print/?lang=en`); else the document's own. */
  initialDocLang?: Lang;
  initialPreset?: NotationPreset;
}

/**
 * The print view with its controls, for the designer and the runtime: paper,
 * orientation, margins, flowchart and the printout's language, a Print button
 * (the browser's print, which prints only the sheets), and SVG/PNG export of
 * the flowchart. The controls speak the interface language; the printout
 * speaks the document's (Bahasa Indonesia) unless the reader picks another.
 */
export function PrintPreview({ doc, initialPaper = 'a4', initialOrientation = 'landscape', initialDocLang, initialPreset = 'standar' }: PrintPreviewProps) {
  const { t, lang } = useI18n();
  const [docLang, setDocLang] = useState<Lang>(() => initialDocLang ?? documentLanguage(doc));
  const id = useId();
  const [paper, setPaper] = useState<PaperSize>(initialPaper);
  const [orientation, setOrientation] = useState<Orientation>(initialOrientation);
  const [margins, setMargins] = useState<Margins>({ ...DEFAULT_MARGINS_MM });
  const [flowId, setFlowId] = useState<string>('');
  const [preset, setPreset] = useState<NotationPreset>(initialPreset);
  const [computedTotal, setComputedTotal] = useState(false);
  const [tableTitle, setTableTitle] = useState(false);
  const [plan, setPlan] = useState<PrintPlan | null>(null);
  const exportFlow = flowId || doc.flows[0]?.id;
  const fileStem = (doc.identity.number || doc.id).replace(/[^\w.-]+/g, '-');

  const exportSvg = () => {
    const svg = exportFlowchartSvg(doc, exportFlow, docLang, preset);
    if (svg) downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileStem}-${exportFlow}.svg`);
  };
  const exportPng = async () => {
    const svg = exportFlowchartSvg(doc, exportFlow, docLang, preset);
    if (svg) downloadBlob(await svgToPngBlob(svg), `${fileStem}-${exportFlow}.png`);
  };

  return (
    <div className="print-preview">
      <form className="print-preview__controls" aria-label={t('print.ui.heading')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('print.ui.paper')}
          <select value={paper} onChange={(e) => { setPlan(null); setPaper(e.target.value as PaperSize); }}>
            {PAPER_SIZES.map((size) => (
              <option key={size} value={size}>
                {PAPER_NAMES[size]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('print.ui.style')}
          <select value={preset} onChange={(e) => { setPlan(null); setPreset(e.target.value as NotationPreset); }}>
            {NOTATION_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESETS[p].name[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('print.ui.orientation')}
          <select value={orientation} onChange={(e) => { setPlan(null); setOrientation(e.target.value as Orientation); }}>
            <option value="landscape">{t('print.ui.landscape')}</option>
            <option value="portrait">{t('print.ui.portrait')}</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('print.ui.margins')}</legend>
          {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
            <label key={side} htmlFor={`${id}-${side}`}>
              {t(`print.ui.margin${side[0]!.toUpperCase()}${side.slice(1)}` as 'print.ui.marginTop')}
              <input
                id={`${id}-${side}`}
                type="number"
                min={0}
                max={60}
                step={1}
                value={margins[side]}
                onChange={(e) => {
                  const value = Number(e.target.value);
                  if (Number.isFinite(value)) setMargins((m) => ({ ...m, [side]: value }));
                }}
              />
            </label>
          ))}
        </fieldset>
        <label>
          {t('print.ui.docLanguage')}
          <select
            value={docLang}
            onChange={(e) => {
              if (!isLang(e.target.value)) return;
              setPlan(null);
              setDocLang(e.target.value);
            }}
          >
            {LANGS.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="print-preview__additions">
          <legend>{t('print.ui.additions')}</legend>
          <label className="print-preview__check">
            <input type="checkbox" checked={computedTotal} onChange={(e) => { setPlan(null); setComputedTotal(e.target.checked); }} />
            {t('print.ui.computedTotal')}
          </label>
          <label className="print-preview__check">
            <input type="checkbox" checked={tableTitle} onChange={(e) => { setPlan(null); setTableTitle(e.target.checked); }} />
            {t('print.ui.tableTitle')}
          </label>
        </fieldset>
        {doc.flows.length > 1 ? (
          <label>
            {t('print.ui.flow')}
            <select value={flowId} onChange={(e) => setFlowId(e.target.value)}>
              <option value="">{t('print.ui.allFlows')}</option>
              {doc.flows.map((flow, i) => (
                <option key={flow.id} value={flow.id}>
                  {flowName(flow, i)[lang]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="print-preview__actions">
          <button type="button" onClick={() => window.print()} disabled={!plan}>
            {t('print.ui.print')}
          </button>
          <button type="button" onClick={exportSvg} disabled={!exportFlow}>
            {t('print.ui.exportSvg')}
          </button>
          <button type="button" onClick={() => void exportPng()} disabled={!exportFlow}>
            {t('print.ui.exportPng')}
          </button>
        </div>
        <p role="status" className="print-preview__status">
          {plan ? t('print.ui.ready', { pages: plan.pageCount }) : t('print.ui.preparing')}
        </p>
      </form>
      <div aria-label={t('print.ui.document')} role="region">
        <PrintDocument
          doc={doc}
          paper={paper}
          orientation={orientation}
          margins={margins}
          lang={docLang}
          preset={preset}
          computedTotal={computedTotal}
          tableTitle={tableTitle}
          {...(flowId ? { flowId } : {})}
          onReady={setPlan}
        />
      </div>
    </div>
  );
}
