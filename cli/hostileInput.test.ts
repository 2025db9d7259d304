/**
 * What the CLI does with hostile files: limits shared with the apps (depth,
 * size) and file content that must never reach the terminal raw.
 */
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError } from './chromium';
import { printable } from './io';
import { runCli } from './main';
import { runPrintCommand } from '../print/pdf/printCommand';

const minimalFixture = fileURLToPath(new URL('../core/validation/fixtures/minimal.sop.json', import.meta.url));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sop-cli-')), name);
  writeFileSync(path, content);
  return path;
}

/** Any character a terminal acts on: C0 but line feed, DEL, C1, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const deepExtensions = () => {
  const doc = JSON.parse(readFileSync(minimalFixture, 'utf8'));
  const text = JSON.stringify(doc).replace(/}$/, `,"extensions":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`);
  return tempFile('deep.sop.json', text);
};

describe('limits shared with the apps', () => {
  it('sop validate refuses 100 000-deep extensions, naming where', async () => {
    const { code, stdout } = await run('validate', '--lang', 'en', deepExtensions());
    expect(code).toBe(1);
    expect(stdout).toContain('#/extensions/a/a/a');
    expect(stdout).toContain('schema.maxDepth  extensions is nested deeper than 64 levels at /extensions/a/a/a/a/a/…');
  });

  it('sop print refuses the same file with the same reason and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-print-'));
    let stderr = '';
    const status = await runPrintCommand(
      { file: deepExtensions(), out: join(dir, 'x.pdf'), paper: 'a4', orientation: 'landscape', lang: 'en' },
      { stdout: () => {}, stderr: (t) => (stderr += t) },
      Promise.reject(new ChromiumNotFoundError('no browser needed to refuse this file')),
    );
    expect(status).toBe(1);
    expect(stderr).toContain('is not a valid SOP; nothing was printed.');
    expect(stderr).toContain('schema.maxDepth  extensions is nested deeper than 64 levels');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports the true size of a 100 MB file without reading it', async () => {
    const path = tempFile('huge.sop.json', '');
    truncateSync(path, 100 * 1024 * 1024);
    const { code, stdout } = await run('validate', '--lang', 'en', path);
    expect(code).toBe(1);
    expect(stdout).toContain('json.too-large  File too large (100.0 MB); the limit is 20.0 MB.');
  });
});

describe('file content never reaches the terminal raw', () => {
  const hostile = () => {
    const doc = JSON.parse(readFileSync(minimalFixture, 'utf8'));
    doc.identity.title = 'Judul \u001B]0;pwned\u0007\u001B[2J\u009B31m\u202Eabc';
    doc.flows[0].title = 'Alur \u001B[31mmerah';
    doc.flows[0].steps[1].text = 'Periksa \u000B berkas \u001B[5m';
    return doc;
  };

  it('in sop validate, as visible escapes on the diagnostic line', async () => {
    const { code, stdout } = await run('validate', '--lang', 'en', tempFile('esc\u001B[31m.sop.json', JSON.stringify(hostile())));
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain('esc\\x1b[31m.sop.json#/flows/0/steps/1/text  error  schema.controlCharacter');
    expect(stdout).toContain('#/identity/title');
  });

  it('in sop validate --json, as \\u escapes that parse back to the same text', async () => {
    const doc = JSON.parse(readFileSync(minimalFixture, 'utf8'));
    doc.flows[0].steps[1].text = 'Periksa \u009B31m \u202E berkas';
    delete doc.flows[0].steps[1].waktu;
    const path = tempFile('c1\u009B31m\u202E.sop.json', JSON.stringify(doc));
    const { stdout } = await run('validate', '--json', path);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(stdout).files[0].file).toBe(path);
  });

  it('in sop stats, for titles and flow names of a file that passes', async () => {
    const doc = JSON.parse(readFileSync(minimalFixture, 'utf8'));
    // C1 and bidi controls are legal XML, so the validator lets them through: the CLI must escape them.
    doc.identity.title = 'Judul \u009B2J \u202Eabc \u007F';
    doc.flows[0].title = 'Alur \u0085 \u2066x\u2069';
    const path = tempFile('stats.sop.json', JSON.stringify(doc));
    const text = await run('stats', path);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain('Judul \\x9b2J \\u202eabc \\x7f');
    expect(text.stdout).toContain('(Alur \\x85 \\u2066x\\u2069)');
    const json = await run('stats', '--json', path);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).title).toBe(doc.identity.title);
  });

  it('in sop stats errors on stderr', async () => {
    const { code, stderr } = await run('stats', tempFile('bad.sop.json', JSON.stringify(hostile())));
    expect(code).toBe(1);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('schema.controlCharacter');
  });

  it('printable keeps ordinary text, every script and emoji as it is', () => {
    const text = 'Dinas Sosial — Banyuwangi ✅ 😀 العربية 中文 "quoted" \\ back';
    expect(printable(text)).toBe(text);
    expect(printable('a\nb\tc\u001Bd')).toBe('a\\nb\\tc\\x1bd');
  });
});
