import { useId, useState } from 'react';
import type { Diagnostic } from '../../core/validation';
import { checkFileSize } from '../../core/validation/fileSize';
import { importRevisionFile, type DeviceDb, type ImportRevisionResult } from '../../device';
import { useI18n } from '../../ui/i18n';
import { JsonFilePicker } from '../forms/JsonFilePicker';
import { localized } from '../format';
import { CURRENT_SCHEMA_VERSION } from '../../core/migrations';

export interface ImportRevisionPanelProps {
  device: DeviceDb;
  /** Replaces the real import (stories). */
  importText?: (text: string) => Promise<ImportRevisionResult>;
}

type Outcome = { file: string; result: ImportRevisionResult } | { file: string; unreadable: true };

/**
 * Import a published revision exported by a designer on another device. It
 * must pass the publish rules; a draft, an invalid or truncated file, or a
 * changed revision reusing a number is refused, with where and why, and
 * nothing is written.
 */
export function ImportRevisionPanel({ device, importText }: ImportRevisionPanelProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onFile = async (file: File) => {
    // Refused unread, naming its true size: the limit is the one every SOP file has.
    const tooLarge = checkFileSize(file.size);
    if (tooLarge) {
      setOutcome({ file: file.name, result: { ok: false, diagnostics: tooLarge.diagnostics } });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setOutcome({ file: file.name, unreadable: true });
      return;
    }
    setOutcome({ file: file.name, result: await (importText ?? ((value) => importRevisionFile(device, value)))(text) });
  };

  const where = (d: Diagnostic) => (d.pointer ? <code className="rt-muted"> {d.pointer}</code> : null);

  return (
    <section className="rt-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('runtime.catalogue.import.heading')}</h3>
      <p id={`${id}-help`} className="rt-muted">
        {t('runtime.catalogue.import.help')}
      </p>
      <JsonFilePicker id={`${id}-file`} label={t('runtime.catalogue.import.choose')} onFile={onFile} describedBy={`${id}-help`} />
      {outcome && 'unreadable' in outcome && (
        <div role="alert" className="rt-alert rt-alert--error">
          {t('runtime.catalogue.import.unreadable', { file: outcome.file })}
        </div>
      )}
      {outcome && 'result' in outcome && outcome.result.ok && (
        <div role="status" className="rt-alert rt-alert--ok">
          {t(outcome.result.status === 'added' ? 'runtime.catalogue.import.added' : 'runtime.catalogue.import.unchanged', {
            title: outcome.result.revision.title,
            revision: outcome.result.revision.revision,
          })}
          {outcome.result.upgradedFrom !== undefined && (
            <p>{t('runtime.catalogue.import.upgraded', { from: outcome.result.upgradedFrom, to: CURRENT_SCHEMA_VERSION })}</p>
          )}
        </div>
      )}
      {outcome && 'result' in outcome && !outcome.result.ok && (
        <div role="alert" className="rt-alert rt-alert--error">
          <p>{t('runtime.catalogue.import.refused', { file: outcome.file })}</p>
          <ul>
            {outcome.result.diagnostics.slice(0, 20).map((d, i) => (
              <li key={i}>
                {localized(d.message, lang)}
                {where(d)}
              </li>
            ))}
          </ul>
          {outcome.result.diagnostics.length > 20 && <p>{t('runtime.catalogue.import.more', { count: outcome.result.diagnostics.length - 20 })}</p>}
        </div>
      )}
    </section>
  );
}
