import { useLiveQuery } from 'dexie-react-hooks';
import { reviewCounts } from '../sync/syncStore';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { CaseTable } from '../cases/CaseTable';
import { useRuntime } from '../context';
import { textOf } from '../guard/Boundary';
import { hrefs } from '../router';
import { listMyWork } from '../storage/repository';

/**
 * "My work": the open cases whose active step waits on one of my lanes (the
 * lanes of my profile), most urgent first. One lane can be picked to narrow
 * the list; the choice of lanes itself lives in the profile.
 */
export function Inbox() {
  const { db, calendar, now, person, myLaneKeys } = useRuntime();
  const { t } = useI18n();
  const id = useId();
  const [lane, setLane] = useState('');
  const keys = lane && myLaneKeys.includes(lane) ? [lane] : myLaneKeys;
  const work = useLiveQuery(() => listMyWork(db, keys), [db, keys.join(',')]);
  const sops = useLiveQuery(() => db.sops.toArray(), [db]);
  const inReview = useLiveQuery(async () => new Set((await reviewCounts(db)).keys()), [db]);
  const sopMap = useMemo(() => new Map((sops ?? []).map((s) => [s.key, s])), [sops]);
  // Name my lanes by the newest revision of their SOP this device holds.
  const laneNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const sop of [...(sops ?? [])].sort((a, b) => Number(a.revision) - Number(b.revision))) {
      // A damaged stored SOP names no lanes; the lane key is shown instead.
      const actors = Array.isArray(sop?.doc?.actors) ? sop.doc.actors : [];
      for (const actor of actors) {
        if (typeof actor?.id === 'string') names.set(`${sop.sopId}|${actor.id}`, `${textOf(actor.label, actor.id)} — ${textOf(sop.title, sop.sopId)}`);
      }
    }
    return names;
  }, [sops]);

  if (!person) {
    return (
      <section className="rt-section" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('runtime.inbox.heading')}</h2>
        <div role="alert" className="rt-alert rt-alert--warning">
          <p>{t('runtime.inbox.needProfile')}</p>
          <a className="rt-button" href={hrefs.profile()}>
            {t('runtime.profile.setUp')}
          </a>
        </div>
      </section>
    );
  }

  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('runtime.inbox.heading')}</h2>
      <p>{t('runtime.inbox.intro', { count: myLaneKeys.length })}</p>
      {myLaneKeys.length === 0 ? (
        <div role="status" className="rt-alert rt-alert--warning">
          <p>{t('runtime.inbox.noLanes')}</p>
          <a className="rt-button" href={hrefs.profile()}>
            {t('runtime.profile.edit')}
          </a>
        </div>
      ) : (
        <>
          <div className="rt-field">
            <label htmlFor={`${id}-lane`}>{t('runtime.inbox.lane')}</label>
            <select id={`${id}-lane`} value={lane} onChange={(e) => setLane(e.target.value)}>
              <option value="">{t('runtime.inbox.allMyLanes', { count: myLaneKeys.length })}</option>
              {myLaneKeys.map((key) => (
                <option key={key} value={key}>
                  {laneNames.get(key) ?? key}
                </option>
              ))}
            </select>
          </div>
          {!work ? (
            <p role="status">{t('runtime.loading')}</p>
          ) : work.rows.length === 0 ? (
            <p role="status">{t('runtime.inbox.nothing')}</p>
          ) : (
            <>
              <p role="status">{t('runtime.inbox.waiting', { count: work.rows.length + (work.more ? '+' : '') })}</p>
              <CaseTable rows={work.rows} needsReview={inReview} sops={sopMap} timeZone={calendar.timeZone} now={now} caption={t('runtime.inbox.heading')} />
            </>
          )}
        </>
      )}
    </section>
  );
}
