import { sortDiagnostics, type Diagnostic } from '../core/validation';
import { EXIT_OK, EXIT_PROBLEMS, pick, printable, printableJson, type CliIo, type Lang } from './io';
import { readSopFile } from './readSopFile';

export interface ValidateCommandOptions {
  files: string[];
  json: boolean;
  lang: Lang;
  publish: boolean;
}

interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
}

export async function runValidateCommand(options: ValidateCommandOptions, io: CliIo): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of options.files) {
    const result = await readSopFile(file, { purpose: options.publish ? 'publish' : 'edit' });
    reports.push({ file, valid: result.valid, diagnostics: sortDiagnostics(result.diagnostics) });
  }
  if (options.json) io.stdout(printableJson({ files: reports }) + '\n');
  else io.stdout(formatReports(reports, options.lang));
  return reports.every((r) => r.valid) ? EXIT_OK : EXIT_PROBLEMS;
}

const severityLabel: Record<Lang, Record<Diagnostic['severity'], string>> = {
  id: { error: 'galat', warning: 'peringatan', info: 'info' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

function formatReports(reports: FileReport[], lang: Lang): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    if (report.diagnostics.length === 0) {
      lines.push(`${printable(report.file)}: ${pick(lang, { id: 'tidak ada masalah', en: 'no problems' })}`);
      continue;
    }
    lines.push(`${printable(report.file)}:`);
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      // One line per diagnostic, file and pointer first, so editors and grep can use it;
      // what came from the file is escaped, so it can neither break the line nor drive the terminal.
      lines.push(`  ${printable(report.file)}#${printable(d.pointer || '/')}  ${severityLabel[lang][d.severity]}  ${d.ruleId}  ${printable(pick(lang, d.message))}`);
    }
  }
  const failed = reports.filter((r) => !r.valid).length;
  lines.push(pick(lang, {
    id: `${reports.length} berkas diperiksa: ${failed} bermasalah, ${errors} galat, ${warnings} peringatan.`,
    en: `${reports.length} file(s) checked: ${failed} with errors, ${errors} error(s), ${warnings} warning(s).`,
  }));
  return lines.join('\n') + '\n';
}
