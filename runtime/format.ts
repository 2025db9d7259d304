/** Formatting for the clerk's screens: times in the office's zone, durations, sizes. */
import type { Lang } from '../core/i18n';
import type { LocalizedText } from '../core/engine';

const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function zoneLabel(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

/** "2 Jun 2025 08.01 WIB": a date and time in the office's zone, never the machine's. */
export function formatDateTime(value: string | number | undefined, lang: Lang, timeZone: string): string {
  if (value === undefined) return '—';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return '—';
  return `${formatter(lang, timeZone, true).format(ms)} ${zoneLabel(timeZone)}`;
}

export function formatDate(value: string | number, lang: Lang, timeZone: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return formatter(lang, timeZone, false).format(ms);
}

export function formatTimeOfDay(ms: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "1 jam 5 menit" / "1 h 5 min". */
export function formatMinutesShort(minutes: number, lang: Lang): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const [hu, mu] = lang === 'id' ? ['jam', 'menit'] : ['h', 'min'];
  if (h === 0) return `${m} ${mu}`;
  return m === 0 ? `${h} ${hu}` : `${h} ${hu} ${m} ${mu}`;
}

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] ?? text.id;
}
