import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic, LocalizedText } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { localized } from '../ui/localized';
import { documentText, evaluateJsonText, markersFor } from './jsonText';

const MonacoJsonEditor = lazy(() => import('./MonacoJsonEditor'));

export interface JsonViewProps {
  doc: SopDocument;
  /** Replaces the document (the `document.replace` command); returns the refusal reason, or null when applied. */
  onApply: (doc: SopDocument) => LocalizedText | null;
  onUndo: () => void;
  onRedo: () => void;
  /** How long typing must pause before the text is checked and applied. */
  debounceMs?: number;
}

type Status =
  | { kind: 'ok' }
  | { kind: 'invalid'; diagnostics: Diagnostic[]; text: string }
  | { kind: 'refused'; reason: LocalizedText };

/**
 * The document as JSON, in Monaco with the SOP schema (completion, hover,
 * diagnostics). Text that is valid JSON following the schema replaces the
 * document; anything else leaves the document at its last valid state, and
 * the bar under the editor says why.
 */
export function JsonView({ doc, onApply, onUndo, onRedo, debounceMs = 350 }: JsonViewProps) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<Status>({ kind: 'ok' });
  const [ready, setReady] = useState(false);
  const latest = useRef({ doc, onApply, typed: null as string | null, applied: null as SopDocument | null, shown: '' });
  // A document the drafter just typed here is not pushed back into the editor
  // (that would reformat the text under their cursor); any other change is.
  const docText = useMemo(
    () => (doc === latest.current.applied ? latest.current.shown : documentText(doc)),
    [doc],
  );
  latest.current.shown = docText;
  latest.current.doc = doc;
  latest.current.onApply = onApply;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The document changed elsewhere (undo, another view): the editor shows it and is valid again.
  useEffect(() => {
    if (doc === latest.current.applied) return;
    latest.current.typed = null;
    setStatus({ kind: 'ok' });
  }, [doc]);

  const check = useCallback(() => {
    const text = latest.current.typed;
    if (text === null) return;
    const state = evaluateJsonText(text, latest.current.doc);
    if (state.kind === 'invalid') {
      setStatus({ kind: 'invalid', diagnostics: state.diagnostics, text });
      return;
    }
    if (state.kind === 'in-sync') {
      latest.current.typed = null;
      setStatus({ kind: 'ok' });
      return;
    }
    latest.current.applied = state.doc;
    latest.current.shown = text;
    const refusal = latest.current.onApply(state.doc);
    if (refusal) latest.current.applied = null;
    setStatus(refusal ? { kind: 'refused', reason: refusal } : { kind: 'ok' });
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const markers = useMemo(() => (status.kind === 'invalid' ? markersFor(status.text, status.diagnostics, lang) : []), [status, lang]);

  const onTextChange = useCallback(
    (text: string) => {
      latest.current.typed = text;
      clearTimeout(timer.current);
      timer.current = setTimeout(check, debounceMs);
    },
    [check, debounceMs],
  );

  /** Global undo only when the editor's text is the document; otherwise Monaco undoes the typing. */
  const inSync = () => {
    if (latest.current.typed === null) return true;
    return evaluateJsonText(latest.current.typed, latest.current.doc).kind === 'in-sync';
  };

  return (
    <section className="json-view" aria-label={t('designer.json.label')} data-ready={ready}>
      <p className="json-view__hint muted">{t('designer.json.hint')}</p>
      <div className="json-view__editor">
        <Suspense fallback={<p className="muted json-view__loading">{t('designer.json.loading')}</p>}>
          <MonacoJsonEditor
            sopId={doc.id}
            text={docText}
            ariaLabel={t('designer.json.label')}
            loadingLabel={t('designer.json.loading')}
            onTextChange={onTextChange}
            onReady={() => setReady(true)}
            markers={markers}
            onUndo={() => {
              if (!inSync()) return false;
              onUndo();
              return true;
            }}
            onRedo={() => {
              if (!inSync()) return false;
              onRedo();
              return true;
            }}
          />
        </Suspense>
      </div>
      <div className={`json-view__status json-view__status--${status.kind}`} role="status" aria-live="polite" data-testid="json-status">
        {status.kind === 'ok' && t('designer.json.ok')}
        {status.kind === 'refused' && `${t('designer.json.notApplied')} ${localized(status.reason, lang)}`}
        {status.kind === 'invalid' && (
          <>
            <strong>{t('designer.json.notApplied')}</strong>
            <ul>
              {status.diagnostics.slice(0, 5).map((d, i) => (
                <li key={i}>
                  {d.pointer && <code className="diagnostic__where">{d.pointer}</code>} {localized(d.message, lang)}
                </li>
              ))}
              {status.diagnostics.length > 5 && <li>{t('designer.library.import.more', { count: status.diagnostics.length - 5 })}</li>}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
