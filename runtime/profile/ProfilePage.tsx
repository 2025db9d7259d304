import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { laneGroupsOf, personLabel } from '../../core/people';
import { deleteProfile, listProfiles, saveProfile, switchProfile, DeviceStorageError, type ProfileInput, type ProfileProblems, type ProfileRow } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { localized } from '../format';
import { hrefs } from '../router';
import { ProfileForm } from './ProfileForm';
import { RowBoundary } from '../guard/Boundary';
import { isSoundSop } from '../guard/DamagedCase';

/** The SOPs whose lanes can be chosen: those offered for new cases and those cases already run on. */
function useLaneGroups() {
  const { db, catalogue } = useRuntime();
  const docs = useLiveQuery(async () => {
    const [offered, pinned] = await Promise.all([catalogue.listOffered(), db.sops.toArray()]);
    const newest = new Map<string, SopDocument>();
    // A damaged stored SOP offers no lanes rather than breaking the page.
    const docs = [...pinned.map((r) => r?.doc), ...offered.map((o) => o.doc)].filter((d): d is SopDocument => isSoundSop(d) && typeof d.id === 'string' && typeof d.revision?.number === 'number');
    for (const doc of docs) {
      const seen = newest.get(doc.id);
      if (!seen || seen.revision.number <= doc.revision.number) newest.set(doc.id, doc);
    }
    return [...newest.values()];
  }, [db, catalogue]);
  return useMemo(() => (docs ? laneGroupsOf(docs) : undefined), [docs]);
}

/**
 * Who is acting on this device. Every step a clerk completes is recorded in
 * their name and NIP; the inbox shows the work waiting in their lanes. A
 * shared front-office computer keeps several people; one acts at a time.
 */
export function ProfilePage() {
  const { device, profile } = useRuntime();
  const { t, lang } = useI18n();
  const id = useId();
  const groups = useLaneGroups();
  const profiles = useLiveQuery(() => listProfiles(device), [device]);
  const [editing, setEditing] = useState<'current' | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (!groups || !profiles) return <p role="status">{t('runtime.loading')}</p>;

  const save = async (input: ProfileInput): Promise<ProfileProblems | void> => {
    try {
      await saveProfile(device, input);
      setEditing(null);
      setSaved(true);
      setFailure(null);
    } catch (error) {
      if (error instanceof DeviceStorageError && error.details) return error.details as ProfileProblems;
      setFailure(localized(error instanceof DeviceStorageError ? error.localized : { id: String(error), en: String(error) }, lang));
    }
  };

  const form = (existing?: ProfileRow) => (
    <ProfileForm key={existing?.id ?? 'new'} {...(existing ? { profile: existing } : {})} groups={groups} onSave={save} {...(profile ? { onCancel: () => setEditing(null) } : {})} />
  );

  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('runtime.profile.heading')}</h2>
      <p>{t('runtime.profile.intro')}</p>
      {failure && (
        <p role="alert" className="rt-alert rt-alert--error">
          {failure}
        </p>
      )}
      {saved && !editing && (
        <p role="status" className="rt-alert">
          {t('runtime.profile.saved')} <a href={hrefs.inbox()}>{t('runtime.profile.toMyWork')}</a>
        </p>
      )}
      {!profile || editing === 'new' ? (
        <>
          {profile && <h3>{t('runtime.profile.newPerson')}</h3>}
          {form()}
        </>
      ) : editing === 'current' ? (
        form(profile)
      ) : (
        <div className="rt-card rt-profile__current" aria-labelledby={`${id}-current`}>
          <h3 id={`${id}-current`}>{t('runtime.profile.acting')}</h3>
          <p className="rt-lead">{personLabel(profile)}</p>
          {profile.office && <p>{profile.office}</p>}
          <p className="rt-muted">{t('runtime.profile.laneCount', { count: Array.isArray(profile.lanes) ? profile.lanes.length : 0 })}</p>
          <div className="rt-actions">
            <button type="button" className="rt-button" onClick={() => (setEditing('current'), setSaved(false))}>
              {t('runtime.profile.edit')}
            </button>
            <button type="button" className="rt-button rt-button--secondary" onClick={() => (setEditing('new'), setSaved(false))}>
              {t('runtime.profile.add')}
            </button>
          </div>
        </div>
      )}
      {profiles.length > 1 && !editing && (
        <section aria-labelledby={`${id}-others`} className="rt-profile__others">
          <h3 id={`${id}-others`}>{t('runtime.profile.others')}</h3>
          <ul className="rt-list">
            {profiles
              .filter((p) => p.id !== profile?.id)
              .map((p, i) => (
                <RowBoundary key={typeof p.id === 'string' ? p.id : `profile-${i}`} id={String(p.id)}>
                <li>
                  <span>{personLabel(p)}</span>{' '}
                  <button type="button" className="rt-button rt-button--secondary" onClick={() => void switchProfile(device, p.id).then(() => setSaved(false))} aria-label={t('runtime.profile.switchTo', { name: p.name })}>
                    {t('runtime.profile.switch')}
                  </button>{' '}
                  <button type="button" className="rt-button rt-button--quiet" onClick={() => void deleteProfile(device, p.id)} aria-label={t('runtime.profile.removeFor', { name: p.name })}>
                    {t('runtime.profile.remove')}
                  </button>
                </li>
                </RowBoundary>
              ))}
          </ul>
        </section>
      )}
    </section>
  );
}
