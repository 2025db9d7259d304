import { useLiveQuery } from 'dexie-react-hooks';
import { reviewCounts } from '../sync/syncStore';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import type { SopRow } from '../storage/db';
import { listCases, searchCases, type PageCursor, type StatusFilter } from '../storage/repository';
import { BackupPanel } from '../backup/BackupPanel';
import { BundleImportPanel } from '../bundles/BundleImportPanel';
import { CaseTable } from './CaseTable';
import { compareText, textOf } from '../guard/Boundary';

const PAGE_SIZE = 20;
const SEARCH_LIMIT = 50;
const STATUSES: StatusFilter[] = ['open', 'returned', 'finished', 'cancelled', 'all'];

/** Every actor of the stored SOPs, by id, with the first label found. */
export function actorOptions(sops: readonly SopRow[]): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const sop of sops) {
    // Stored rows can be anything; an SOP without readable actors adds none.
    const actors = Array.isArray(sop?.doc?.actors) ? sop.doc.actors : [];
    for (const a of actors) if (typeof a?.id === 'string' && !seen.has(a.id)) seen.set(a.id, textOf(a.label, a.id));
  }
  return [...seen].map(([id, label]) => ({ id, label })).sort((a, b) => compareText(a.label, b.label));
}

/**
 * The case list: filter by SOP, status, current actor and overdue; search by
 * applicant name or NIK prefix; sorted by due time, most urgent first; paged
 * by index keys (each page starts after the last row of the one before).
 */
export function CaseList() {
  const { db, calendar, now } = useRuntime();
  const { t } = useI18n();
  const id = useId();
  const [sopId, setSopId] = useState('');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [actor, setActor] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [query, setQuery] = useState('');
  // Cursors of the pages seen so far; the last one is the current page's start.
  const [cursors, setCursors] = useState<(PageCursor | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const sops = useLiveQuery(() => db.sops.toArray(), [db]);
  const inReview = useLiveQuery(async () => new Set((await reviewCounts(db)).keys()), [db]);
  const sopMap = useMemo(() => new Map((sops ?? []).map((s) => [s.key, s])), [sops]);
  const sopChoices = useMemo(
    () => [...new Map((sops ?? []).filter((s) => typeof s?.sopId === 'string').map((s) => [s.sopId, textOf(s.title, s.sopId)]))].sort((a, b) => compareText(a[1], b[1])),
    [sops],
  );
  const actors = useMemo(() => actorOptions(sops ?? []), [sops]);
  const searching = query.trim() !== '';
  const page = useLiveQuery(
    () =>
      searching
        ? searchCases(db, query, SEARCH_LIMIT).then((rows) => ({ rows, next: undefined }))
        : listCases(db, {
            ...(sopId ? { sopId } : {}),
            status,
            ...(actor ? { actor } : {}),
            overdue,
            now,
            ...(after ? { after } : {}),
            limit: PAGE_SIZE,
          }),
    [db, searching, query, sopId, status, actor, overdue, now, after],
  );
  const resetPaging = () => setCursors([undefined]);

  return (
    <section className="rt-section" aria-labelledby="rt-list-heading">
      <h2 id="rt-list-heading">{t('runtime.list.heading')}</h2>
      <div className="rt-filters">
        <div className="rt-field rt-search">
          <label htmlFor={`${id}-q`}>{t('runtime.list.search')}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-sop`}>{t('runtime.list.filter.sop')}</label>
          <select id={`${id}-sop`} value={sopId} disabled={searching} onChange={(e) => { setSopId(e.target.value); resetPaging(); }}>
            <option value="">{t('runtime.list.all')}</option>
            {sopChoices.map(([value, title]) => (
              <option key={value} value={value}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-status`}>{t('runtime.list.filter.status')}</label>
          <select id={`${id}-status`} value={status} disabled={searching} onChange={(e) => { setStatus(e.target.value as StatusFilter); resetPaging(); }}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? t('runtime.list.all') : t(`runtime.case.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-actor`}>{t('runtime.list.filter.actor')}</label>
          <select id={`${id}-actor`} value={actor} disabled={searching} onChange={(e) => { setActor(e.target.value); resetPaging(); }}>
            <option value="">{t('runtime.list.all')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <label className="rt-check__label">
          <input type="checkbox" checked={overdue} disabled={searching} onChange={(e) => { setOverdue(e.target.checked); resetPaging(); }} />
          {t('runtime.list.filter.overdue')}
        </label>
      </div>
      {!page ? (
        <p role="status">{t('runtime.loading')}</p>
      ) : (
        <>
          <p className="rt-muted" role="status">
            {searching ? t('runtime.list.results', { count: page.rows.length, query: query.trim(), limit: SEARCH_LIMIT }) : t('runtime.list.sorted')}
          </p>
          {page.rows.length === 0 ? (
            <p>{t('runtime.list.empty')}</p>
          ) : (
            <CaseTable rows={page.rows} needsReview={inReview} sops={sopMap} timeZone={calendar.timeZone} now={now} caption={t('runtime.list.heading')} />
          )}
          {!searching && (
            <nav className="rt-pager" aria-label={t('runtime.list.page', { n: cursors.length })}>
              <button type="button" className="rt-button rt-button--secondary" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('runtime.list.prev')}
              </button>
              <span>{t('runtime.list.page', { n: cursors.length })}</span>
              <button type="button" className="rt-button rt-button--secondary" disabled={!page.next} onClick={() => page.next && setCursors((c) => [...c, page.next])}>
                {t('runtime.list.next')}
              </button>
            </nav>
          )}
        </>
      )}
      <BundleImportPanel />
      <BackupPanel />
    </section>
  );
}
