import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import v1Schema from '../../schemas/sop.v1.schema.json';
import { loadSample, loadSamples } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { deepFreeze } from '../document/publish';
import { validateSop } from '../validation';
import { migrateSop, type MigrationResult } from '.';

// The frozen v1 schema, compiled at test time only: the apps never validate v1, they migrate it.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateV1 = ajv.compile(v1Schema);

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function migrated(input: unknown): { doc: SopDocument; result: Extract<MigrationResult, { ok: true }> } {
  const result = migrateSop(input);
  if (!result.ok) throw new Error(`refused: ${result.diagnostic.message.en}`);
  return { doc: result.document as SopDocument, result };
}

/** A v1 document with every feature v1 had, each in the form the migration must handle. */
function everyV1Feature(): Record<string, unknown> {
  return {
    $schema: 'https://sop-studio.go.id/schemas/sop/v1/sop.schema.json',
    schemaVersion: 1,
    id: 'semua-fitur-v1',
    identity: {
      government: '',
      office: 'Dinas Sosial',
      unit: '',
      address: 'Jl. Contoh 1',
      title: 'Semua fitur versi 1',
      titleVariants: ['SEMUA FITUR'],
      number: '',
      dates: { pembuatan: { raw: 'Agustus 2017', iso: '2017-08', precision: 'month' }, revisi: { raw: '-', precision: 'none' } },
      approver: { position: 'Kepala Dinas', name: '', nip: '' },
      labels: { kualifikasiPelaksana: 'Kualitas Pelaksana' },
    },
    headerBlocks: { dasarHukum: ['1. UU 23/2014', '2. Permenpan 35/2012'], peringatan: [] },
    columns: { kegiatan: { label: 'Uraian Prosedur' } },
    actors: [
      { id: 'pemohon', label: 'Pemohon', kind: 'citizen' },
      { id: 'staf', label: 'Staf', kind: 'role' },
      { id: 'kasi', label: 'Kasi', kind: 'role' },
    ],
    flows: [
      {
        id: 'main',
        lanes: ['pemohon', 'staf', 'kasi'],
        steps: [
          { id: 's1', number: '1', kind: 'start', text: 'Pemohon datang', actors: [{ actor: 'pemohon', role: 'performs' }], waktu: { raw: '', parsed: { kind: 'empty' } } },
          { id: 's2', number: '2', kind: 'process', text: 'Periksa', actors: [{ actor: 'staf', role: 'performs' }], waktu: { raw: '15 menit / 1 hari', parsed: { kind: 'alternatives', options: [{ kind: 'amount', unit: 'minute', min: 15, max: 15 }, { kind: 'amount', unit: 'day', min: 1, max: 1 }] } }, condition: 'Jika pemohon membawa KTP' },
          { id: 's3', number: '3', kind: 'decision', text: 'Lengkap?', actors: [{ actor: 'kasi', role: 'approves' }] },
          { id: 's4', number: '4', kind: 'process', text: 'Terbitkan', actors: [{ actor: 'kasi', role: 'signs' }], condition: 'Apabila berkas lengkap' },
          { id: 's5', number: '5', kind: 'process', text: 'Arsip', actors: [{ actor: 'staf', role: 'performs' }], condition: '' },
          { id: 's6', number: '6', kind: 'end', text: 'Selesai', actors: [{ actor: 'staf', role: 'performs' }, { actor: 'pemohon', role: 'receives' }] },
          { id: 's7', kind: 'end', text: 'Ditolak (tanpa nomor)', actors: [{ actor: 'staf', role: 'performs' }], note: 'Ujung kedua' },
        ],
        edges: [
          { id: 'e1', from: 's1', to: 's2' },
          { id: 'e2', from: 's2', to: 's3' },
          { id: 'e3', from: 's3', to: 's4', label: 'Ya' },
          { id: 'e4', from: 's3', to: 's7', label: 'Tidak' },
          { id: 'e5', from: 's4', to: 's5' },
          { id: 'e6', from: 's5', to: 's6' },
          { id: 'e7', from: 's3', leaves: { target: 'Dinas Kesehatan' }, label: 'Rujuk' },
        ],
        statedTotal: { raw: '1 jam' },
      },
    ],
    caseFields: [{ id: 'nama', label: 'Nama', type: 'text', required: true }],
    notes: ['Catatan'],
    revision: { number: 1, status: 'published', publishedAt: '2024-01-16' },
    extensions: { 'agency.example.go.id/arsip': { rak: 7, daftar: [1, 2, { dalam: true }] } },
  };
}

describe('v1 → v2 on a crafted document with every v1 feature', () => {
  const input = deepFreeze(everyV1Feature());

  it('is a valid v1 document to begin with, and a valid v2 document after', () => {
    expect(validateV1(input), JSON.stringify(validateV1.errors)).toBe(true);
    const checked = validateSop(input);
    expect(checked.diagnostics.filter((d) => d.ruleId.startsWith('schema.'))).toEqual([]);
    expect(checked.document?.schemaVersion).toBe(2);
  });

  it('never modifies its input (the input is frozen)', () => {
    expect(() => migrateSop(input)).not.toThrow();
    expect(input).toEqual(everyV1Feature());
  });

  it('gives every end the outcome "selesai", right after its kind', () => {
    const { doc } = migrated(input);
    const ends = doc.flows[0]!.steps.filter((s) => s.kind === 'end');
    expect(ends.map((s) => s.outcome)).toEqual(['selesai', 'selesai']);
    expect(Object.keys(ends[0]!)).toEqual(['id', 'number', 'kind', 'outcome', 'text', 'actors']);
    expect(doc.flows[0]!.steps.filter((s) => s.kind !== 'end').every((s) => s.outcome === undefined)).toBe(true);
  });

  it('turns a condition into {text, asked}: asked unless a decision leads to the row', () => {
    const { doc } = migrated(input);
    const [, s2, , s4, s5] = doc.flows[0]!.steps;
    // s2 follows a start step: nothing decided whether it runs, so the clerk is asked.
    expect(s2!.condition).toEqual({ text: 'Jika pemohon membawa KTP', asked: true });
    // s4 is the "Ya" branch of decision s3: its condition names that branch.
    expect(s4!.condition).toEqual({ text: 'Apabila berkas lengkap', asked: false });
    // An empty condition said nothing and is dropped, with a note.
    expect(s5!.condition).toBeUndefined();
  });

  it('writes an empty unit and number as absent and keeps every other identity value as written', () => {
    const { doc } = migrated(input);
    expect('unit' in doc.identity).toBe(false);
    expect('number' in doc.identity).toBe(false);
    expect(doc.identity.government).toBe('');
    expect(doc.identity.approver).toEqual({ position: 'Kepala Dinas', name: '', nip: '' });
    expect(doc.identity.dates).toEqual(input.identity && (input.identity as { dates: unknown }).dates);
    expect(doc.identity.labels).toEqual({ kualifikasiPelaksana: 'Kualitas Pelaksana' });
  });

  it('keeps Waktu, edges (leaving ones too), text, case fields, notes and extensions exactly', () => {
    const { doc } = migrated(input);
    const before = everyV1Feature() as unknown as SopDocument;
    expect(doc.flows[0]!.edges).toEqual(before.flows[0]!.edges);
    expect(doc.flows[0]!.steps.map((s) => s.waktu)).toEqual(before.flows[0]!.steps.map((s) => s.waktu));
    expect(doc.flows[0]!.steps.map((s) => s.text)).toEqual(before.flows[0]!.steps.map((s) => s.text));
    expect(doc.flows[0]!.statedTotal).toEqual(before.flows[0]!.statedTotal);
    expect([doc.headerBlocks, doc.columns, doc.caseFields, doc.notes, doc.revision]).toEqual([before.headerBlocks, before.columns, before.caseFields, before.notes, before.revision]);
    expect(doc.extensions).toEqual(everyV1Feature().extensions);
  });

  it('points the published v1 schema address at v2, and leaves a relative one alone', () => {
    expect(migrated(input).doc.$schema).toBe('https://sop-studio.go.id/schemas/sop/v2/sop.schema.json');
    expect(migrated({ ...everyV1Feature(), $schema: '../schemas/sop.schema.json' }).doc.$schema).toBe('../schemas/sop.schema.json');
  });

  it('says what changed and what was dropped, with pointers into the v1 document', () => {
    const { result } = migrated(input);
    expect(result.notes.map((n) => `${n.kind} ${n.pointer}`)).toEqual([
      'changed /schemaVersion',
      'changed /$schema',
      'changed /identity/unit',
      'changed /identity/number',
      'changed /flows/0/steps/1/condition',
      'changed /flows/0/steps/3/condition',
      'dropped /flows/0/steps/4/condition',
      'changed /flows/0/steps/5/kind',
      'changed /flows/0/steps/6/kind',
    ]);
    for (const note of result.notes) {
      expect(note.message.id.length).toBeGreaterThan(0);
      expect(note.message.en.length).toBeGreaterThan(0);
    }
  });
});

describe('v1 → v2 on documents that are not quite right', () => {
  it('keeps an unknown property where it is: validation names it, at its place in the v1 file', () => {
    const doc = everyV1Feature();
    (doc.flows as Record<string, unknown>[])[0]!.steps = [
      ...((doc.flows as { steps: Record<string, unknown>[] }[])[0]!.steps.slice(0, 1).map((s) => ({ ...s, warna: 'merah' }))),
      ...(doc.flows as { steps: Record<string, unknown>[] }[])[0]!.steps.slice(1),
    ];
    const { doc: out } = migrated(doc);
    expect((out.flows[0]!.steps[0] as unknown as Record<string, unknown>).warna).toBe('merah');
    const checked = validateSop(doc);
    expect(checked.diagnostics.map((d) => `${d.ruleId} ${d.pointer}`)).toContain('schema.additionalProperties /flows/0/steps/0/warna');
    expect(checked.migration?.fromVersion).toBe(1);
  });

  it('points a problem with a v1 condition at the v1 condition, not at the v2 parts it became', () => {
    const doc = everyV1Feature();
    const steps = (doc.flows as { steps: Record<string, unknown>[] }[])[0]!.steps;
    steps[1] = { ...steps[1], condition: 'x'.repeat(20_001) };
    const checked = validateSop(doc);
    expect(checked.diagnostics.map((d) => `${d.ruleId} ${d.pointer}`)).toContain('schema.maxLength /flows/0/steps/1/condition');
  });

  it('points semantic problems into the v1 document too, and says it was upgraded, in both languages', () => {
    const doc = everyV1Feature();
    const flow = (doc.flows as { edges: Record<string, unknown>[] }[])[0]!;
    flow.edges = flow.edges.filter((e) => e.id !== 'e1');
    const checked = validateSop(doc);
    expect(checked.diagnostics.map((d) => `${d.ruleId} ${d.pointer}`)).toEqual(expect.arrayContaining(['step.exit-count /flows/0/steps/0', 'step.unreachable /flows/0/steps/1']));
    const note = checked.diagnostics.find((d) => d.ruleId === 'sop.migrated')!;
    expect(note).toMatchObject({ severity: 'info', pointer: '/schemaVersion' });
    expect(note.message.id).toContain('versi 1');
    expect(note.message.en).toContain('version 1');
  });

  it('leaves a condition that is not a string, and steps that are not objects, for validation to report', () => {
    const doc = { schemaVersion: 1, flows: [{ steps: [null, { id: 's1', kind: 'end', condition: 42 }, 'x'], edges: 'none' }], identity: 'nope' };
    const { doc: out } = migrated(doc);
    expect(out.flows[0]!.steps).toEqual([null, { id: 's1', kind: 'end', outcome: 'selesai', condition: 42 }, 'x']);
    expect(out.identity).toBe('nope');
  });
});

describe('v1 fixtures and the samples', () => {
  const fixtures = ['minimal', 'bwi-spm-online', 'lmj-06-tetirah', 'oku-09-pendaftaran-dtks', 'lmj-09-pkh-mekanisme', 'kra-pbi-jk-pbpu', 'lmj-10-santunan-kematian'];

  it.each(fixtures)('%s: valid against the frozen v1 schema, migrates into a valid v2 document', (name) => {
    const v1 = fixture(`${name}.v1.sop.json`);
    expect(validateV1(v1), JSON.stringify(validateV1.errors)).toBe(true);
    const checked = validateSop(v1);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.document?.schemaVersion).toBe(2);
    expect(checked.migration?.steps.map((s) => s.id)).toEqual(['v1-to-v2']);
  });

  it.each(fixtures.filter((name) => name !== 'minimal'))('%s: migrates into exactly the committed sample (what `sop migrate` wrote)', (name) => {
    expect(migrated(fixture(`${name}.v1.sop.json`)).doc).toEqual(loadSample(name));
  });

  it('all 30 samples are v2 and valid, and each is what its v1 form migrates into', () => {
    const samples = loadSamples();
    expect(samples).toHaveLength(30);
    for (const sample of samples) {
      expect(sample.schemaVersion, sample.id).toBe(2);
      expect(validateSop(sample).diagnostics.filter((d) => d.ruleId.startsWith('schema.')), sample.id).toEqual([]);
      // The samples use nothing v1 lacked yet, so each has a v1 form: the one it was migrated from.
      const v1 = toV1(sample);
      expect(validateV1(v1), `${sample.id}: ${JSON.stringify(validateV1.errors)}`).toBe(true);
      expect(migrated(v1).doc, sample.id).toEqual(sample);
    }
  });
});

/** The v1 form of a v2 document that uses nothing v1 lacked (the inverse of the migration). */
function toV1(doc: SopDocument): unknown {
  const v1 = structuredClone(doc) as unknown as Record<string, any>;
  v1.schemaVersion = 1;
  v1.identity.unit ??= '';
  v1.identity.number ??= '';
  for (const flow of v1.flows) {
    for (const step of flow.steps) {
      delete step.outcome;
      if (step.condition) step.condition = step.condition.text;
    }
  }
  return v1;
}
