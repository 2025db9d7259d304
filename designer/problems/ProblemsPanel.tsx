import { useMemo, useState } from 'react';
import type { Diagnostic, Severity } from '../../core/validation';
import { formatWaktuTotal, type WaktuTotal } from '../../core/waktu';
import { useI18n } from '../../ui/i18n';
import { localized } from '../ui/localized';

export interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[];
  /** Computed total Waktu of the flow on screen, per unit family (min–max over the paths). */
  total: WaktuTotal | null;
  /** The flow's stated total (Jumlah Waktu) as written, if any. */
  statedTotal?: string | undefined;
  /** A short name of what a diagnostic points at ("Langkah 3", "Identitas: Nomor SOP"). */
  describe: (diagnostic: Diagnostic) => string;
  onSelect: (diagnostic: Diagnostic) => void;
  /** The panel starts collapsed when false. */
  defaultOpen?: boolean;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Live validation results, grouped by severity, each a button that selects
 * what it points at. The header carries the computed total Waktu, so the
 * drafter sees at once when a change makes the stated total wrong.
 */
export function ProblemsPanel({ diagnostics, total, statedTotal, describe, onSelect, defaultOpen = true }: ProblemsPanelProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(defaultOpen);
  const groups = useMemo(
    () => SEVERITIES.map((severity) => ({ severity, items: diagnostics.filter((d) => d.severity === severity) })),
    [diagnostics],
  );
  const counts = Object.fromEntries(groups.map((g) => [g.severity, g.items.length])) as Record<Severity, number>;
  const totalText = total ? formatWaktuTotal(total, lang) : '–';

  return (
    <section className={`problems ${open ? 'problems--open' : ''}`} aria-labelledby="problems-heading" data-region="problems">
      <header className="problems__header">
        <h2 id="problems-heading" className="problems__title">
          <button type="button" className="problems__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('designer.problems.heading')}
          </button>
        </h2>
        <span className="problems__counts" aria-live="polite">
          <span className="count count--error">{t('designer.problems.errors', { count: counts.error })}</span>
          <span className="count count--warning">{t('designer.problems.warnings', { count: counts.warning })}</span>
          {counts.info > 0 && <span className="count count--info">{t('designer.problems.infos', { count: counts.info })}</span>}
        </span>
        <span className="problems__total" data-testid="computed-total">
          {t('designer.problems.total')}: <strong>{totalText}</strong>
          {total && total.empty > 0 && <span className="muted"> · {t('designer.problems.totalEmpty', { count: total.empty })}</span>}
          {total && total.unparsed > 0 && <span className="muted"> · {t('designer.problems.totalUnparsed', { count: total.unparsed })}</span>}
          {total && total.calendarWindows > 0 && (
            <span className="muted"> · {t('designer.problems.totalWindows', { count: total.calendarWindows })}</span>
          )}
          {statedTotal && <span className="muted"> · {t('designer.problems.stated', { stated: statedTotal })}</span>}
        </span>
      </header>
      {open && (
        <div className="problems__body">
          {diagnostics.length === 0 ? (
            <p className="problems__none">{t('designer.problems.none')}</p>
          ) : (
            groups
              .filter((g) => g.items.length > 0)
              .map((group) => (
                <section key={group.severity} className="problems__group" aria-label={t(`designer.problems.group.${group.severity}`)}>
                  <h3 className={`problems__group-title diagnostic--${group.severity}`}>
                    {t(`designer.problems.group.${group.severity}`)} ({group.items.length})
                  </h3>
                  <ul className="problems__list">
                    {group.items.map((d, i) => (
                      <li key={`${d.ruleId}:${d.pointer}:${i}`}>
                        <button type="button" className={`problem problem--${d.severity}`} onClick={() => onSelect(d)}>
                          <span className="problem__where">{describe(d)}</span>
                          <span className="problem__message">{localized(d.message, lang)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))
          )}
        </div>
      )}
    </section>
  );
}
