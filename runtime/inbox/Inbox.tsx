import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { actorOptions } from '../cases/CaseList';
import { CaseTable } from '../cases/CaseTable';
import { useRuntime } from '../context';
import { listCases, type PageCursor } from '../storage/repository';

export const ACTING_AS_KEY = 'sop-studio.runtime.actingAs';

function readActingAs(): string {
  try {
    return localStorage.getItem(ACTING_AS_KEY) ?? '';
  } catch {
    return '';
  }
}

/** "I act as" one actor: the open cases waiting on that actor, most urgent first. */
export function Inbox({ initialActor }: { initialActor?: string }) {
  const { db, calendar, now } = useRuntime();
  const { t } = useI18n();
  const id = useId();
  const [actor, setActorState] = useState(() => initialActor ?? readActingAs());
  const [cursors, setCursors] = useState<(PageCursor | undefined)[]>([undefined]);
  const sops = useLiveQuery(() => db.sops.toArray(), [db]);
  const sopMap = useMemo(() => new Map((sops ?? []).map((s) => [s.key, s])), [sops]);
  const actors = useMemo(() => actorOptions(sops ?? []), [sops]);
  const after = cursors[cursors.length - 1];
  const page = useLiveQuery(
    () => (actor ? listCases(db, { actor, status: 'open', ...(after ? { after } : {}), limit: 20, now }) : undefined),
    [db, actor, after, now],
  );
  const actorName = actors.find((a) => a.id === actor)?.label ?? actor;

  function setActor(value: string) {
    setActorState(value);
    setCursors([undefined]);
    try {
      localStorage.setItem(ACTING_AS_KEY, value);
    } catch {
      // Remembering the choice is a convenience only.
    }
  }

  return (
    <section className="rt-section" aria-labelledby="rt-inbox-heading">
      <h2 id="rt-inbox-heading">{t('runtime.inbox.heading')}</h2>
      <div className="rt-field">
        <label htmlFor={`${id}-actor`}>{t('runtime.inbox.actingAs')}</label>
        <select id={`${id}-actor`} value={actor} onChange={(e) => setActor(e.target.value)}>
          <option value="">{t('runtime.inbox.choose')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      {!actor ? (
        <p>{t('runtime.inbox.pick')}</p>
      ) : !page ? (
        <p role="status">{t('runtime.loading')}</p>
      ) : page.rows.length === 0 ? (
        <p role="status">{t('runtime.inbox.empty', { actor: actorName })}</p>
      ) : (
        <>
          <p role="status">{t('runtime.inbox.count', { count: page.rows.length + (page.next ? '+' : ''), actor: actorName })}</p>
          <CaseTable rows={page.rows} sops={sopMap} timeZone={calendar.timeZone} now={now} caption={t('runtime.inbox.heading')} />
          {(page.next || cursors.length > 1) && (
            <nav className="rt-pager" aria-label={t('runtime.list.page', { n: cursors.length })}>
              <button type="button" className="rt-button rt-button--secondary" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('runtime.list.prev')}
              </button>
              <button type="button" className="rt-button rt-button--secondary" disabled={!page.next} onClick={() => page.next && setCursors((c) => [...c, page.next])}>
                {t('runtime.list.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
