import { useEffect, useId, useState } from 'react';
import { diffRevisions, type RevisionDiff } from '../../core/document';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { RevisionRecord, SopRepository } from '../storage';
import { formatDateTime } from '../ui/localized';
import { RevisionDiffView } from './RevisionDiffView';

const DRAFT = 'draft';

/** The published revisions of this SOP, and what changed between any two of them (or the draft). */
export function RevisionHistory({ repository }: { repository: SopRepository }) {
  const { t, lang } = useI18n();
  const { doc } = useEditorSnapshot();
  const [revisions, setRevisions] = useState<Omit<RevisionRecord, 'json'>[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(DRAFT);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const ids = { from: useId(), to: useId() };

  useEffect(() => {
    let active = true;
    void repository.listRevisions(doc.id).then((list) => {
      if (!active) return;
      setRevisions(list);
      if (list.length > 0) setFrom((current) => current || String(list[list.length - 1]!.number));
    });
    return () => {
      active = false;
    };
  }, [repository, doc.id, doc.revision.number]);

  useEffect(() => {
    let active = true;
    if (from === '') {
      setDiff(null);
      return;
    }
    const load = (key: string): Promise<SopDocument | undefined> =>
      key === DRAFT ? Promise.resolve(doc) : repository.loadRevision(doc.id, Number(key));
    void Promise.all([load(from), load(to)]).then(([a, b]) => {
      if (active) setDiff(a && b ? diffRevisions(a, b) : null);
    });
    return () => {
      active = false;
    };
  }, [repository, doc, from, to]);

  const label = (r: Omit<RevisionRecord, 'json'>) => t('designer.history.revision', { number: r.number });
  const options = (
    <>
      {(revisions ?? []).map((r) => (
        <option key={r.number} value={String(r.number)}>
          {label(r)}
        </option>
      ))}
      <option value={DRAFT}>{t('designer.history.draft')}</option>
    </>
  );

  return (
    <section className="properties" aria-labelledby="history-heading">
      <h3 id="history-heading" className="properties__heading">
        {t('designer.history.heading')}
      </h3>
      {revisions === null ? (
        <p className="muted">{t('designer.common.loading')}</p>
      ) : revisions.length === 0 ? (
        <p className="muted">{t('designer.history.none')}</p>
      ) : (
        <>
          <ol className="revision-list">
            {[...revisions].reverse().map((r) => (
              <li key={r.number}>
                <strong>{label(r)}</strong> · {formatDateTime(r.publishedAt, lang)}
                {r.note && <p className="revision-list__note">{r.note}</p>}
              </li>
            ))}
          </ol>
          <h4>{t('designer.history.compare')}</h4>
          <div className="properties__row">
            <div className="field">
              <label htmlFor={ids.from}>{t('designer.history.from')}</label>
              <select id={ids.from} value={from} onChange={(event) => setFrom(event.target.value)}>
                {options}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('designer.history.to')}</label>
              <select id={ids.to} value={to} onChange={(event) => setTo(event.target.value)}>
                {options}
              </select>
            </div>
          </div>
          <div aria-live="polite">{diff && <RevisionDiffView diff={diff} />}</div>
        </>
      )}
    </section>
  );
}
