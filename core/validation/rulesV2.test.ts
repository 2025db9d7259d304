import { describe, expect, it } from 'vitest';
import type { Edge, SopDocument, Step } from '../../schemas/generated/sop.types';
import { publishRevision } from '../document/publish';
import minimal from './fixtures/minimal.sop.json';
import { semanticRules } from './ruleCatalogue';
import { validateSop } from './validateSop';

const lanes = ['pemohon', 'desa', 'kecamatan', 'dinkes', 'dinsos'];
const step = (id: string, kind: Step['kind'], lane: string, extra: Partial<Step> = {}): Step => ({
  id,
  number: id.slice(1),
  kind,
  ...(kind === 'end' ? { outcome: 'selesai' as const } : {}),
  text: `Langkah ${id}`,
  actors: [{ actor: lane, role: 'performs' }],
  ...extra,
});

/** A fan-out from the applicant's step into four lanes, joined before the end (issue 11's acceptance shape). */
function fanOut(): SopDocument {
  return {
    schemaVersion: 2,
    id: 'paralel',
    identity: { title: 'Paralel', government: 'Pemerintah', office: 'Dinas', number: '1/2025', approver: { position: 'Kadis', name: 'Nama' } },
    actors: lanes.map((id) => ({ id, label: id.toUpperCase(), kind: 'organisation' as const })),
    flows: [
      {
        id: 'main',
        lanes,
        steps: [
          step('s1', 'start', 'pemohon', { split: 'parallel' }),
          step('s2', 'process', 'desa'),
          step('s3', 'process', 'kecamatan'),
          step('s4', 'process', 'dinkes'),
          step('s5', 'process', 'dinsos'),
          step('s6', 'process', 'dinsos', { join: 'all' }),
          step('s7', 'end', 'pemohon'),
        ],
        edges: [
          { id: 'e1', from: 's1', to: 's2' },
          { id: 'e2', from: 's1', to: 's3' },
          { id: 'e3', from: 's1', to: 's4' },
          { id: 'e4', from: 's1', to: 's5' },
          { id: 'e5', from: 's2', to: 's6' },
          { id: 'e6', from: 's3', to: 's6' },
          { id: 'e7', from: 's4', to: 's6' },
          { id: 'e8', from: 's5', to: 's6' },
          { id: 'e9', from: 's6', to: 's7' },
        ],
      },
    ],
    revision: { number: 0, status: 'draft' },
  };
}

/** The minimal fixture: s3 is a decision with Ya (e3 → s4) and Tidak (e4 → s2). */
const decisionDoc = (): SopDocument => structuredClone(minimal) as SopDocument;

const problemsOf = (doc: SopDocument, purpose?: 'publish') =>
  validateSop(doc, purpose ? { purpose } : {}).diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.pointer}`);

describe('parallel split and join', () => {
  it('accepts a fan-out to four lanes joined before the end', () => {
    expect(problemsOf(fanOut())).toEqual([]);
  });

  it('accepts a loop back into the parallel region', () => {
    const doc = fanOut();
    const flow = doc.flows[0]!;
    flow.steps[5] = step('s6', 'decision', 'dinsos', { join: 'all' });
    flow.edges[8] = { id: 'e9', from: 's6', to: 's7', label: 'Lengkap' };
    flow.edges.push({ id: 'e10', from: 's6', to: 's3', label: 'Kurang' });
    expect(problemsOf(doc)).toEqual([]);
  });

  it('refuses a split whose arrows go into one lane, and one with a single arrow', () => {
    const sameLane = fanOut();
    const f = sameLane.flows[0]!;
    f.steps = f.steps.map((s) => (['s2', 's3', 's4', 's5'].includes(s.id) ? { ...s, actors: [{ actor: 'desa', role: 'performs' }] } : s));
    expect(problemsOf(sameLane)).toEqual(['error split.fan-out /flows/0/steps/0']);
    expect(validateSop(sameLane).diagnostics[0]!.message.en).toContain('1 lane(s)');

    const single = fanOut();
    const g = single.flows[0]!;
    g.steps = g.steps.filter((s) => !['s3', 's4', 's5'].includes(s.id));
    g.edges = g.edges.filter((e) => !['e2', 'e3', 'e4', 'e6', 'e7', 'e8'].includes(e.id));
    // A split takes its exits as they come (no "one exit" rule), and the join then has one path only.
    expect(problemsOf(single)).toEqual(['error split.fan-out /flows/0/steps/0', 'error join.without-split /flows/0/steps/2']);
  });

  it('counts an arrow leaving the SOP as a place of its own', () => {
    const doc = fanOut();
    const f = doc.flows[0]!;
    f.steps = f.steps.filter((s) => !['s3', 's4', 's5'].includes(s.id));
    f.steps[2] = step('s6', 'process', 'dinsos');
    f.edges = [
      { id: 'e1', from: 's1', to: 's2' },
      { id: 'e2', from: 's1', leaves: { target: 'BPJS Kesehatan' } },
      { id: 'e5', from: 's2', to: 's6' },
      { id: 'e9', from: 's6', to: 's7' },
    ];
    expect(problemsOf(doc)).toEqual([]);
  });

  it('refuses a join that no split feeds: it would wait forever', () => {
    const doc = decisionDoc();
    doc.flows[0]!.steps[1] = { ...doc.flows[0]!.steps[1]!, join: 'all' };
    expect(problemsOf(doc)).toEqual(['error join.without-split /flows/0/steps/1']);
  });
});

describe('branches the source does not show legibly', () => {
  function uncertain(change: (edges: Edge[]) => void): SopDocument {
    const doc = decisionDoc();
    change(doc.flows[0]!.edges);
    return doc;
  }

  it('an illegible target: a warning in a draft, an error on publish; never a dead end or a missing step', () => {
    const doc = uncertain((edges) => {
      edges[3] = { id: 'e4', from: 's3', targetUnknown: true, label: 'Tidak' };
    });
    expect(problemsOf(doc)).toEqual(['warning edge.target-unknown /flows/0/edges/3/targetUnknown']);
    expect(problemsOf(doc, 'publish')).toEqual(['error edge.target-unknown /flows/0/edges/3/targetUnknown']);
  });

  it('an illegible label: a warning in a draft, an error on publish; not reported as a missing label', () => {
    const doc = uncertain((edges) => {
      edges[3] = { id: 'e4', from: 's3', to: 's2', labelUnknown: true };
    });
    expect(problemsOf(doc)).toEqual(['warning edge.label-unknown /flows/0/edges/3/labelUnknown']);
    expect(problemsOf(doc, 'publish')).toEqual(['error edge.label-unknown /flows/0/edges/3/labelUnknown']);
  });

  it('an inferred label and target: warnings in a draft, errors on publish, and publishing is refused', () => {
    const doc = uncertain((edges) => {
      edges[2] = { ...edges[2]!, inferred: ['label', 'target'] };
    });
    expect(problemsOf(doc)).toEqual(['warning edge.inferred /flows/0/edges/2/inferred/0', 'warning edge.inferred /flows/0/edges/2/inferred/1']);
    expect(problemsOf(doc, 'publish')).toEqual(['error edge.inferred /flows/0/edges/2/inferred/0', 'error edge.inferred /flows/0/edges/2/inferred/1']);
    const outcome = publishRevision(doc, { note: 'Terbit', date: '2025-01-02' });
    expect(outcome.ok).toBe(false);
  });

  it('refuses a part listed twice as inferred (the schema cannot say uniqueItems)', () => {
    const doc = uncertain((edges) => {
      edges[2] = { ...edges[2]!, inferred: ['label', 'label'] };
    });
    expect(problemsOf(doc)).toEqual(['warning edge.inferred /flows/0/edges/2/inferred/0', 'error edge.inferred-duplicate /flows/0/edges/2/inferred/1']);
  });

  it('does not call two illegible targets from one decision duplicates', () => {
    const doc = uncertain((edges) => {
      edges[2] = { id: 'e3', from: 's3', targetUnknown: true, label: 'Ya' };
      edges[3] = { id: 'e4', from: 's3', targetUnknown: true, label: 'Tidak' };
    });
    expect(problemsOf(doc).filter((p) => p.includes('edge.duplicate'))).toEqual([]);
  });
});

describe('identity and sign-offs', () => {
  it('refuses a field listed twice as illegible, and excuses an illegible field from the publish check', () => {
    const doc = decisionDoc();
    doc.identity.illegible = ['number', 'approver', 'number'];
    delete doc.identity.number;
    delete doc.identity.approver;
    expect(problemsOf(doc)).toEqual(['error identity.illegible-duplicate /identity/illegible/2']);
    expect(problemsOf(doc, 'publish')).toEqual(['error identity.illegible-duplicate /identity/illegible/2']);
  });

  it('on publish: a date row the SOP lacks is its choice; a row that is there must be filled; the number is needed', () => {
    const doc = decisionDoc();
    delete doc.identity.dates!.pengesahan;
    doc.identity.dates!.efektif = { raw: ' ' };
    delete doc.identity.number;
    expect(problemsOf(doc, 'publish')).toEqual(['warning identity.missing-field /identity/number']);
    doc.identity.dates!.pembuatan = { raw: '-' };
    expect(problemsOf(doc, 'publish')).toContain('warning identity.missing-field /identity/dates/pembuatan/raw');
  });

  it("refuses a sign-off whose actor is not one of the step's actors", () => {
    const doc = decisionDoc();
    doc.flows[0]!.steps[1] = { ...doc.flows[0]!.steps[1]!, signOffs: [{ position: 'Kasi', action: 'paraf', actor: 'staf' }, { position: 'Kadis', action: 'tandaTangan', actor: 'kasi' }] };
    expect(problemsOf(doc)).toEqual(['error signoff.unknown-actor /flows/0/steps/1/signOffs/1/actor']);
  });
});

describe('the rule catalogue', () => {
  it('lists every new rule with a summary, and gives each diagnostic both languages', () => {
    const docs = [fanOut(), decisionDoc()];
    docs[1]!.flows[0]!.edges[2] = { ...docs[1]!.flows[0]!.edges[2]!, inferred: ['label', 'label'], labelUnknown: true };
    docs[1]!.flows[0]!.steps[1] = { ...docs[1]!.flows[0]!.steps[1]!, join: 'all' };
    for (const id of ['split.fan-out', 'join.without-split', 'edge.target-unknown', 'edge.label-unknown', 'edge.inferred', 'edge.inferred-duplicate', 'identity.illegible-duplicate', 'signoff.unknown-actor', 'sop.migrated']) {
      expect(semanticRules, id).toHaveProperty([id, 'summary']);
    }
    for (const doc of docs) {
      for (const d of validateSop(doc, { purpose: 'publish' }).diagnostics) {
        expect(Object.keys(semanticRules), d.ruleId).toContain(d.ruleId);
        expect(d.message.id).not.toEqual(d.message.en);
      }
    }
  });
});
