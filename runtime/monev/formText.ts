/**
 * The words of a monev form as the screen, the print and the exports all
 * write them: one place, so a CSV cell says what the printed cell says.
 * Pure (no React, no DOM).
 */
import { formatNip } from '../../core/people';
import { translate, type Lang } from '../../core/i18n';
import type { CriterionAnswer, FormSubject, MeasuredStep, MonevForm } from '../../core/monev/forms';
import { formatHours, formatShare } from './monevFormat';

/** "2026-01-05" → "5 Jan 2026" ("5 Jan 2026" in English too): a local date, never shifted by a time zone. */
export function formatLocalDay(date: string, lang: Lang): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at)) return date;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export function periodText(subject: FormSubject, lang: Lang): string {
  return translate(lang, 'monev.form.periodValue', { from: formatLocalDay(subject.period.from, lang), to: formatLocalDay(subject.period.to, lang) });
}

export function measuredText(m: MeasuredStep, lang: Lang): string {
  if (m.visits === 0) return translate(lang, 'monev.form.measuredNone');
  const hours = (minutes: number | null) => (minutes === null ? '—' : translate(lang, 'monev.hours', { value: formatHours(minutes, lang) }));
  return translate(lang, 'monev.form.measured', {
    visits: m.visits,
    within: formatShare(m.shareWithin, lang),
    median: hours(m.medianMinutes),
    p90: hours(m.p90Minutes),
    returns: formatShare(m.returnRate, lang),
    loops: formatShare(m.loopRate, lang),
  });
}

/** Ya / Tidak / Belum dinilai. */
export function yesNoText(value: boolean | null, lang: Lang): string {
  return translate(lang, value === null ? 'monev.form.unjudged' : value ? 'monev.form.yes' : 'monev.form.no');
}

export function criterionText(answer: CriterionAnswer, lang: Lang): string {
  return translate(lang, `monev.criterion.${answer.criterion}`);
}

export function recommendationText(value: 'keep' | 'revise' | null, lang: Lang): string {
  return value === null ? translate(lang, 'monev.form.unjudged') : translate(lang, `monev.form.recommendation.${value}`);
}

export function formHeading(form: MonevForm, lang: Lang): string {
  return translate(lang, form.kind === 'monitoring' ? 'monev.form.monitoringHeading' : 'monev.form.evaluationHeading');
}

/** The header block, label then value, in the order the form prints it. */
export function headerRows(form: MonevForm, lang: Lang): [string, string][] {
  const s = form.subject;
  const all = translate(lang, 'monev.form.header.all');
  return [
    [translate(lang, 'monev.form.header.title'), s.title],
    [translate(lang, 'monev.form.header.number'), s.number || '—'],
    [translate(lang, 'monev.form.header.unit'), s.unit || '—'],
    [translate(lang, 'monev.form.header.revision'), String(s.revision)],
    [translate(lang, 'monev.form.header.period'), periodText(s, lang)],
    [translate(lang, 'monev.form.header.office'), s.office || all],
    [translate(lang, 'monev.form.header.lane'), s.lane || all],
  ];
}

export function evaluatorRows(form: MonevForm, lang: Lang): [string, string][] {
  const e = form.evaluator;
  return [
    [translate(lang, 'monev.form.evaluatorName'), e?.name ?? ''],
    [translate(lang, 'monev.form.evaluatorNip'), e?.nip ? formatNip(e.nip) : ''],
    [translate(lang, 'monev.form.evaluatorOffice'), e?.office ?? ''],
  ];
}
