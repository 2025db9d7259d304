import { useI18n } from '../../ui/i18n';
import { localized } from '../ui/localized';
import { useEditorSnapshot } from './EditorContext';
import type { Persistence } from './usePersistence';

/** Save problems that need the drafter: a full disk, or another tab's save. */
export function SaveBanner({ persistence }: { persistence: Persistence }) {
  const { t, lang } = useI18n();
  const { ui } = useEditorSnapshot();
  if (ui.save.status === 'error') {
    return (
      <div className="banner banner--error" role="alert">
        <span>{localized(ui.save.message, lang)}</span>
        <button type="button" className="button button--small" onClick={() => void persistence.retry()}>
          {t('designer.save.retry')}
        </button>
      </div>
    );
  }
  if (ui.save.status === 'conflict') {
    return (
      <div className="banner banner--warning" role="alert">
        <span>{t('designer.save.conflict')}</span>
        <button type="button" className="button button--small" onClick={() => void persistence.reloadFromStorage()}>
          {t('designer.save.takeTheirs')}
        </button>
        <button type="button" className="button button--small" onClick={() => void persistence.keepMine()}>
          {t('designer.save.keepMine')}
        </button>
      </div>
    );
  }
  if (ui.otherTab) {
    return (
      <div className="banner banner--info" role="status">
        {t('designer.save.otherTab')}
      </div>
    );
  }
  return null;
}
