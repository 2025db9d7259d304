import { useState } from 'react';
import type { LocalizedText } from '../../core/engine';
import type { StoredSession } from '../../device';
import { useI18n } from '../../ui/i18n';
import { hasRole, signInToServer, signOutOfServer, type SignInInput } from '../../ui/server/session';
import { ServerSignInForm, type SignInFormClasses } from '../../ui/server/ServerSignInForm';
import { UserText } from '../../ui/UserText';
import { Dialog } from '../ui/Dialog';
import { useDesignerServer } from './DesignerServerContext';

const SIGN_IN_CLASSES: SignInFormClasses = { form: 'server-account__sign-in', field: 'field', hint: 'field__hint', error: 'field__error', button: 'button button--primary' };

export interface ServerAccountViewProps {
  session: StoredSession | null;
  onSignIn: (input: SignInInput) => Promise<LocalizedText | void>;
  onSignOut: () => Promise<{ reachedServer: boolean }>;
}

/**
 * Signing in to the server, or who is signed in (name, office, roles) and
 * signing out. The address defaults to the page's own origin, the only one
 * the apps' Content Security Policy lets them reach.
 */
export function ServerAccountView({ session, onSignIn, onSignOut }: ServerAccountViewProps) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);

  if (session) {
    const roles = session.user.roles.map((role) => t(`sync.account.role.${role}`)).join(', ') || t('sync.account.noRoles');
    return (
      <div className="server-account">
        {notice && <p role="status">{notice}</p>}
        <p>
          <strong>{t('sync.server.signedInAs')}</strong> <UserText>{session.user.name}</UserText>
          {session.user.nip && <span className="muted"> · {t('sync.server.nip', { nip: session.user.nip })}</span>}
        </p>
        <p>{t('sync.server.office', { office: session.office.name, region: session.office.regionCode })}</p>
        <p>{t('sync.account.roles', { roles })}</p>
        <p className={hasRole(session, 'publisher') ? 'muted' : 'field__error'}>
          {t(hasRole(session, 'publisher') ? 'sync.account.mayPublish' : 'sync.account.mayNotPublish')}
        </p>
        <p className="muted">{t('sync.server.linkedTo', { url: session.baseUrl || t('sync.server.sameOrigin') })}</p>
        <button
          type="button"
          className="button"
          onClick={async () => {
            const { reachedServer } = await onSignOut();
            setNotice(reachedServer ? t('sync.server.signedOut') : t('sync.server.signedOutOffline'));
          }}
        >
          {t('sync.server.signOut')}
        </button>
      </div>
    );
  }

  return (
    <div className="server-account">
      {notice && <p role="status">{notice}</p>}
      <ServerSignInForm
        nested
        classes={SIGN_IN_CLASSES}
        onSignIn={(input) => {
          setNotice(null);
          return onSignIn(input);
        }}
      />
    </div>
  );
}

/** The header's "Server" button: who is signed in, and a dialog to sign in or out. Hidden when no server is wired in. */
export function ServerAccountButton() {
  const { t } = useI18n();
  const server = useDesignerServer();
  const [open, setOpen] = useState(false);
  if (!server) return null;
  const { session, device, transport } = server;
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {session ? t('sync.account.buttonSignedIn', { name: session.user.name }) : t('sync.account.button')}
      </button>
      <Dialog
        open={open}
        title={t('sync.account.title')}
        onClose={() => setOpen(false)}
        actions={
          <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
            {t('sync.account.close')}
          </button>
        }
      >
        <p>{t('sync.account.intro')}</p>
        <ServerAccountView
          session={session}
          onSignIn={async (input) => {
            const result = await signInToServer(device, input, transport);
            if (!result.ok) return result.message;
          }}
          onSignOut={() => signOutOfServer(device, transport)}
        />
      </Dialog>
    </>
  );
}
