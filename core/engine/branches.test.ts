import { describe, expect, it } from 'vitest';
import { loadSample, loadSamples } from '../../samples/loadSamples.node';
import type { Edge, SopDocument } from '../../schemas/generated/sop.types';
import { branchDestinations, describeBranch } from './branches';
import { findFlow, indexFlow } from './sopIndex';

const bwi = loadSample('bwi-spm-online')!;
const blt = loadSample('blt-sk-kip')!;

function edge(doc: SopDocument, id: string): Edge {
  const found = doc.flows.flatMap((f) => f.edges).find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id}`);
  return found;
}

/** The Banyuwangi SOP with its "tidak" branch at step 6 pointed somewhere else. */
function bwiWithBranch(change: (e7: Edge, doc: SopDocument) => void): SopDocument {
  const doc = structuredClone(bwi);
  change(doc.flows[0]!.edges.find((e) => e.id === 'e7')!, doc);
  return doc;
}

describe('describeBranch: the words on a decision button', () => {
  it('says that "tidak memenuhi syarat" goes back to step 4 at the village, and "memenuhi persyaratan" on to step 7', () => {
    expect(describeBranch(bwi, 'main', edge(bwi, 'e7'), 'id')).toEqual({
      label: 'tidak memenuhi syarat',
      destination: '→ kembali ke langkah 4 (DESA/KELURAHAN)',
      text: 'tidak memenuhi syarat → kembali ke langkah 4 (DESA/KELURAHAN)',
    });
    expect(describeBranch(bwi, 'main', edge(bwi, 'e6'), 'id').text).toBe('memenuhi persyaratan → langkah 7 (DINAS SOSIAL)');
    expect(describeBranch(bwi, 'main', edge(bwi, 'e9'), 'en').text).toBe('tidak memenuhi persyaratan → back to step 4 (DESA/KELURAHAN)');
    expect(describeBranch(bwi, 'main', edge(bwi, 'e8'), 'en').text).toBe('memenuhi segala persyaratan → step 8 (DESA/KELURAHAN)');
  });

  it('names every lane of a step done together (KIP: back to step 1, Pemohon and Petugas)', () => {
    const tidak = blt.flows[0]!.edges.find((e) => e.label === 'TIDAK')!;
    expect(describeBranch(blt, undefined, tidak, 'id').text).toBe('TIDAK → kembali ke langkah 1 (Pemohon, Petugas/ Staf)');
  });

  it('says "selesai" for a branch that reaches an end, naming the end row', () => {
    const doc = bwiWithBranch((e7) => (e7.to = 's10'));
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'id').text).toBe('tidak memenuhi syarat → selesai di langkah 10 (DESA/KELURAHAN)');
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'en').destination).toBe('→ ends at step 10 (DESA/KELURAHAN)');
  });

  it('says where a branch that leaves the SOP goes', () => {
    const doc = bwiWithBranch((e7) => {
      delete e7.to;
      e7.leaves = { target: 'Dinas Kesehatan Provinsi' };
    });
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'id').text).toBe('tidak memenuhi syarat → keluar ke Dinas Kesehatan Provinsi');
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'en').text).toBe('tidak memenuhi syarat → out to Dinas Kesehatan Provinsi');
  });

  it('passes through off-page connectors to the step that will really be waiting', () => {
    const doc = bwiWithBranch((e7, d) => {
      const flow = d.flows[0]!;
      flow.steps.push({ id: 'c1', number: 'A', kind: 'connector', text: '', actors: [] });
      flow.edges.push({ id: 'ec1', from: 'c1', to: 's4' });
      e7.to = 'c1';
    });
    expect(branchDestinations(doc, 'main', edge(doc, 'e7')).map((d) => d.kind)).toEqual(['back']);
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'id').destination).toBe('→ kembali ke langkah 4 (DESA/KELURAHAN)');
  });

  it('counts a branch to its own row as going back (a repeated check)', () => {
    const doc = bwiWithBranch((e7) => (e7.to = 's6'));
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'id').destination).toBe('→ kembali ke langkah 6 (KECAMATAN)');
  });

  it('names the signer of a step that is only a sign-off, and no lane when the row names none', () => {
    const doc = bwiWithBranch((e7, d) => {
      const s8 = d.flows[0]!.steps.find((s) => s.id === 's8')!;
      s8.actors = [{ actor: 'dinas-sosial', role: 'signs' }];
      const s9 = d.flows[0]!.steps.find((s) => s.id === 's9')!;
      s9.actors = [];
      e7.to = 's9';
    });
    expect(describeBranch(doc, 'main', edge(doc, 'e8'), 'id').destination).toBe('→ langkah 8 (DINAS SOSIAL)');
    expect(describeBranch(doc, 'main', edge(doc, 'e7'), 'id').destination).toBe('→ langkah 9');
  });

  it('shows the label alone for an edge to a step that does not exist, and the arrow alone for an unlabelled branch', () => {
    const broken = bwiWithBranch((e7) => (e7.to = 'nowhere'));
    expect(describeBranch(broken, 'main', edge(broken, 'e7'), 'id')).toEqual({ label: 'tidak memenuhi syarat', destination: '', text: 'tidak memenuhi syarat' });
    const unlabelled = bwiWithBranch((e7) => delete e7.label);
    expect(describeBranch(unlabelled, 'main', edge(unlabelled, 'e7'), 'id').text).toBe('→ kembali ke langkah 4 (DESA/KELURAHAN)');
  });

  it('words every branch of every sample decision with a destination', () => {
    let decisions = 0;
    for (const doc of loadSamples()) {
      for (const flow of doc.flows) {
        const index = indexFlow(findFlow(doc, flow.id)!);
        for (const step of flow.steps.filter((s) => s.kind === 'decision')) {
          decisions++;
          for (const branch of index.outgoing.get(step.id) ?? []) {
            const { destination, text } = describeBranch(doc, flow.id, branch, 'id');
            expect(destination, `${doc.id} ${branch.id}`).toMatch(/^→ (kembali ke |selesai di )?langkah \S+|^→ keluar ke /);
            expect(text.startsWith(branch.label ?? '')).toBe(true);
          }
        }
      }
    }
    expect(decisions).toBeGreaterThanOrEqual(8);
  });
});
