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

  it('reads a file of schema v1 migrated, says so as information, and points into the file as written', async () => {
    const v1 = JSON.parse(readFileSync(join(root, 'core/migrations/fixtures/minimal.v1.sop.json'), 'utf8'));
    const good = tempFile('lama.sop.json', JSON.stringify(v1));
    const { code, stdout } = await run('validate', good);
    expect(code).toBe(0);
    expect(stdout).toContain(`${good}#/schemaVersion  info  sop.migrated  Dokumen ini ditulis dengan skema versi 1 dan dibaca sebagai versi 2`);
    v1.flows[0].steps[1].condition = 42;
    const bad = tempFile('lama-rusak.sop.json', JSON.stringify(v1));
    const broken = await run('validate', '--lang', 'en', bad);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`${bad}#/flows/0/steps/1/condition  error  schema.type`);
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

describe('sop migrate', () => {
  const v1Fixture = (name: string) => join(root, 'core/migrations/fixtures', `${name}.v1.sop.json`);
  const copyOf = (name: string) => tempFile(`${name}.sop.json`, readFileSync(v1Fixture(name), 'utf8'));

  it('upgrades a v1 file in place, says per file what changed, and the result is the committed v2 sample', async () => {
    const path = copyOf('bwi-spm-online');
    const { code, stdout } = await run('migrate', path);
    expect(code).toBe(0);
    expect(stdout).toContain(`${path}: versi 1 → 2, 3 perubahan`);
    expect(stdout).toContain(`${path}#/flows/0/steps/7/condition  diubah  Syarat langkah 8 menjelaskan cabang keputusan`);
    expect(stdout).toContain(`${path}#/flows/0/steps/9/kind  diubah  Langkah akhir 10 diberi hasil "selesai"`);
    expect(stdout).toContain('1 berkas: 1 diperbarui, 0 sudah terbaru, 0 ditolak.');
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(sample('bwi-spm-online'), 'utf8'));
    expect((await run('validate', path)).stdout).toContain('tidak ada masalah');
    // Run again: nothing left to do, and the file is left alone.
    const again = await run('migrate', '--lang', 'en', path);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${path}: already version 2, nothing to change`);
  });

  it('writes into --out and leaves the originals as they were; a current file is copied byte for byte', async () => {
    const v1 = copyOf('lmj-06-tetirah');
    const before = readFileSync(v1, 'utf8');
    const current = tempFile('kini.sop.json', readFileSync(sample('oku-01-sktm'), 'utf8').replace(/\n$/, '\n\n'));
    const out = join(mkdtempSync(join(tmpdir(), 'sop-cli-out-')), 'baru');
    const { code, stdout } = await run('migrate', '--out', out, v1, current);
    expect(code).toBe(0);
    expect(readFileSync(v1, 'utf8')).toBe(before);
    expect(readFileSync(join(out, 'lmj-06-tetirah.sop.json'), 'utf8')).toBe(readFileSync(sample('lmj-06-tetirah'), 'utf8'));
    expect(readFileSync(join(out, 'kini.sop.json'), 'utf8')).toBe(readFileSync(current, 'utf8'));
    expect(stdout).toContain(`→ ${join(out, 'lmj-06-tetirah.sop.json')}`);
    expect(readdirSync(out).sort()).toEqual(['kini.sop.json', 'lmj-06-tetirah.sop.json']);
  });

  it('refuses invalid input with where and why, leaves it untouched, and exits 1', async () => {
    const broken = tempFile('rusak.sop.json', '{\n  "schemaVersion": 1,\n  oops\n}');
    const doc = JSON.parse(readFileSync(v1Fixture('minimal'), 'utf8'));
    doc.flows[0].steps[1].warna = 'merah';
    const unknown = tempFile('warna.sop.json', JSON.stringify(doc, null, 2));
    const newer = tempFile('baru.sop.json', JSON.stringify({ ...doc, schemaVersion: 9 }));
    const good = copyOf('minimal');
    const texts = [broken, unknown, newer].map((f) => readFileSync(f, 'utf8'));
    const { code, stdout } = await run('migrate', '--lang', 'en', broken, unknown, newer, good);
    expect(code).toBe(1);
    expect(stdout).toContain(`${broken}: refused, not changed`);
    expect(stdout).toContain(`${broken}#/  json.syntax  The text is not valid JSON (line 3`);
    expect(stdout).toContain(`${unknown}#/flows/0/steps/1/warna  schema.additionalProperties`);
    expect(stdout).toContain(`${newer}#/schemaVersion  sop.newer-version`);
    expect(stdout).toContain('Update SOP Studio');
    expect(stdout).toContain('4 file(s): 1 upgraded, 0 already current, 3 refused.');
    expect([broken, unknown, newer].map((f) => readFileSync(f, 'utf8'))).toEqual(texts);
    expect(JSON.parse(readFileSync(good, 'utf8')).schemaVersion).toBe(2);
  });

  it('reports in JSON with --json', async () => {
    const path = copyOf('minimal');
    const { code, stdout } = await run('migrate', '--json', path, '/no/such/file.sop.json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files[0]).toMatchObject({ file: path, status: 'migrated', written: path, fromVersion: 1, toVersion: 2 });
    expect(report.files[0].changes.map((c: { pointer: string }) => c.pointer)).toEqual(['/schemaVersion', '/flows/0/steps/3/kind']);
    expect(report.files[0].changes[0].message).toHaveProperty('en');
    expect(report.files[1]).toMatchObject({ status: 'refused', diagnostics: [{ ruleId: 'file.unreadable' }] });
  });

  it.each([[['migrate']], [['migrate', '--publish', 'x.json']], [['migrate', '--lang', 'fr', 'x.json']]])('exits 2 on usage error %j', async (argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain('sop migrate');
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
