import { useEffect, useId, useState } from 'react';
import type { LocalizedText } from '../../core/engine';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { JsonFilePicker } from '../forms/JsonFilePicker';
import { formatDateTime, localized } from '../format';
import type { BackupCounts } from '../storage/backupSafety';
import type { CheckedBackup } from '../storage/backupCheck';
import type { RestoreImpact } from '../storage/backup';
import { toStorageError } from '../storage/errors';
import { useCountsText } from './counts';
import { RestoreConfirm } from './RestoreConfirm';

/** Messages are kept as what to say, not as text, so they follow a change of interface language. */
type State =
  | { step: 'idle' }
  | { step: 'busy'; checking?: string }
  | { step: 'confirm'; name: string; backup: CheckedBackup; before: BackupCounts; after: BackupCounts; impact: RestoreImpact }
  | { step: 'done'; said: 'restored' | 'undone' | 'cancelled'; before?: BackupCounts; after?: BackupCounts }
  | { step: 'refused'; summary: LocalizedText; problems: LocalizedText[]; unchanged: BackupCounts };

/** The problems listed on screen; the rest are counted. */
const SHOWN_PROBLEMS = 10;

/**
 * Restore from a backup file: the file is checked completely first, then the
 * clerk sees what will be replaced (counts now → after) and confirms; the data
 * it replaces is kept and can be put back with one click.
 */
export function RestoreFromBackup() {
  const { db, calendar, reloadCalendar } = useRuntime();
  const { lang, t } = useI18n();
  const countsText = useCountsText();
  const id = useId();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [copy, setCopy] = useState<{ takenAt: number; counts: BackupCounts } | null>(null);

  async function refreshCopy() {
    const { latestSafetyCopy } = await import('../storage/backupSafety');
    const latest = await latestSafetyCopy(db).catch(() => undefined);
    setCopy(latest ? { takenAt: latest.takenAt, counts: latest.counts } : null);
  }
  useEffect(() => {
    void refreshCopy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);

  async function refused(error: unknown) {
    const { currentCounts, BackupRefused } = await import('../storage/backup');
    const { describeProblem } = await import('../storage/backupCheck');
    const failure = toStorageError(error);
    const problems = error instanceof BackupRefused ? error.problems.map(describeProblem) : [];
    // Counted again now, so what the message says about the device is what is on it.
    const unchanged = await currentCounts(db);
    setState({ step: 'refused', summary: failure.localized, problems, unchanged });
  }

  async function check(file: File) {
    setState({ step: 'busy', checking: file.name });
    try {
      const { readBackupFile, currentCounts, countsOf, restoreImpact } = await import('../storage/backup');
      const backup = await readBackupFile(file);
      setState({ step: 'confirm', name: file.name, backup, before: await currentCounts(db), after: countsOf(backup), impact: await restoreImpact(db, backup) });
    } catch (error) {
      await refused(error);
    }
  }

  async function replace(backup: CheckedBackup) {
    setState({ step: 'busy' });
    try {
      const { replaceWithBackup } = await import('../storage/backup');
      const result = await replaceWithBackup(db, backup);
      await reloadCalendar();
      setState({ step: 'done', said: 'restored', before: result.before, after: result.after });
    } catch (error) {
      await refused(error);
    }
    await refreshCopy();
  }

  async function undo() {
    setState({ step: 'busy' });
    try {
      const { restoreSafetyCopy } = await import('../storage/backup');
      const result = await restoreSafetyCopy(db);
      await reloadCalendar();
      setState({ step: 'done', said: 'undone', before: result.before, after: result.after });
    } catch (error) {
      await refused(error);
    }
    await refreshCopy();
  }

  const busy = state.step === 'busy' || state.step === 'confirm';
  return (
    <div className="rt-restore">
      {state.step !== 'confirm' && <JsonFilePicker id={`${id}-restore`} label={t('runtime.backup.restore')} onFile={check} />}
      {state.step === 'confirm' && (
        <RestoreConfirm
          name={state.name}
          version={state.backup.schemaVersion}
          before={state.before}
          after={state.after}
          impact={state.impact}
          onConfirm={() => void replace(state.backup)}
          onCancel={() => setState({ step: 'done', said: 'cancelled' })}
        />
      )}
      {state.step === 'busy' && <p role="status">{state.checking ? t('backup.checking', { name: state.checking }) : t('backup.restoring')}</p>}
      {state.step === 'done' && (
        <div role="status" className="rt-alert rt-alert--ok">
          {state.said === 'cancelled' ? t('backup.cancelled') : t(`backup.${state.said}`, { after: countsText(state.after!), before: countsText(state.before!) })}
        </div>
      )}
      {state.step === 'refused' && (
        <div role="alert" className="rt-alert rt-alert--error">
          <p>{state.problems.length > 1 ? t('backup.refused.many', { count: state.problems.length }) : localized(state.summary, lang)}</p>
          {state.problems.length > 1 && (
            <ul className="rt-restore__problems">
              {state.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>{localized(p, lang)}</li>
              ))}
              {state.problems.length > SHOWN_PROBLEMS && <li>{t('backup.refused.more', { count: state.problems.length - SHOWN_PROBLEMS })}</li>}
            </ul>
          )}
          <p>{t('backup.refused.unchanged', { counts: countsText(state.unchanged) })}</p>
        </div>
      )}
      {copy && (
        <div className="rt-restore__undo">
          <button type="button" className="rt-button rt-button--secondary" disabled={busy} aria-describedby={`${id}-copy`} onClick={() => void undo()}>
            {t('backup.undo')}
          </button>
          <p id={`${id}-copy`} className="rt-muted">
            {t('backup.undo.describe', { time: formatDateTime(copy.takenAt, lang, calendar.timeZone), counts: countsText(copy.counts) })}
          </p>
        </div>
      )}
    </div>
  );
}
