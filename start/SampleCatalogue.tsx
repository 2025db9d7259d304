import { useDeferredValue, useMemo, useState } from 'react';
import { computeSopStats, type SopStats } from '../core/model/sopStats';
import { validateSop, type Diagnostic } from '../core/validation';
import { formatWaktuTotal } from '../core/waktu';
import { designerSopHref } from '../ui/appLinks';
import { useI18n } from '../ui/i18n';

export interface SampleFile {
  fileName: string;
  /** The parsed JSON, not yet trusted: the catalogue validates it. */
  value: unknown;
}

export interface SampleCatalogueProps {
  samples: readonly SampleFile[];
  /** Where "open in the designer" leads for an SOP id (default: the designer beside the start page). */
  designerHref?: (sopId: string) => string;
}

interface CheckedSample {
  fileName: string;
  diagnostics: Diagnostic[];
  stats?: SopStats;
  /** The SOP's id, when the file is an SOP the designer can open. */
  id?: string;
  number: string;
  office: string;
  incomplete: boolean;
}

function checkSample({ fileName, value }: SampleFile): CheckedSample {
  const { diagnostics, document } = validateSop(value);
  return {
    fileName,
    diagnostics,
    ...(document ? { stats: computeSopStats(document), id: document.id } : {}),
    number: document?.identity.number ?? '',
    office: document?.identity.office ?? '',
    incomplete: document?.completeness?.status === 'incomplete',
  };
}

function matches(sample: CheckedSample, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase('id');
  if (needle === '') return true;
  return [sample.stats?.title ?? sample.fileName, sample.number].some((text) => text.toLocaleLowerCase('id').includes(needle));
}

/** The samples shipped with the app, each validated and summed live in the browser. */
export function SampleCatalogue({ samples, designerHref = designerSopHref }: SampleCatalogueProps) {
  const { lang, t } = useI18n();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const checked = useMemo(() => samples.map(checkSample), [samples]);
  const visible = checked.filter((s) => matches(s, deferredQuery));
  const validCount = checked.filter((s) => !s.diagnostics.some((d) => d.severity === 'error')).length;
  const warningCount = checked.reduce((n, s) => n + s.diagnostics.filter((d) => d.severity === 'warning').length, 0);

  return (
    <section className="sample-catalogue" aria-labelledby="sample-catalogue-heading">
      <h2 id="sample-catalogue-heading">{t('samples.heading')}</h2>
      <p>{t('samples.intro', { count: samples.length })}</p>
      <p role="status">{t('samples.summary', { valid: validCount, count: samples.length, warnings: warningCount })}</p>
      <label className="sample-catalogue__search">
        {t('samples.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {visible.length === 0 ? (
        <p>{t('samples.noMatch', { query: deferredQuery })}</p>
      ) : (
        <table className="sample-catalogue__table">
          <thead>
            <tr>
              <th scope="col">{t('samples.col.number')}</th>
              <th scope="col">{t('samples.col.title')}</th>
              <th scope="col">{t('samples.col.office')}</th>
              <th scope="col">{t('samples.col.steps')}</th>
              <th scope="col">{t('samples.col.lanes')}</th>
              <th scope="col">{t('samples.col.total')}</th>
              <th scope="col">{t('samples.col.check')}</th>
              <th scope="col">{t('start.sample.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((sample) => {
              const flows = sample.stats?.flows ?? [];
              const errors = sample.diagnostics.filter((d) => d.severity === 'error');
              const warnings = sample.diagnostics.filter((d) => d.severity === 'warning');
              const title = sample.stats?.title ?? sample.fileName;
              return (
                <tr key={sample.fileName} data-sample={sample.fileName}>
                  <td>{sample.number.trim() || t('samples.noNumber')}</td>
                  <th scope="row">{title}</th>
                  <td>{sample.office}</td>
                  <td>{sample.incomplete ? t('samples.incomplete') : flows.reduce((n, f) => n + f.steps, 0)}</td>
                  <td>{flows.map((f) => f.lanes).join(' + ')}</td>
                  <td>
                    {flows.map((f) => (
                      <div key={f.id}>
                        {formatWaktuTotal(f.total, lang)}
                        {f.statedTotal !== null && f.statedTotalMatches === false && (
                          <span className="sample-catalogue__stated"> ({t('samples.stated', { stated: f.statedTotal })})</span>
                        )}
                      </div>
                    ))}
                  </td>
                  <td>
                    {sample.diagnostics.length === 0 ? (
                      t('samples.check.ok')
                    ) : (
                      <details>
                        <summary aria-label={t('samples.details', { title })}>
                          {[
                            errors.length > 0 ? t('samples.check.errors', { errors: errors.length }) : t('samples.check.ok'),
                            warnings.length > 0 ? t('samples.check.warnings', { warnings: warnings.length }) : '',
                          ].filter(Boolean).join(', ')}
                        </summary>
                        <ul>
                          {sample.diagnostics.map((d, i) => (
                            <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
                              <code>{d.pointer || '/'}</code> {d.message[lang]}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td className="sample-catalogue__open">
                    {sample.id && (
                      <a href={designerHref(sample.id)} aria-label={t('start.sample.openLabel', { title })}>
                        {t('start.sample.open')}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
