import { computeSopStats, type FlowStats, type SopStats } from '../core/model/sopStats';
import { formatMinMax, type WaktuTotal } from '../core/waktu';
import { EXIT_OK, EXIT_PROBLEMS, pick, printable, printableJson, type CliIo, type Lang } from './io';
import { readSopFile } from './readSopFile';

export interface StatsCommandOptions {
  files: string[];
  json: boolean;
  lang: Lang;
}

export async function runStatsCommand(options: StatsCommandOptions, io: CliIo): Promise<number> {
  const results: SopStats[] = [];
  let exitCode = EXIT_OK;
  for (const file of options.files) {
    const parsed = await readSopFile(file);
    if (!parsed.document) {
      // Stats need a document of the right shape; semantic problems alone do not stop them.
      exitCode = EXIT_PROBLEMS;
      for (const d of parsed.diagnostics) io.stderr(`${printable(file)}#${printable(d.pointer || '/')}  ${d.ruleId}  ${printable(pick(options.lang, d.message))}\n`);
      continue;
    }
    results.push(computeSopStats(parsed.document));
  }
  if (options.json) {
    io.stdout(printableJson(results.length === 1 && options.files.length === 1 ? results[0] : results) + '\n');
  } else {
    io.stdout(results.map((s) => formatStats(s, options.lang)).join('\n'));
  }
  return exitCode;
}

function formatStats(stats: SopStats, lang: Lang): string {
  // Titles and ids come from the file: escaped so they cannot drive the terminal.
  const lines = [`${printable(stats.title)} (${printable(stats.id)})`];
  for (const flow of stats.flows) lines.push(...formatFlow(flow, lang));
  if (stats.flows.length === 0) lines.push(pick(lang, { id: '  (tidak ada bagan alir)', en: '  (no flowchart)' }));
  return lines.join('\n') + '\n';
}

function formatFlow(flow: FlowStats, lang: Lang): string[] {
  const t = (id: string, en: string) => pick(lang, { id, en });
  const match = flow.statedTotalMatches === null
    ? t('tidak ada jumlah tertulis', 'no stated total')
    : flow.statedTotalMatches ? t('sesuai', 'matches') : t('TIDAK sesuai', 'does NOT match');
  return [
    `  ${t('Alur', 'Flow')} ${printable(flow.id)}${flow.title ? ` (${printable(flow.title)})` : ''}: ${flow.steps} ${t('langkah', 'steps')}, ${flow.lanes} ${t('lajur', 'lanes')}, ${flow.decisions} ${t('keputusan', 'decisions')}`,
    ...formatTotal(flow.total, lang).map((line) => '    ' + line),
    `    ${t('Jumlah tertulis', 'Stated total')}: ${printable(flow.statedTotal ?? '-')} (${match})`,
  ];
}

function formatTotal(total: WaktuTotal, lang: Lang): string[] {
  const t = (id: string, en: string) => pick(lang, { id, en });
  return [
    `${t('Menit/jam', 'Minutes/hours')}: ${formatMinMax(total.minutes, 'minutes', lang)}`,
    `${t('Hari kerja', 'Working days')}: ${formatMinMax(total.workingDays, 'workingDays', lang)}`,
    `${t('Hari kalender', 'Calendar days')}: ${formatMinMax(total.calendarDays, 'calendarDays', lang)}`,
    `${t('Bulan', 'Months')}: ${formatMinMax(total.months, 'months', lang)}`,
    `${t('Jendela kalender', 'Calendar windows')}: ${total.calendarWindows}; ${t('tanpa waktu', 'no time')}: ${total.empty}; ${t('tak terbaca', 'unreadable')}: ${total.unparsed}`,
  ];
}
