import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = (id: string) => join(root, 'samples', `${id}.sop.json`);
const minimalFixture = join(root, 'core/validation/fixtures/minimal.sop.json');

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

describe('sop validate', () => {
  it('exits 0 and says so for a valid file', async () => {
    const { code, stdout } = await run('validate', minimalFixture);
    expect(code).toBe(0);
    expect(stdout).toContain('tidak ada masalah');
  });

  it('exits 1 and prints file, pointer, rule id and message for a file with errors', async () => {
    const doc = JSON.parse(readFileSync(minimalFixture, 'utf8'));
    doc.flows[0].edges.pop();
    const path = tempFile('bad.sop.json', JSON.stringify(doc));
    const { code, stdout } = await run('validate', '--lang', 'en', path);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path}#/flows/0/steps/2  error  decision.exit-count  Decision 3 has 1 outgoing edge(s)`);
  });

  it('exits 1 for malformed JSON and for a missing file, naming where', async () => {
    const broken = tempFile('broken.sop.json', '{\n  "schemaVersion": 1,\n  oops\n}');
    const { code, stdout } = await run('validate', broken, '/no/such/file.sop.json');
    expect(code).toBe(1);
    expect(stdout).toContain('json.syntax');
    expect(stdout).toContain('baris 3');
    expect(stdout).toContain('file.unreadable');
    expect(stdout).toContain('berkas tidak ditemukan');
  });

  it('prints machine-readable diagnostics with --json', async () => {
    const { code, stdout } = await run('validate', '--json', minimalFixture, '/no/such/file');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toMatchObject({ file: minimalFixture, valid: true, diagnostics: [] });
    expect(report.files[1].diagnostics[0]).toMatchObject({ ruleId: 'file.unreadable', severity: 'error', pointer: '' });
    expect(report.files[1].diagnostics[0].message).toHaveProperty('en');
  });

  it('checks identity fields with --publish', async () => {
    const doc = JSON.parse(readFileSync(minimalFixture, 'utf8'));
    doc.identity.number = '';
    const path = tempFile('unnumbered.sop.json', JSON.stringify(doc));
    expect((await run('validate', path)).stdout).not.toContain('identity.missing-field');
    expect((await run('validate', '--publish', path)).stdout).toContain('identity.missing-field');
  });

  it.each([
    [[]],
    [['validate']],
    [['validate', '--lang', 'fr', 'x.json']],
    [['validate', '--nope', 'x.json']],
    [['frobnicate', 'x.json']],
  ])('exits 2 on usage error %j', async (argv) => {
    const { code, stderr, stdout } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr + stdout).toContain('sop validate');
  });
});

describe('sop stats', () => {
  it('reports the Banyuwangi SPM total as 250 minutes, matching its stated 4 Jam 10 Menit', async () => {
    const { code, stdout } = await run('stats', '--json', sample('bwi-spm-online'));
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.id).toBe('bwi-spm-online');
    expect(stats.flows[0].total.minutes).toEqual({ min: 250, max: 250 });
    expect(stats.flows[0].statedTotal).toBe('4 Jam 10 Menit');
    expect(stats.flows[0].statedTotalMatches).toBe(true);
  });

  it('reports the Karanganyar 2-3 jam range as a 60-minute spread and counts calendar windows apart', async () => {
    const { stdout } = await run('stats', '--json', sample('kra-pbi-jk-pbpu'));
    const flow = JSON.parse(stdout).flows[0];
    expect(flow.total.minutes.max - flow.total.minutes.min).toBe(60);
    expect(flow.total.minutes).toEqual({ min: 155, max: 215 });
    expect(flow.total.calendarWindows).toBe(3);
    expect(flow.total.empty).toBe(1);
    expect(flow.statedTotalMatches).toBeNull();
  });

  it('has the documented JSON shape', async () => {
    const stats = JSON.parse((await run('stats', '--json', minimalFixture)).stdout);
    expect(Object.keys(stats)).toEqual(['id', 'title', 'flows']);
    expect(Object.keys(stats.flows[0])).toEqual(['id', 'steps', 'lanes', 'decisions', 'total', 'statedTotal', 'statedTotalMatches']);
    expect(Object.keys(stats.flows[0].total)).toEqual(['minutes', 'workingDays', 'calendarDays', 'months', 'calendarWindows', 'empty', 'unparsed']);
  });

  it('prints the same for a person, in Indonesian by default and English on request', async () => {
    expect((await run('stats', sample('bwi-spm-online'))).stdout).toContain('4 jam 10 menit');
    const english = (await run('stats', '--lang', 'en', sample('bwi-spm-online'))).stdout;
    expect(english).toContain('4 hours 10 minutes');
    expect(english).toContain('matches');
  });

  it('exits 1 with the reason on stderr for a file that is not an SOP', async () => {
    const path = tempFile('list.json', '[1, 2, 3]');
    const { code, stderr } = await run('stats', '--json', path);
    expect(code).toBe(1);
    expect(stderr).toContain('schema.type');
  });
});

describe('the installed `sop` command', () => {
  it('validates every sample through the npm bin with exit code 0', () => {
    const files = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.sop.json')).map((f) => join('samples', f));
    expect(files.length).toBeGreaterThanOrEqual(29);
    const result = spawnSync(process.execPath, [join(root, 'bin/sop.mjs'), 'validate', ...files], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${files.length} berkas diperiksa: 0 bermasalah, 0 galat`);
  }, 60_000);
});
