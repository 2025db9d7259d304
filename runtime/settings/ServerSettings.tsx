import { useId, useState } from 'react';
import { actorLabel, type LocalizedText } from '../../core/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LaneRef } from '../../core/sync';
import { useI18n } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';
import { useRuntime } from '../context';
import { localized } from '../format';
import type { ServerLink } from '../storage/outbox';
import { signIn, signOut } from '../sync/session';
import type { StoredSession } from '../sync/syncStore';

export interface ServerSettingsViewProps {
  link: ServerLink | null;
  session: StoredSession | null;
  /** Commands not sent yet (said when signing out). */
  pending: number;
  /** Readable names of the lanes: "DESA/KELURAHAN (SPM Online)". */
  laneName?: (lane: LaneRef) => string;
  onSignIn: (input: { serverUrl: string; login: string; password: string }) => Promise<LocalizedText | void>;
  onSignOut: () => Promise<{ reachedServer: boolean }>;
}

/** Pengaturan → Server: link the device, sign in, who is signed in, sign out. */
export function ServerSettingsView({ link, session, pending, laneName = (l) => `${l.actorId} (${l.sopId})`, onSignIn, onSignOut }: ServerSettingsViewProps) {
  const { lang, t } = useI18n();
  const id = useId();
  const [serverUrl, setServerUrl] = useState(link?.baseUrl ?? '');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sync.server.heading')}</h2>
      <p>{t('sync.server.intro')}</p>
      {notice && <p role="status" className="rt-alert rt-alert--ok">{notice}</p>}
      {session ? (
        <div>
          <p>
            <strong>{t('sync.server.signedInAs')}</strong>{' '}
            <UserText>{session.user.name}</UserText>
            {session.user.nip && <span className="rt-muted"> · {t('sync.server.nip', { nip: session.user.nip })}</span>}
          </p>
          <p>{t('sync.server.office', { office: session.office.name, region: session.office.regionCode })}</p>
          {link && <p className="rt-muted">{t('sync.server.linkedTo', { url: link.baseUrl || t('sync.server.sameOrigin') })}</p>}
          <h3>{t('sync.server.lanes')}</h3>
          {session.user.positions.length === 0 ? (
            <p>{t('sync.server.noLanes')}</p>
          ) : (
            <ul>
              {session.user.positions.map((lane) => (
                <li key={`${lane.sopId}|${lane.actorId}`}>
                  <UserText>{laneName(lane)}</UserText>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="rt-button"
            onClick={async () => {
              const { reachedServer } = await onSignOut();
              setNotice([reachedServer ? t('sync.server.signedOut') : t('sync.server.signedOutOffline'), pending > 0 ? t('sync.server.pendingOnSignOut', { count: pending }) : ''].filter(Boolean).join(' '));
            }}
          >
            {t('sync.server.signOut')}
          </button>
        </div>
      ) : (
        <form
          className="rt-form"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setNotice(null);
            const failure = await onSignIn({ serverUrl, login, password });
            setBusy(false);
            setProblem(failure ?? null);
            if (!failure) setPassword('');
          }}
        >
          <div className="rt-field">
            <label htmlFor={`${id}-url`}>{t('sync.server.url')}</label>
            <input id={`${id}-url`} type="url" inputMode="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} aria-describedby={`${id}-url-hint`} placeholder="https://" />
            <p id={`${id}-url-hint`} className="rt-muted">{t('sync.server.urlHint')}</p>
          </div>
          <div className="rt-field">
            <label htmlFor={`${id}-login`}>{t('sync.server.login')}</label>
            <input id={`${id}-login`} autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
          </div>
          <div className="rt-field">
            <label htmlFor={`${id}-password`}>{t('sync.server.password')}</label>
            <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          {problem && <p role="alert" className="rt-alert rt-alert--error">{localized(problem, lang)}</p>}
          <button type="submit" className="rt-button" disabled={busy}>
            {busy ? t('sync.server.signingIn') : t('sync.server.signIn')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The settings section, wired to this device's database and the server. */
export function ServerSettings() {
  const { db, device, link, session, transport, catalogue } = useRuntime();
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const offered = useLiveQuery(() => (catalogue.kind === 'device' ? catalogue.listOffered() : Promise.resolve([])), [catalogue]);
  const laneName = (lane: LaneRef) => {
    const doc = offered?.find((r) => r.sopId === lane.sopId)?.doc;
    return doc ? `${actorLabel(doc, lane.actorId)} (${doc.identity.title})` : `${lane.actorId} (${lane.sopId})`;
  };
  return (
    <ServerSettingsView
      link={link}
      session={session}
      pending={pending}
      laneName={laneName}
      onSignIn={async (input) => {
        const result = await signIn(db, device, input, transport);
        if (!result.ok) return result.message;
      }}
      onSignOut={() => signOut(device, transport)}
    />
  );
}
