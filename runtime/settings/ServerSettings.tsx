import { useId, useState } from 'react';
import { actorLabel, type LocalizedText } from '../../core/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LaneRef } from '../../core/sync';
import { useI18n } from '../../ui/i18n';
import { ServerSignInForm, type SignInFormClasses } from '../../ui/server/ServerSignInForm';
import type { SignInInput } from '../../ui/server/session';
import { UserText } from '../../ui/UserText';
import { useRuntime } from '../context';
import type { ServerLink } from '../storage/outbox';
import { signIn, signOut } from '../sync/session';
import { LAST_ERROR_KEY, syncValue, type StoredSession, type SyncFailure } from '../sync/syncStore';

const SIGN_IN_CLASSES: SignInFormClasses = { form: 'rt-form', field: 'rt-field', hint: 'rt-muted', error: 'rt-alert rt-alert--error', button: 'rt-button' };

export interface ServerSettingsViewProps {
  link: ServerLink | null;
  session: StoredSession | null;
  /**
   * The server ended the stored account's session (signed out elsewhere, expired, disabled or moved by an
   * admin): the account is still the person acting on this device, but the clerk must sign in again.
   */
  sessionEnded?: boolean;
  /** Commands not sent yet (said when signing out). */
  pending: number;
  /** Readable names of the lanes: "DESA/KELURAHAN (SPM Online)". */
  laneName?: (lane: LaneRef) => string;
  onSignIn: (input: SignInInput) => Promise<LocalizedText | void>;
  onSignOut: () => Promise<{ reachedServer: boolean }>;
}

/** Pengaturan → Server: link the device, sign in, who is signed in, sign out. */
export function ServerSettingsView({ link, session, sessionEnded = false, pending, laneName = (l) => `${l.actorId} (${l.sopId})`, onSignIn, onSignOut }: ServerSettingsViewProps) {
  const { t } = useI18n();
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sync.server.heading')}</h2>
      <p>{t('sync.server.intro')}</p>
      {notice && <p role="status" className="rt-alert rt-alert--ok">{notice}</p>}
      {session && sessionEnded && (
        <p role="alert" className="rt-alert rt-alert--warning">
          {t('sync.server.sessionEnded', { name: session.user.name })}
        </p>
      )}
      {session && !sessionEnded ? (
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
        <ServerSignInForm
          addressFirst
          classes={SIGN_IN_CLASSES}
          initialServerUrl={link?.baseUrl ?? ''}
          // Asked to sign in again: the login is the account's, so only the password is left to type.
          {...(session && sessionEnded ? { initialLogin: session.user.login } : {})}
          onSignIn={(input) => {
            setNotice(null);
            return onSignIn(input);
          }}
        />
      )}
    </section>
  );
}

/** The settings section, wired to this device's database and the server. */
export function ServerSettings() {
  const { db, device, link, session, transport, catalogue } = useRuntime();
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const lastError = useLiveQuery(() => syncValue<SyncFailure>(db, LAST_ERROR_KEY), [db]);
  const offered = useLiveQuery(() => (catalogue.kind === 'device' ? catalogue.listOffered() : Promise.resolve([])), [catalogue]);
  const laneName = (lane: LaneRef) => {
    const doc = offered?.find((r) => r.sopId === lane.sopId)?.doc;
    return doc ? `${actorLabel(doc, lane.actorId)} (${doc.identity.title})` : `${lane.actorId} (${lane.sopId})`;
  };
  return (
    <ServerSettingsView
      link={link}
      session={session}
      sessionEnded={!!session && !!lastError?.signedOut}
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
