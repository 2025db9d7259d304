import { useId, useState, type FormEvent } from 'react';
import { checkNip, formatNip, laneKeyOf, type LaneGroup, type LaneRef } from '../../core/people';
import type { ProfileInput, ProfileProblems, ProfileRow } from '../../device';
import { useI18n } from '../../ui/i18n';
import { localized } from '../format';
import { LanePicker } from './LanePicker';

export interface ProfileFormProps {
  /** The profile being edited; a new person when absent. */
  profile?: ProfileRow;
  groups: readonly LaneGroup[];
  /** Saves; resolves to the problems to show, or nothing when saved. */
  onSave: (input: ProfileInput) => Promise<ProfileProblems | void>;
  onCancel?: () => void;
}

function laneRefOf(key: string): LaneRef {
  const bar = key.indexOf('|');
  return { sopId: key.slice(0, bar), actorId: key.slice(bar + 1) };
}

/** Who I am on this device: name, NIP (optional, checked as typed), office, and the lanes I act as. */
export function ProfileForm({ profile, groups, onSave, onCancel }: ProfileFormProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [name, setName] = useState(typeof profile?.name === 'string' ? profile.name : '');
  const [nip, setNip] = useState(profile?.nip ? formatNip(profile.nip) : '');
  const [office, setOffice] = useState(profile?.office ?? '');
  const [lanes, setLanes] = useState<Set<string>>(() => new Set((Array.isArray(profile?.lanes) ? profile.lanes : []).map(laneKeyOf)));
  const [mayPublish, setMayPublish] = useState(profile?.mayPublish === true);
  const [problems, setProblems] = useState<ProfileProblems>({});
  const [busy, setBusy] = useState(false);
  const nipCheck = nip.trim() ? checkNip(nip) : null;
  const nipProblem = problems.nip ?? (nipCheck && !nipCheck.ok ? nipCheck.problem : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await onSave({
      ...(profile ? { id: profile.id } : {}),
      name,
      ...(nip.trim() ? { nip } : {}),
      office,
      lanes: [...lanes].map(laneRefOf),
      ...(mayPublish ? { mayPublish: true } : {}),
    });
    setBusy(false);
    setProblems(result ?? {});
  }

  const error = (key: keyof ProfileProblems, text = problems[key]) =>
    text ? (
      <p id={`${id}-${key}-error`} className="rt-field__error">
        {localized(text, lang)}
      </p>
    ) : null;

  return (
    <form className="rt-form rt-profile" onSubmit={submit} noValidate>
      <div className="rt-field">
        <label htmlFor={`${id}-name`}>{t('runtime.profile.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          autoComplete="name"
          required
          maxLength={120}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={problems.name ? `${id}-name-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error('name')}
      </div>
      <div className="rt-field">
        <label htmlFor={`${id}-nip`}>{t('runtime.profile.nip')}</label>
        <input
          id={`${id}-nip`}
          value={nip}
          inputMode="numeric"
          placeholder="19850512 201001 2 003"
          aria-invalid={nipProblem ? true : undefined}
          aria-describedby={`${id}-nip-help${nipProblem ? ` ${id}-nip-error` : ''}`}
          onChange={(e) => setNip(e.target.value)}
        />
        <p id={`${id}-nip-help`} className="rt-muted">
          {t('runtime.profile.nipHelp')}
        </p>
        {error('nip', nipProblem)}
      </div>
      <div className="rt-field">
        <label htmlFor={`${id}-office`}>{t('runtime.profile.office')}</label>
        <input id={`${id}-office`} value={office} maxLength={200} placeholder={t('runtime.profile.officePlaceholder')} onChange={(e) => setOffice(e.target.value)} />
        {error('office')}
      </div>
      <label className="rt-check">
        <input type="checkbox" checked={mayPublish} onChange={(e) => setMayPublish(e.target.checked)} /> {t('trust.profile.mayPublish')}
      </label>
      <LanePicker groups={groups} selected={lanes} onChange={setLanes} />
      {error('lanes')}
      <div className="rt-actions">
        <button type="submit" className="rt-button" disabled={busy}>
          {busy ? t('runtime.form.busy') : t('runtime.profile.save')}
        </button>
        {onCancel && (
          <button type="button" className="rt-button rt-button--secondary" onClick={onCancel}>
            {t('runtime.profile.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
