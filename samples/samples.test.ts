/**
 * Every seed SOP has a sample that is valid against the schema and says what
 * the transcription says: steps, Waktu, lanes, decision labels, requirements,
 * header blocks, Nomor and title. Where a sample deliberately differs, the
 * reason must be written in the sample itself (a note quoting the
 * transcription's value); nothing is excused here by id.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWaktu } from '../core/waktu/parse';
import type { SopDocument, Step } from '../schemas/generated/sop.types';
import { validate } from '../schemas/generated/validate-sop-schema.js';
import { loadSample, loadSamples, sampleFiles, sampleIds } from './loadSamples.node';
import { plainTextOf } from '../core/text/richText';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const transcribedDir = resolve(process.env.SOP_SEEDS_DIR ?? join(repoRoot, '../shared/seeds'), 'transcribed');

interface Branch {
  label: string;
  to: string | null;
}
interface TStep {
  no: string | null;
  seq: number;
  kind: string;
  lanes: string[];
  externalActors: string[];
  branches: Branch[];
  requirements: string[];
  durationRaw: string;
}
interface Transcription {
  id: string;
  title: string;
  number: string;
  duplicateOf?: string;
  stub?: boolean;
  lanes: string[];
  steps: TStep[];
  headerFieldsPresent: Record<string, boolean | string>;
  [field: string]: unknown;
}

const HEADER_BLOCKS = [
  ['dasarHukum', 'legalBasis'],
  ['kualifikasiPelaksana', 'qualifications'],
  ['keterkaitan', 'related'],
  ['peralatanPerlengkapan', 'equipment'],
  ['peringatan', 'warnings'],
  ['pencatatanPendataan', 'recordKeeping'],
] as const;

/** Samples that deliberately do not exist, each with its reason. None so far. */
const DOCUMENTED_OMISSIONS: Readonly<Record<string, string>> = {};

const transcriptions: Transcription[] = existsSync(transcribedDir)
  ? readdirSync(transcribedDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(transcribedDir, f), 'utf8')) as Transcription)
  : [];

/** The sample explains a difference from the transcription when one of its notes quotes the transcribed value. */
function explains(notes: readonly (string | undefined)[], transcribed: string): boolean {
  return notes.some((n) => n !== undefined && n.includes(`"${transcribed}"`));
}

function docNotes(doc: SopDocument): string[] {
  return (doc.source?.notes ?? []).map(plainTextOf);
}

describe('the sample set', () => {
  it('finds the seed transcriptions', () => {
    expect(transcriptions.length, `no transcriptions in ${transcribedDir}`).toBeGreaterThanOrEqual(29);
  });

  it('holds at least 29 samples, and sampleIds lists exactly the files on disk', () => {
    const files = sampleFiles();
    expect(files.length).toBeGreaterThanOrEqual(29);
    expect([...sampleIds]).toEqual(files.map((f) => f.replace(/\.sop\.json$/, '')));
  });

  it('has a sample for every seed (or a documented omission), and no sample without a seed', () => {
    const seedIds = transcriptions.map((t) => t.id);
    for (const id of seedIds) {
      if (DOCUMENTED_OMISSIONS[id]) continue;
      expect(existsSync(join(repoRoot, 'samples', `${id}.sop.json`)), `samples/${id}.sop.json`).toBe(true);
    }
    for (const doc of loadSamples()) expect(seedIds).toContain(doc.id);
  });

  it('writes every file as pretty-printed JSON (2 spaces, trailing newline)', () => {
    for (const f of sampleFiles()) {
      const text = readFileSync(join(repoRoot, 'samples', f), 'utf8');
      expect(text, f).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });
});

describe.each(transcriptions.map((t) => [t.id, t] as const))('%s', (id, t) => {
  const doc = loadSample(id);
  const exists = doc !== undefined;

  it('exists and is valid against the schema', () => {
    if (DOCUMENTED_OMISSIONS[id]) return;
    expect(exists, `samples/${id}.sop.json`).toBe(true);
    const ok = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(doc!.schemaVersion).toBe(2);
    expect(doc!.id).toBe(id);
    expect(doc!.$schema).toBe('../schemas/sop.schema.json');
    expect(doc!.source?.reference).toBe(`seeds/transcribed/${id}.json`);
    if (t.duplicateOf) expect(doc!.source?.duplicateOf).toBe(t.duplicateOf);
  });

  if (!exists) return;
  const d = doc!;

  it('keeps the Nomor SOP and the title', () => {
    if ((d.identity.number ?? '') !== t.number) expect(explains(docNotes(d), t.number), `Nomor ${t.number}`).toBe(true);
    if (d.identity.title !== t.title) expect(explains(docNotes(d), t.title), `title ${t.title}`).toBe(true);
  });

  it('has the same header blocks, absent or with the same number of items', () => {
    for (const [key, field] of HEADER_BLOCKS) {
      const present = t.headerFieldsPresent[key];
      const items = t[field] as string[];
      if (present === false) expect(d.headerBlocks?.[key], key).toBeUndefined();
      else expect(d.headerBlocks?.[key]?.length, key).toBe(items.length);
    }
  });

  if (t.steps.length === 0) {
    it('is a stub marked incomplete, without flows', () => {
      expect(d.flows).toEqual([]);
      expect(d.completeness?.status).toBe('incomplete');
      expect(d.completeness?.reason.length).toBeGreaterThan(0);
    });
    return;
  }

  const flow = d.flows[0]!;
  const actorsById = new Map(d.actors.map((a) => [a.id, a]));
  /** The sample step of a transcription step (same row). */
  const stepOf = (ts: TStep): Step => flow.steps[t.steps.indexOf(ts)]!;

  it('has one flow with the same steps, in order, with the same numbers and kinds', () => {
    expect(d.flows).toHaveLength(1);
    expect(flow.steps).toHaveLength(t.steps.length);
    flow.steps.forEach((s, i) => {
      const ts = t.steps[i]!;
      expect(s.id).toBe(`s${ts.seq}`);
      if (ts.no === null) expect(s.number).toBeUndefined();
      else if (s.number !== ts.no) expect(explains([s.note], ts.no), `${s.id} number`).toBe(true);
      if (s.kind !== ts.kind) expect(s.note ?? '', `${s.id} kind`).toMatch(/kind/i);
    });
  });

  it('keeps every Waktu raw text, in order, with its parsed value up to date', () => {
    flow.steps.forEach((s, i) => {
      const raw = t.steps[i]!.durationRaw;
      expect(s.waktu, s.id).toBeDefined();
      if (s.waktu!.raw !== raw) expect(explains([s.note], raw), `${s.id} waktu ${raw}`).toBe(true);
      expect(s.waktu!.parsed, `${s.id} parsed`).toEqual(parseWaktu(s.waktu!.raw));
    });
  });

  it('has the same lanes, labelled as transcribed, in order', () => {
    expect(flow.lanes.map((lane) => actorsById.get(lane)?.label)).toEqual(t.lanes);
  });

  it('names every transcribed lane of a step among its actors, and only declared actors', () => {
    const laneIds = new Map(flow.lanes.map((lane) => [actorsById.get(lane)!.label, lane]));
    const external = new Set(flow.externalActors ?? []);
    const usedExternal = new Set<string>();
    for (const ts of t.steps) {
      const s = stepOf(ts);
      const ids = s.actors.map((a) => a.actor);
      for (const lane of ts.lanes) expect(ids, `${s.id} lane ${lane}`).toContain(laneIds.get(lane));
      for (const a of ids) {
        expect(actorsById.has(a), `${s.id} actor ${a}`).toBe(true);
        expect(flow.lanes.includes(a) || external.has(a), `${s.id} actor ${a} is a lane or external`).toBe(true);
        if (!flow.lanes.includes(a)) usedExternal.add(a);
      }
      // Every party the transcription names is either a step actor or listed as a party.
      const named = new Set([...(s.parties ?? []), ...ids.map((a) => actorsById.get(a)!.label)]);
      for (const p of ts.externalActors) {
        const covered =
          named.has(p) ||
          ids.some((a) => {
            const label = actorsById.get(a)!.label.toLowerCase();
            return p.toLowerCase().includes(label) || label.includes(p.toLowerCase());
          });
        expect(covered, `${s.id} party ${p}`).toBe(true);
      }
    }
    expect([...external].sort()).toEqual([...usedExternal].sort());
  });

  it('has the same number of requirements per step, each one for the clerk to check', () => {
    for (const ts of t.steps) {
      const s = stepOf(ts);
      expect(s.requirements?.length ?? 0, s.id).toBe(ts.requirements.length);
      s.requirements?.forEach((r, k) => {
        expect(r.id).toBe(`${s.id}-r${k + 1}`);
        expect(r.mustCheck).toBe(true);
        expect(plainTextOf(r.text).trim()).not.toBe('');
      });
    }
  });

  it('labels the exits of each decision exactly as the transcription does', () => {
    for (const ts of t.steps) {
      const s = stepOf(ts);
      const out = flow.edges.filter((e) => e.from === s.id);
      if (ts.kind !== 'decision') continue;
      expect(new Set(out.map((e) => e.label))).toEqual(new Set(ts.branches.map((b) => b.label)));
      for (const b of ts.branches) {
        const edge = out.find((e) => e.label === b.label)!;
        if (b.to === null) {
          expect(edge.note ?? '', `${s.id} ${b.label}: a branch without target says where it goes and why`).toMatch(/we route it/);
          continue;
        }
        const target = /^(?:back to )?(.+)$/.exec(b.to)![1]!;
        const expected =
          target === 'end'
            ? t.steps.find((x) => x.seq > ts.seq && x.kind === 'end')
            : t.steps.find((x) => x.no !== null && x.no.replace(/[.\s|]+$/, '') === target.replace(/[.\s|]+$/, ''));
        if (expected === undefined || edge.to !== `s${expected.seq}`) expect(edge.note ?? '').toMatch(/we route it/);
      }
    }
  });

  it('is one connected flow: one start, every step reachable, an end reachable from every step', () => {
    const starts = flow.steps.filter((s) => s.kind === 'start');
    expect(starts).toHaveLength(1);
    const stepIds = new Set(flow.steps.map((s) => s.id));
    const out = new Map<string, string[]>();
    const into = new Map<string, string[]>();
    for (const e of flow.edges) {
      expect(stepIds.has(e.from), `${e.id} from`).toBe(true);
      if (e.to === undefined) continue;
      expect(stepIds.has(e.to), `${e.id} to`).toBe(true);
      out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
      into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
    }
    expect(new Set(flow.edges.map((e) => e.id)).size).toBe(flow.edges.length);
    for (const s of flow.steps) {
      const exits = flow.edges.filter((e) => e.from === s.id);
      if (s.kind === 'end') expect(exits, `${s.id} exits`).toHaveLength(0);
      else if (s.kind === 'decision') {
        expect(exits.length, `${s.id} exits`).toBeGreaterThanOrEqual(2);
        const labels = exits.map((e) => e.label?.trim() ?? '');
        expect(labels.every((l) => l !== ''), `${s.id} labels`).toBe(true);
        expect(new Set(labels.map((l) => l.toLowerCase())).size, `${s.id} distinct labels`).toBe(labels.length);
      } else expect(exits, `${s.id} exits`).toHaveLength(1);
    }
    const walk = (from: string[], next: Map<string, string[]>): Set<string> => {
      const seen = new Set(from);
      const stack = [...from];
      while (stack.length > 0) for (const n of next.get(stack.pop()!) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
      return seen;
    };
    expect([...walk([starts[0]!.id], out)].sort()).toEqual([...stepIds].sort());
    const ends = flow.steps.filter((s) => s.kind === 'end' || flow.edges.some((e) => e.from === s.id && e.leaves)).map((s) => s.id);
    expect([...walk(ends, into)].sort()).toEqual([...stepIds].sort());
  });

  it('keeps ids unique across the document', () => {
    const ids = [
      ...d.actors.map((a) => a.id),
      ...d.flows.flatMap((f) => [f.id, ...f.steps.map((s) => s.id), ...f.edges.map((e) => e.id), ...(f.sections ?? []).map((s) => s.id)]),
      ...d.flows.flatMap((f) => f.steps.flatMap((s) => (s.requirements ?? []).map((r) => r.id))),
      ...(d.caseFields ?? []).map((c) => c.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes signed SOPs and keeps the others as drafts', () => {
    const a = d.identity.approver;
    const signed = (a !== undefined && (a.name !== '' || (a.nip ?? '') !== '')) || d.identity.dates?.pengesahan?.iso !== undefined;
    expect(d.revision.status).toBe(signed ? 'published' : 'draft');
    expect(d.revision.number).toBe(signed ? 1 : 0);
    const p = d.identity.dates?.pengesahan;
    if (signed && p?.precision === 'day') expect(d.revision.publishedAt).toBe(p.iso);
    else expect(d.revision.publishedAt).toBeUndefined();
  });
});
