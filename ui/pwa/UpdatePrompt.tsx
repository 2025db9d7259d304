import type { MessageKey } from '../../core/i18n';
import { useT } from '../i18n';
import type { FormInProgress } from './formsInProgress';

export interface UpdatePromptProps {
  /** `waiting`: a new version waits for the user's word; `activated`: another tab let it in, a reload shows it. */
  phase: 'waiting' | 'activated';
  /** A form with the user's input is open: say whether a reload keeps it (a runtime step) or would clear it. */
  formInProgress: FormInProgress;
  /** "Muat ulang" was chosen and the page is about to reload. */
  reloading: boolean;
  onReload(): void;
  onLater(): void;
}

/** What the prompt adds about the form on screen. */
const DETAIL: Record<FormInProgress, MessageKey> = {
  none: 'pwa.update.whenYouAreReady',
  kept: 'pwa.update.draftKept',
  unsaved: 'pwa.update.formNotKept',
};

/**
 * "Versi baru tersedia — Muat ulang": a quiet banner under the header. It
 * never takes the focus, never covers the step form or its action bar, and
 * the page reloads only when the user chooses "Muat ulang". With a form in
 * progress it says what a clerk needs to hear before agreeing: a step's input
 * is kept as a draft and comes back (finishing the step first is fine too);
 * the form that starts a case keeps nothing yet, so start the case first.
 */
export function UpdatePrompt({ phase, formInProgress, reloading, onReload, onLater }: UpdatePromptProps) {
  const t = useT();
  return (
    <section className="pwa-update" aria-label={t('pwa.update.label')}>
      <div role="status" className="pwa-update__text">
        <p className="pwa-update__title">{t(phase === 'waiting' ? 'pwa.update.available' : 'pwa.update.activated')}</p>
        <p className="pwa-update__detail">{t(DETAIL[formInProgress])}</p>
      </div>
      <div className="pwa-update__actions">
        <button type="button" className="pwa-update__reload" onClick={onReload} disabled={reloading}>
          {t(reloading ? 'pwa.update.reloading' : 'pwa.update.reload')}
        </button>
        <button type="button" className="pwa-update__later" onClick={onLater} disabled={reloading}>
          {t('pwa.update.later')}
        </button>
      </div>
    </section>
  );
}
