import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SopDocument } from '../../schemas/generated/sop.types';
import minimal from './fixtures/minimal.sop.json';
import { validateSop } from './validateSop';
import { parseSopJson } from './parseSopJson';

function fixture(): SopDocument {
  return structuredClone(minimal) as SopDocument;
}

function problemsOf(doc: unknown, options = {}) {
  return validateSop(doc, options).diagnostics.map((d) => `${d.ruleId} ${d.pointer}`);
}

describe('validateSop on a well-formed SOP', () => {
  it('accepts the minimal fixture with no diagnostics at all', () => {
    const result = validateSop(fixture());
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

// One crafted document per rule: each must produce exactly that rule at exactly that place.
const invalidCases: { name: string; mutate: (doc: SopDocument) => void; expected: string[] }[] = [
  {
    name: 'a decision with one exit',
    mutate: (d) => { d.flows[0]!.edges = d.flows[0]!.edges.filter((e) => e.id !== 'e4'); },
    expected: ['decision.exit-count /flows/0/steps/2'],
  },
  {
    name: 'an edge to a missing step',
    mutate: (d) => { d.flows[0]!.edges[3]!.to = 's9'; },
    expected: ['edge.missing-step /flows/0/edges/3/to'],
  },
  {
    name: 'a step in an unknown lane',
    mutate: (d) => { d.actors.push({ id: 'kabid', label: 'Kabid', kind: 'role' }); d.flows[0]!.steps[1]!.actors[0]!.actor = 'kabid'; },
    expected: ['step.actor-unknown /flows/0/steps/1/actors/0/actor'],
  },
  {
    name: 'two starts',
    mutate: (d) => { d.flows[0]!.steps[1]!.kind = 'start'; },
    expected: ['flow.start-count /flows/0/steps/1/kind'],
  },
  {
    name: 'no start',
    mutate: (d) => { d.flows[0]!.steps[0]!.kind = 'process'; },
    expected: ['flow.start-count /flows/0/steps'],
  },
  {
    name: 'an unreachable step',
    mutate: (d) => {
      d.flows[0]!.steps.push({ id: 's5', number: '5', kind: 'process', text: 'Arsip', actors: [{ actor: 'staf', role: 'performs' }] });
      d.flows[0]!.edges.push({ id: 'e5', from: 's5', to: 's4' });
    },
    expected: ['step.unreachable /flows/0/steps/4'],
  },
  {
    name: 'a stated total that is wrong',
    mutate: (d) => { d.flows[0]!.statedTotal = { raw: '35 menit' }; },
    expected: ['total.mismatch /flows/0/statedTotal/raw'],
  },
  {
    name: 'a step from which no end can be reached',
    mutate: (d) => { d.flows[0]!.edges[2]!.to = 's1'; delete d.flows[0]!.statedTotal; },
    expected: ['step.unreachable /flows/0/steps/3', 'step.no-path-to-end /flows/0/steps/0', 'step.no-path-to-end /flows/0/steps/1', 'step.no-path-to-end /flows/0/steps/2'],
  },
  {
    name: 'a decision branch without a label',
    mutate: (d) => { delete d.flows[0]!.edges[3]!.label; },
    expected: ['decision.label-missing /flows/0/edges/3/label'],
  },
  {
    name: 'a decision with the same label twice',
    mutate: (d) => { d.flows[0]!.edges[3]!.label = 'ya'; },
    expected: ['decision.label-duplicate /flows/0/edges/3/label'],
  },
  {
    name: 'a process step with two exits',
    mutate: (d) => { d.flows[0]!.edges.push({ id: 'e9', from: 's2', to: 's4' }); delete d.flows[0]!.statedTotal; },
    expected: ['step.exit-count /flows/0/steps/1'],
  },
  {
    name: 'unparseable Waktu',
    mutate: (d) => { d.flows[0]!.steps[0]!.waktu = { raw: 'L hari' }; d.flows[0]!.statedTotal = { raw: '1 jam 25 menit' }; },
    expected: ['waktu.unparsed /flows/0/steps/0/waktu/raw'],
  },
  {
    name: 'a stored parsed Waktu that disagrees with its text',
    mutate: (d) => { d.flows[0]!.steps[0]!.waktu = { raw: '5 menit', parsed: { kind: 'amount', unit: 'minute', min: 50, max: 50 } }; },
    expected: ['waktu.parsed-stale /flows/0/steps/0/waktu/parsed'],
  },
  {
    name: 'duplicate step numbers',
    mutate: (d) => { d.flows[0]!.steps[2]!.number = '2.'; },
    expected: ['step.duplicate-number /flows/0/steps/2/number'],
  },
  {
    name: 'a duplicate step id',
    mutate: (d) => { d.flows[0]!.steps[3]!.id = 's1'; d.flows[0]!.edges[2]!.to = 's1'; },
    expected: expect.arrayContaining(['id.duplicate /flows/0/steps/3/id']) as unknown as string[],
  },
  {
    name: 'a lane for an undeclared actor',
    mutate: (d) => { d.flows[0]!.lanes.push('kadis'); },
    expected: ['lane.unknown-actor /flows/0/lanes/3'],
  },
  {
    name: 'a section before a missing step',
    mutate: (d) => { d.flows[0]!.sections = [{ id: 'p1', title: 'Tahap 1', beforeStep: 's42' }]; },
    expected: ['section.unknown-step /flows/0/sections/0/beforeStep'],
  },
  {
    name: 'a case field collected at a missing step',
    mutate: (d) => { d.caseFields = [{ id: 'nik', label: 'NIK', type: 'nik', required: true, step: 'x1' }]; },
    expected: ['field.unknown-step /caseFields/0/step'],
  },
  {
    name: 'an end step with an exit',
    mutate: (d) => { d.flows[0]!.edges.push({ id: 'e9', from: 's4', leaves: { target: 'Dinas Kesehatan' } }); },
    expected: ['end.has-exits /flows/0/steps/3'],
  },
  {
    name: 'no flows in a document not marked incomplete',
    mutate: (d) => { d.flows = []; },
    expected: ['sop.no-flows /flows'],
  },
];

describe('validateSop on crafted invalid documents', () => {
  it.each(invalidCases)('$name', ({ mutate, expected }) => {
    const doc = fixture();
    mutate(doc);
    expect(problemsOf(doc)).toEqual(expected);
  });

  it('reports missing identity fields only when publishing', () => {
    const doc = fixture();
    doc.identity.number = '-';
    doc.identity.dates!.pengesahan = { raw: "" };
    expect(problemsOf(doc)).toEqual([]);
    expect(problemsOf(doc, { purpose: 'publish' })).toEqual([
      'identity.missing-field /identity/number',
      'identity.missing-field /identity/dates/pengesahan/raw',
    ]);
  });

  it('refuses to publish a document marked incomplete, and only then', () => {
    const doc = fixture();
    doc.completeness = { status: 'incomplete', reason: 'Page 2 is missing.' };
    expect(problemsOf(doc)).toEqual(['sop.incomplete /completeness'].filter(() => doc.flows.length === 0));
    expect(problemsOf(doc, { purpose: 'publish' })).toContain('publish.incomplete /completeness');
    expect(validateSop(doc, { purpose: 'publish' }).diagnostics.find((d) => d.ruleId === 'publish.incomplete')?.severity).toBe('error');
  });

  it('gives every diagnostic both an Indonesian and an English message', () => {
    for (const { mutate } of invalidCases) {
      const doc = fixture();
      mutate(doc);
      for (const d of validateSop(doc).diagnostics) {
        expect(d.message.id.length).toBeGreaterThan(10);
        expect(d.message.en.length).toBeGreaterThan(10);
        expect(d.message.id).not.toEqual(d.message.en);
      }
    }
  });

  it('names both values when the stated total is wrong', () => {
    const doc = fixture();
    doc.flows[0]!.statedTotal = { raw: '35 menit' };
    const [mismatch] = validateSop(doc).diagnostics;
    expect(mismatch?.message.id).toContain('"35 menit"');
    expect(mismatch?.message.id).toContain('1 jam 30 menit');
    expect(mismatch?.message.en).toContain('1 hour 30 minutes');
  });
});

describe('schema diagnostics', () => {
  it('points at a missing required property', () => {
    const doc = fixture() as unknown as { flows: { steps: Record<string, unknown>[] }[] };
    delete doc.flows[0]!.steps[3]!.outcome;
    expect(problemsOf(doc)).toEqual(['schema.required /flows/0/steps/3/outcome']);
  });

  it('takes every identity field as optional: absent is "the SOP has no such row"', () => {
    const doc = fixture();
    doc.identity = {};
    expect(problemsOf(doc)).toEqual([]);
  });

  it('refuses an outcome on a step that is not an end, a split on a decision and a join on a start', () => {
    const doc = fixture() as unknown as { flows: { steps: Record<string, unknown>[] }[] };
    doc.flows[0]!.steps[1]!.outcome = 'ditolak';
    doc.flows[0]!.steps[2]!.split = 'parallel';
    doc.flows[0]!.steps[0]!.join = 'all';
    expect(problemsOf(doc).sort()).toEqual(['schema.enum /flows/0/steps/0/kind', 'schema.enum /flows/0/steps/2/kind', 'schema.not /flows/0/steps/1/outcome']);
  });

  it('reports a rich text problem inside the rich text, not as "expected a string"', () => {
    const doc = fixture() as unknown as { flows: { steps: Record<string, unknown>[] }[] };
    doc.flows[0]!.steps[1]!.text = { blocks: [{ marker: '1.', spans: [{ text: 'Surat', href: 'javascript:alert(1)' }] }] };
    doc.flows[0]!.steps[2]!.output = 42;
    expect(problemsOf(doc)).toEqual(['schema.pattern /flows/0/steps/1/text/blocks/0/spans/0/href', 'schema.type /flows/0/steps/2/output']);
    expect(validateSop(doc).diagnostics[1]!.message.en).toBe('Wrong type: expected a string or an object.');
  });

  it('points at an unknown property and a wrong enum value', () => {
    const doc = fixture() as unknown as { flows: { steps: Record<string, unknown>[] }[] };
    doc.flows[0]!.steps[1]!.colour = 'red';
    doc.flows[0]!.steps[2]!.kind = 'diamond';
    expect(problemsOf(doc)).toEqual(['schema.additionalProperties /flows/0/steps/1/colour', 'schema.enum /flows/0/steps/2/kind']);
  });

  it('rejects an edge with both a target step and an exit from the SOP', () => {
    const doc = fixture() as unknown as { flows: { edges: Record<string, unknown>[] }[] };
    doc.flows[0]!.edges[0]!.leaves = { target: 'Dinas Kesehatan' };
    expect(problemsOf(doc)).toEqual(['schema.oneOf /flows/0/edges/0']);
    expect(validateSop(doc).diagnostics[0]!.message.en).toContain('exactly one target');
  });

  it('says plainly when a document comes from a newer schema version', () => {
    const doc = { ...fixture(), schemaVersion: 3 };
    const [diagnostic] = validateSop(doc).diagnostics;
    expect(diagnostic?.ruleId).toBe('sop.newer-version');
    expect(diagnostic?.pointer).toBe('/schemaVersion');
    expect(diagnostic?.message.en).toContain('version 3');
  });

  it.each([null, 42, 'sop', [], true, undefined, {}])('answers %j with diagnostics, not an exception', (value) => {
    const result = validateSop(value);
    expect(result.valid).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it('refuses a 10 MB step text with a length diagnostic', () => {
    const doc = fixture();
    doc.flows[0]!.steps[0]!.text = 'a'.repeat(10 * 1024 * 1024);
    expect(problemsOf(doc)).toEqual(['schema.maxLength /flows/0/steps/0/text']);
  });

  it('survives deep nesting and $ref-like strings', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const doc = fixture() as unknown as Record<string, unknown>;
    doc.identity = deep;
    (doc as { extensions?: unknown }).extensions = { loop: { $ref: '#' }, alsoLoop: { $ref: '#/extensions' } };
    // Refused by the depth limit, located, before the schema validator recurses into it.
    expect(problemsOf(doc)).toEqual([`schema.maxDepth /identity${'/0'.repeat(63)}`]);
  });

  it('survives a cyclic object', () => {
    const doc = fixture() as unknown as Record<string, unknown>;
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    doc.extensions = cycle;
    (doc.flows as Record<string, unknown>[])[0]!.note = cycle;
    // A cycle is infinitely deep: the depth walk stops at the limit, at the first cycle in document order.
    expect(problemsOf(doc)).toEqual([`schema.maxDepth /flows/0/note${'/self'.repeat(61)}`]);
  });
});

// A crash inside a rule is caught and reported as internal.validation-failed;
// the properties below require that it never happens, not just that nothing throws.
function answeredProperly(value: unknown): boolean {
  const { diagnostics, valid } = validateSop(value);
  return typeof valid === 'boolean' && diagnostics.every((d) => d.ruleId !== 'internal.validation-failed');
}

describe('property: validateSop never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), answeredProperly), { numRuns: 500 });
  });

  it('on arbitrary mutations of a valid SOP', () => {
    const paths = ['identity', 'flows', 'actors', 'revision', 'caseFields'] as const;
    fc.assert(fc.property(fc.constantFrom(...paths), fc.jsonValue(), (key, value) => {
      const doc = fixture() as unknown as Record<string, unknown>;
      doc[key] = value;
      return answeredProperly(doc);
    }), { numRuns: 300 });
  });

  it('on arbitrary edits deep inside a flow', () => {
    fc.assert(fc.property(fc.nat(3), fc.constantFrom('kind', 'actors', 'waktu', 'id', 'requirements'), fc.jsonValue(), (s, key, value) => {
      const doc = fixture() as unknown as { flows: { steps: Record<string, unknown>[] }[] };
      doc.flows[0]!.steps[s]![key] = value;
      return answeredProperly(doc);
    }), { numRuns: 300 });
  });
});

describe('property: semantic rules never crash on schema-valid graphs', () => {
  it('on random edges between random (possibly missing) steps', () => {
    const stepIds = ['s1', 's2', 's3', 's4', 'ghost'];
    const edge = fc.record({ from: fc.constantFrom(...stepIds), to: fc.constantFrom(...stepIds), label: fc.option(fc.constantFrom('Ya', 'Tidak', 'ya', ''), { nil: undefined }) });
    const kind = fc.constantFrom('start', 'process', 'decision', 'end', 'connector') as fc.Arbitrary<'start'>;
    fc.assert(fc.property(fc.array(edge, { maxLength: 12 }), fc.array(kind, { minLength: 4, maxLength: 4 }), (edges, kinds) => {
      const doc = fixture();
      const flow = doc.flows[0]!;
      flow.edges = edges.map((e, i) => ({ id: `x${i}`, from: e.from, to: e.to, ...(e.label === undefined ? {} : { label: e.label }) }));
      flow.steps.forEach((step, i) => { step.kind = kinds[i]!; });
      return answeredProperly(doc);
    }), { numRuns: 500 });
  });
});

describe('parseSopJson', () => {
  it('gives the line and column of a syntax error', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "x",,\n}';
    const result = parseSopJson(text);
    expect(result.valid).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('json.syntax');
    expect(result.diagnostics[0]?.data).toMatchObject({ line: 3 });
    expect(result.diagnostics[0]?.message.id).toContain('baris 3');
    expect(result.diagnostics[0]?.message.en).toContain('line 3');
  });

  it('reports truncated text at its end', () => {
    const result = parseSopJson('{"schemaVersion": 1');
    expect(result.diagnostics[0]?.ruleId).toBe('json.syntax');
  });

  it('refuses text over the size limit without parsing it', () => {
    const result = parseSopJson(' '.repeat(21 * 1024 * 1024));
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['json.too-large']);
  });

  it('accepts a byte order mark and validates the document', () => {
    const result = parseSopJson('\ufeff' + JSON.stringify(fixture()));
    expect(result.valid).toBe(true);
    expect(result.document?.id).toBe('contoh-minimal');
  });
});
