/**
 * Random SOPs with parallel regions, for property tests of the engine's
 * splits and joins: a chain of plain steps and regions; each region fans out
 * into 2–4 branches that meet at one join. Branches hold steps, re-checks
 * (a decision looping back to the branch's first step), rejections (a
 * decision whose "Tidak" ends the case as ditolak), asked rows, sign-off
 * chains, and at most one level of nested region. After a join a decision may
 * loop back to the split (the region runs again) or into one branch.
 * Every document is valid against the v2 schema.
 */
import fc from 'fast-check';
import type { Edge, SopDocument, Step, StepActor } from '../../../schemas/generated/sop.types';

export interface PlainPlan {
  kind: 'step';
  lane: number;
  asked: boolean;
  signOffs: number;
}
export interface CheckPlan {
  kind: 'recheck' | 'reject';
  lane: number;
}
export type BranchItem = PlainPlan | CheckPlan | RegionPlan;
export interface RegionPlan {
  kind: 'region';
  lane: number;
  branches: BranchItem[][];
  after: 'none' | 'split' | 'branch';
}
export type SegmentPlan = PlainPlan | RegionPlan;

const plain = (lanes: number) =>
  fc.record({
    kind: fc.constant('step' as const),
    lane: fc.nat({ max: lanes - 1 }),
    asked: fc.boolean(),
    signOffs: fc.constantFrom(0, 0, 0, 2),
  });
const check = (lanes: number) => fc.record({ kind: fc.constantFrom('recheck' as const, 'recheck' as const, 'reject' as const), lane: fc.nat({ max: lanes - 1 }) });

function region(lanes: number, depth: number): fc.Arbitrary<RegionPlan> {
  const item: fc.Arbitrary<BranchItem> =
    depth === 0 ? fc.oneof({ weight: 4, arbitrary: plain(lanes) }, { weight: 2, arbitrary: check(lanes) }, { weight: 1, arbitrary: fc.constant(null).chain(() => region(lanes, 1)) }) : fc.oneof({ weight: 4, arbitrary: plain(lanes) }, { weight: 2, arbitrary: check(lanes) });
  // A branch starts with a plain step, so re-checks have something to loop back to.
  const branch = fc.tuple(plain(lanes), fc.array(item, { maxLength: 2 })).map(([first, rest]) => [first, ...rest]);
  return fc.record({
    kind: fc.constant('region' as const),
    lane: fc.nat({ max: lanes - 1 }),
    branches: fc.array(branch, { minLength: 2, maxLength: 4 }),
    after: fc.constantFrom<RegionPlan['after']>('none', 'split', 'branch'),
  });
}

export const arbitraryParallelSop: fc.Arbitrary<SopDocument> = fc
  .integer({ min: 2, max: 5 })
  .chain((lanes) =>
    fc.tuple(
      fc.constant(lanes),
      fc.array(fc.oneof({ weight: 1, arbitrary: plain(lanes) as fc.Arbitrary<SegmentPlan> }, { weight: 2, arbitrary: region(lanes, 0) as fc.Arbitrary<SegmentPlan> }), { minLength: 1, maxLength: 3 }),
    ),
  )
  .map(([lanes, segments]) => buildParallelSop(lanes, segments));

interface Built {
  entry: string;
  exit: (next: string) => void;
}

export function buildParallelSop(laneCount: number, segments: readonly SegmentPlan[]): SopDocument {
  const lanes = Array.from({ length: laneCount }, (_, i) => `l${i}`);
  const steps: Step[] = [];
  const edges: Edge[] = [];
  let counter = 0;
  const performs = (lane: number): StepActor[] => [{ actor: lanes[lane]!, role: 'performs' }];
  const edge = (from: string, to: string, label?: string) => edges.push({ id: `e${edges.length + 1}`, from, to, ...(label ? { label } : {}) });
  const add = (step: Omit<Step, 'id' | 'number'>): string => {
    const id = `s${++counter}`;
    steps.push({ id, number: String(counter), ...step } as Step);
    return id;
  };
  const rejectEnd = 'tolak';
  let rejects = false;

  function plainStep(plan: PlainPlan): Built {
    const id = add({
      kind: 'process',
      text: `Langkah ${counter + 1}`,
      actors: performs(plan.lane),
      waktu: { raw: '10 menit' },
      ...(plan.asked ? { condition: { text: 'Jika diperlukan', asked: true } } : {}),
      ...(plan.signOffs > 0 ? { signOffs: Array.from({ length: plan.signOffs }, (_, k) => ({ position: `Jabatan ${k + 1}`, action: k === plan.signOffs - 1 ? ('tandaTangan' as const) : ('paraf' as const) })) } : {}),
    });
    return { entry: id, exit: (next) => edge(id, next) };
  }

  function branch(items: readonly BranchItem[]): Built {
    const built: Built[] = [];
    let first: string | undefined;
    for (const item of items) {
      if (item.kind === 'region') built.push(regionOf(item));
      else if (item.kind === 'step') built.push(plainStep(item));
      else {
        const reject = item.kind === 'reject';
        const id = add({ kind: 'decision', text: reject ? 'Layak?' : 'Sudah benar?', actors: performs(item.lane), waktu: { raw: '5 menit' } });
        const loopTo = first;
        built.push({
          entry: id,
          exit: (next) => {
            edge(id, next, 'Ya');
            if (reject) {
              rejects = true;
              edge(id, rejectEnd, 'Tidak');
            } else {
              edge(id, loopTo ?? id, 'Tidak');
            }
          },
        });
      }
      first ??= built[0]!.entry;
    }
    for (let i = 0; i + 1 < built.length; i++) built[i]!.exit(built[i + 1]!.entry);
    return { entry: built[0]!.entry, exit: built.at(-1)!.exit };
  }

  function regionOf(plan: RegionPlan): Built {
    const split = add({ kind: 'process', text: 'Meneruskan ke beberapa lajur', actors: performs(plan.lane), split: 'parallel', waktu: { raw: '5 menit' } });
    const branches = plan.branches.map(branch);
    const join = add({ kind: 'process', text: 'Menyatukan hasil', actors: performs(plan.lane), join: 'all', waktu: { raw: '10 menit' } });
    for (const b of branches) {
      edge(split, b.entry);
      b.exit(join);
    }
    if (plan.after === 'none') return { entry: split, exit: (next) => edge(join, next) };
    const decision = add({ kind: 'decision', text: 'Lengkap?', actors: performs(plan.lane), waktu: { raw: '5 menit' } });
    edge(join, decision);
    return {
      entry: split,
      exit: (next) => {
        edge(decision, next, 'Ya');
        edge(decision, plan.after === 'split' ? split : branches.at(-1)!.entry, 'Tidak');
      },
    };
  }

  const start = add({ kind: 'start', text: 'Mulai', actors: performs(0), waktu: { raw: '5 menit' } });
  const built = segments.map((segment) => (segment.kind === 'region' ? regionOf(segment) : plainStep(segment)));
  edge(start, built[0]!.entry);
  for (let i = 0; i + 1 < built.length; i++) built[i]!.exit(built[i + 1]!.entry);
  const end = add({ kind: 'end', text: 'Selesai', actors: performs(laneCount - 1), outcome: 'selesai' });
  built.at(-1)!.exit(end);
  if (rejects) steps.push({ id: rejectEnd, number: String(++counter), kind: 'end', text: 'Surat penolakan', actors: performs(0), outcome: 'ditolak' });

  return {
    schemaVersion: 2,
    id: 'generated-parallel',
    identity: { government: 'Pemerintah Kabupaten Contoh', office: 'Dinas Sosial', title: 'SOP paralel acak', dates: {} },
    actors: lanes.map((id) => ({ id, label: id.toUpperCase(), kind: 'role' as const })),
    flows: [{ id: 'main', lanes, steps, edges }],
    caseFields: [{ id: 'nama', label: 'Nama', type: 'text', required: true }],
    revision: { number: 1, status: 'published' },
  };
}
