import type { Diagnostic } from '../../core/validation';
import { useI18n } from '../../ui/i18n';
import { Dialog } from '../ui/Dialog';
import { localized } from '../ui/localized';
import { diagnosticLocation } from './sopFiles';

export interface RejectedFile {
  fileName: string;
  diagnostics: Diagnostic[];
}

export interface ImportReportDialogProps {
  rejected: readonly RejectedFile[];
  onClose: () => void;
}

/** Lists the files that could not be imported, each problem with where it is. */
export function ImportReportDialog({ rejected, onClose }: ImportReportDialogProps) {
  const { t, lang } = useI18n();
  return (
    <Dialog
      open={rejected.length > 0}
      title={t('designer.library.import.rejectedTitle', { count: rejected.length })}
      onClose={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('designer.common.close')}
        </button>
      }
    >
      <p>{t('designer.library.import.rejectedIntro')}</p>
      {rejected.map((file) => (
        <section key={file.fileName} className="import-report__file">
          <h3>{file.fileName}</h3>
          <ul className="diagnostic-list">
            {file.diagnostics.slice(0, 20).map((d, i) => (
              <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
                <code className="diagnostic__where">{diagnosticLocation(d)}</code> {localized(d.message, lang)}
              </li>
            ))}
          </ul>
          {file.diagnostics.length > 20 && (
            <p className="muted">{t('designer.library.import.more', { count: file.diagnostics.length - 20 })}</p>
          )}
        </section>
      ))}
    </Dialog>
  );
}
