/**
 * `sop migrate <files...> [--out dir]`: writes SOP files of an earlier schema
 * version in the current one (core/migrations), in place or into `--out`.
 * A file that is not valid (not JSON, not following its schema once
 * migrated, or from a newer SOP Studio) is refused with where and why, and
 * left untouched. Semantic problems (an unreachable step) do not stop it: a
 * draft is upgraded as it is.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CURRENT_SCHEMA_VERSION, type MigrationNote } from '../core/migrations';
import { sortDiagnostics, type Diagnostic } from '../core/validation';
import { EXIT_OK, EXIT_PROBLEMS, pick, printable, printableJson, type CliIo, type Lang } from './io';
import { readSopFile } from './readSopFile';

export interface MigrateCommandOptions {
  files: string[];
  /** A folder to write the upgraded files into; absent: each file is rewritten in place. */
  out?: string;
  json: boolean;
  lang: Lang;
}

type FileStatus = 'migrated' | 'current' | 'refused';

interface FileReport {
  file: string;
  status: FileStatus;
  /** Where the file was written (in place or in --out); absent when nothing was written. */
  written?: string;
  fromVersion?: number;
  toVersion?: number;
  /** What changed, with pointers into the file as it was. */
  changes: MigrationNote[];
  /** Why it was refused (errors only). */
  diagnostics: Diagnostic[];
}

const isStructural = (d: Diagnostic) => d.severity === 'error' && /^(json\.|schema\.|file\.|sop\.newer-version|internal\.)/.test(d.ruleId);

export async function runMigrateCommand(options: MigrateCommandOptions, io: CliIo): Promise<number> {
  const reports: FileReport[] = [];
  const outDir = options.out === undefined ? undefined : resolve(options.out);
  if (outDir !== undefined) {
    const problem = await usableFolder(outDir);
    if (problem) {
      io.stderr(printable(`sop migrate: ${pick(options.lang, problem)}`) + '\n');
      return EXIT_PROBLEMS;
    }
  }
  const targets = new Map<string, string>();
  for (const file of options.files) {
    const target = outDir === undefined ? resolve(file) : join(outDir, basename(file));
    const clash = targets.get(target);
    if (clash !== undefined) {
      reports.push(refused(file, {
        ruleId: 'file.out-clash',
        severity: 'error',
        pointer: '',
        message: { id: `Berkas ${clash} juga ditulis ke ${target}; ganti nama salah satunya.`, en: `File ${clash} is also written to ${target}; rename one of them.` },
      }));
      continue;
    }
    targets.set(target, file);
    reports.push(await migrateFile(file, target, outDir !== undefined));
  }
  if (options.json) io.stdout(printableJson({ files: reports }) + '\n');
  else io.stdout(formatReports(reports, options.lang));
  return reports.some((r) => r.status === 'refused') ? EXIT_PROBLEMS : EXIT_OK;
}

async function migrateFile(file: string, target: string, toFolder: boolean): Promise<FileReport> {
  const parsed = await readSopFile(file);
  const errors = sortDiagnostics(parsed.diagnostics.filter(isStructural));
  if (errors.length > 0 || !parsed.document) {
    return refused(file, ...(errors.length > 0 ? errors : parsed.diagnostics.filter((d) => d.severity === 'error')));
  }
  const migration = parsed.migration;
  const text = migration ? `${JSON.stringify(parsed.document, null, 2)}\n` : undefined;
  try {
    if (text !== undefined) await writeAtomically(target, text);
    // A current file is left alone in place; into a folder it is copied as it is, so the folder holds every file given.
    else if (toFolder) await writeAtomically(target, { copyOf: file });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return refused(file, {
      ruleId: 'file.unwritable',
      severity: 'error',
      pointer: '',
      message: { id: `${target} tidak dapat ditulis (${code}); berkas asal tidak diubah.`, en: `${target} cannot be written (${code}); the original file is unchanged.` },
    });
  }
  const written = text !== undefined || toFolder ? target : undefined;
  if (!migration) {
    return { file, status: 'current', ...(written ? { written } : {}), fromVersion: CURRENT_SCHEMA_VERSION, toVersion: CURRENT_SCHEMA_VERSION, changes: [], diagnostics: [] };
  }
  return { file, status: 'migrated', ...(written ? { written } : {}), fromVersion: migration.fromVersion, toVersion: migration.toVersion, changes: migration.notes, diagnostics: [] };
}

function refused(file: string, ...diagnostics: Diagnostic[]): FileReport {
  return { file, status: 'refused', changes: [], diagnostics };
}

/** Written next to the target and renamed over it, so an interrupted run never leaves half a file. */
async function writeAtomically(target: string, content: string | { copyOf: string }): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof content === 'string') await writeFile(temp, content, 'utf8');
    else await copyFile(content.copyOf, temp);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

async function usableFolder(path: string): Promise<{ id: string; en: string } | undefined> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return { id: `--out ${path} bukan folder.`, en: `--out ${path} is not a folder.` };
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { id: `--out ${path} tidak dapat dibuka.`, en: `--out ${path} cannot be opened.` };
  }
  try {
    await mkdir(path, { recursive: true });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { id: `folder --out ${path} tidak dapat dibuat (${code}).`, en: `the --out folder ${path} cannot be created (${code}).` };
  }
}

function formatReports(reports: FileReport[], lang: Lang): string {
  const t = (id: string, en: string) => pick(lang, { id, en });
  const lines: string[] = [];
  for (const report of reports) {
    const file = printable(report.file);
    const where = report.written && report.written !== resolve(report.file) ? ` → ${printable(report.written)}` : '';
    if (report.status === 'refused') {
      lines.push(`${file}: ${t('ditolak, tidak diubah', 'refused, not changed')}`);
      // Like `sop validate`: file and pointer first, so editors and grep can use the line.
      for (const d of report.diagnostics) lines.push(`  ${file}#${printable(d.pointer || '/')}  ${d.ruleId}  ${printable(pick(lang, d.message))}`);
    } else if (report.status === 'current') {
      lines.push(`${file}: ${t(`sudah versi ${CURRENT_SCHEMA_VERSION}, tidak ada yang diubah`, `already version ${CURRENT_SCHEMA_VERSION}, nothing to change`)}${where}`);
    } else {
      lines.push(`${file}: ${t(`versi ${report.fromVersion} → ${report.toVersion}, ${report.changes.length} perubahan`, `version ${report.fromVersion} → ${report.toVersion}, ${report.changes.length} change(s)`)}${where}`);
      for (const note of report.changes) {
        const mark = note.kind === 'dropped' ? t('dibuang', 'dropped') : t('diubah', 'changed');
        lines.push(`  ${file}#${printable(note.pointer || '/')}  ${mark}  ${printable(pick(lang, note.message))}`);
      }
    }
  }
  const count = (status: FileStatus) => reports.filter((r) => r.status === status).length;
  lines.push(t(
    `${reports.length} berkas: ${count('migrated')} diperbarui, ${count('current')} sudah terbaru, ${count('refused')} ditolak.`,
    `${reports.length} file(s): ${count('migrated')} upgraded, ${count('current')} already current, ${count('refused')} refused.`,
  ));
  return lines.join('\n') + '\n';
}
