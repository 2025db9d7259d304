/**
 * Random SOP documents for property tests of the case engine: random lanes,
 * steps, decisions (with loops back, jumps forward and exits), sign-off
 * chains, requirements, step fields and off-page connectors. Every generated
 * document is a runnable published SOP: one start, an end reachable from
 * every step.
 */
import fc from 'fast-check';
import type { CaseField, Edge, SopDocument, Step, StepActor } from '../../../schemas/generated/sop.types';

const WAKTU = ['5 menit', '10 Menit', '2-3 Jam', '1 hari', '2 hari kerja', '1 Bulan', 'Setiap Tanggal 1 - 15', '', '15 menit / 1 hari'];

interface StepPlan {
  kind: 'process' | 'decision' | 'connector';
  performer: number;
  chain: { lane: number; role: 'approves' | 'signs'; alternative: boolean }[];
  chainOnly: boolean;
  requirements: boolean[];
  waktu: number;
  /** For decisions: where "Tidak" goes, as a fraction of the steps (loop back, skip ahead or exit). */
  noTarget: number;
  noKind: 'back' | 'forward' | 'leaves';
  field: 'none' | 'optional' | 'required';
}

const stepPlan = (lanes: number) =>
  fc.record({
    kind: fc.constantFrom<StepPlan['kind']>('process', 'process', 'process', 'decision', 'decision', 'connector'),
    performer: fc.nat({ max: lanes - 1 }),
    chain: fc.array(
      fc.record({ lane: fc.nat({ max: lanes - 1 }), role: fc.constantFrom<'approves' | 'signs'>('approves', 'signs'), alternative: fc.boolean() }),
      { maxLength: 3 },
    ),
    chainOnly: fc.boolean(),
    requirements: fc.array(fc.boolean(), { maxLength: 3 }),
    waktu: fc.nat({ max: WAKTU.length - 1 }),
    noTarget: fc.double({ min: 0, max: 1, noNaN: true }),
    noKind: fc.constantFrom<StepPlan['noKind']>('back', 'back', 'forward', 'leaves'),
    field: fc.constantFrom<StepPlan['field']>('none', 'none', 'optional', 'required'),
  });

export const arbitrarySop: fc.Arbitrary<SopDocument> = fc
  .integer({ min: 1, max: 5 })
  .chain((lanes) => fc.tuple(fc.constant(lanes), fc.array(stepPlan(lanes), { minLength: 1, maxLength: 10 })))
  .map(([lanes, plans]) => buildSop(lanes, plans));

export function buildSop(laneCount: number, plans: readonly StepPlan[]): SopDocument {
  const lanes = Array.from({ length: laneCount }, (_, i) => `a${i}`);
  const steps: Step[] = [];
  const edges: Edge[] = [];
  const caseFields: CaseField[] = [
    { id: 'nama', label: 'Nama', type: 'text', required: true },
    { id: 'nik', label: 'NIK', type: 'nik', required: false },
  ];
  steps.push({ id: 's0', kind: 'start', text: 'Mulai', actors: [{ actor: lanes[0]!, role: 'performs' }], waktu: { raw: '10 menit' } });
  plans.forEach((plan, i) => {
    const id = `s${i + 1}`;
    const actors: StepActor[] = [];
    const isConnector = plan.kind === 'connector';
    const chainOnly = plan.kind === 'process' && plan.chainOnly && plan.chain.length > 0;
    if (!isConnector && !chainOnly) actors.push({ actor: lanes[plan.performer]!, role: 'performs' });
    if (!isConnector) {
      plan.chain.forEach((c, k) => actors.push({ actor: lanes[c.lane]!, role: c.role, ...(c.alternative && k > 0 ? { alternative: true } : {}) }));
    }
    steps.push({
      id,
      number: String(i + 2),
      kind: plan.kind,
      text: `Langkah ${i + 2}`,
      actors,
      ...(isConnector ? {} : { requirements: plan.requirements.map((must, k) => ({ id: `${id}-r${k}`, text: `Syarat ${k}`, mustCheck: must })) }),
      waktu: { raw: isConnector ? '' : WAKTU[plan.waktu]! },
    });
    if (!isConnector && plan.field !== 'none') {
      caseFields.push({ id: `${id}-f`, label: `Isian ${id}`, type: 'text', required: plan.field === 'required', step: id });
    }
  });
  const endIndex = plans.length + 1;
  steps.push({ id: `s${endIndex}`, kind: 'end', outcome: 'selesai', text: 'Selesai', actors: [{ actor: lanes[laneCount - 1]!, role: 'performs' }], waktu: { raw: '5 menit' } });

  for (let i = 0; i < endIndex; i++) {
    const from = `s${i}`;
    const plan = i === 0 ? undefined : plans[i - 1]!;
    if (plan?.kind === 'decision') {
      edges.push({ id: `e${i}-ya`, from, to: `s${i + 1}`, label: 'Ya' });
      if (plan.noKind === 'leaves') {
        edges.push({ id: `e${i}-tidak`, from, leaves: { target: 'Instansi lain' }, label: 'Tidak' });
      } else if (plan.noKind === 'back') {
        // Loop back to any earlier step (or itself: a re-check).
        edges.push({ id: `e${i}-tidak`, from, to: `s${Math.floor(plan.noTarget * (i + 1))}`, label: 'Tidak' });
      } else {
        const target = Math.min(endIndex, i + 2 + Math.floor(plan.noTarget * (endIndex - i - 1)));
        edges.push({ id: `e${i}-tidak`, from, to: `s${target}`, label: 'Tidak' });
      }
    } else {
      edges.push({ id: `e${i}`, from, to: `s${i + 1}` });
    }
  }

  return {
    schemaVersion: 2,
    id: 'generated',
    identity: { government: 'Pemerintah Kabupaten Contoh', office: 'Dinas Sosial', title: 'SOP acak', dates: {} },
    actors: lanes.map((id) => ({ id, label: id.toUpperCase(), kind: 'role' as const })),
    flows: [{ id: 'main', lanes, steps, edges }],
    caseFields,
    revision: { number: 1, status: 'published' },
  };
}
