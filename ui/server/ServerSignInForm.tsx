import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { LocalizedText } from '../../core/engine';
import { useI18n } from '../i18n';
import type { SignInInput } from './session';

/** Each app styles fields its own way: the class names it gives the form's parts. */
export interface SignInFormClasses {
  form: string;
  field: string;
  hint: string;
  error: string;
  button: string;
}

export interface ServerSignInFormProps {
  /** Resolves to the server's refusal to show, or nothing once signed in (the password is then cleared). */
  onSignIn: (input: SignInInput) => Promise<LocalizedText | void>;
  classes: SignInFormClasses;
  /** The login to start from (signing in again after the server ended the session). */
  initialLogin?: string;
  /** The address to start from; '' (the default) is the page's own origin. */
  initialServerUrl?: string;
  /**
   * The address first (the runtime, where signing in links the device to a server) or last (the
   * designer, where the account matters and the address rarely changes).
   */
  addressFirst?: boolean;
  /**
   * Where the form sits inside another form (the designer's dialog), it cannot be a <form> (forms do not
   * nest): it is a group, and Enter in a field signs in here instead of submitting the outer form.
   */
  nested?: boolean;
}

/**
 * Signing in to the server, shared by the designer's Server dialog and the
 * runtime's Pengaturan: login, password and the server's address (empty: this
 * origin, the only one the apps' Content Security Policy lets them reach).
 * Signing in waits for a login and a password; the refusal is shown in the
 * interface language and the password kept for another try.
 */
export function ServerSignInForm({ onSignIn, classes, initialLogin = '', initialServerUrl = '', addressFirst = false, nested = false }: ServerSignInFormProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [login, setLogin] = useState(initialLogin);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const ready = !busy && login.trim() !== '' && password !== '';

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    let failure: LocalizedText | void;
    try {
      failure = await onSignIn({ serverUrl, login, password });
    } finally {
      setBusy(false);
    }
    setProblem(failure ?? null);
    if (!failure) setPassword('');
  };

  const address = (
    <div className={classes.field}>
      <label htmlFor={`${id}-url`}>{t('sync.server.url')}</label>
      <input id={`${id}-url`} type="url" inputMode="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} aria-describedby={`${id}-url-hint`} placeholder="https://" />
      <p id={`${id}-url-hint`} className={classes.hint}>
        {t('sync.server.urlHint')}
      </p>
    </div>
  );
  const fields: ReactNode = (
    <>
      {addressFirst && address}
      <div className={classes.field}>
        <label htmlFor={`${id}-login`}>{t('sync.server.login')}</label>
        <input id={`${id}-login`} autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
      </div>
      <div className={classes.field}>
        <label htmlFor={`${id}-password`}>{t('sync.server.password')}</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {!addressFirst && address}
      {problem && (
        <p role="alert" className={classes.error}>
          {problem[lang] || problem.id}
        </p>
      )}
      <button type={nested ? 'button' : 'submit'} className={classes.button} disabled={!ready} onClick={nested ? () => void submit() : undefined}>
        {busy ? t('sync.server.signingIn') : t('sync.server.signIn')}
      </button>
    </>
  );

  if (nested) {
    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
        event.preventDefault();
        void submit();
      }
    };
    return (
      <div role="group" aria-label={t('sync.server.signIn')} className={classes.form} onKeyDown={onKeyDown}>
        {fields}
      </div>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };
  return (
    <form aria-label={t('sync.server.signIn')} className={classes.form} onSubmit={onSubmit}>
      {fields}
    </form>
  );
}
