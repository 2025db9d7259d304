import { describe, expect, it } from 'vitest';
import { foldEvents, indexFlow, parallelRegions, pendingJoins } from './index';
import { CaseDriver } from './testing/caseDriver';
import { fanOutSop, nestedSop } from './testing/v2Sops';

const APPLICANT = { nama: 'Siti Aminah' };
const BRANCHES = ['kec', 'kes', 'duk', 'pus'] as const;

function started(sop = fanOutSop()): CaseDriver {
  const d = new CaseDriver(sop);
  d.ok({ type: 'case.start', fields: APPLICANT, by: { actorId: 'loket' } });
  d.ok({ type: 'step.complete', stepId: 'terima', by: { actorId: 'loket' } });
  return d;
}

/** Finishes one branch of the fan-out: Dinas Kesehatan's branch is a check and its "Ya". */
function finishBranch(d: CaseDriver, branch: (typeof BRANCHES)[number]): void {
  d.ok({ type: 'step.complete', stepId: branch });
  if (branch === 'kes') d.ok({ type: 'branch.choose', stepId: 'kes-cek', edgeId: 'e-kes-ya' });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function visit(d: CaseDriver, id: string) {
  const found = d.current.visits.find((v) => v.id === id);
  if (!found) throw new Error(`no visit ${id}`);
  return found;
}

describe('parallel regions (static)', () => {
  it('finds each split\'s join and the steps between them', () => {
    const regions = parallelRegions(indexFlow(fanOutSop().flows[0]!));
    const region = regions.get('terima')!;
    expect(region.joinId).toBe('rekap');
    expect([...region.steps].sort()).toEqual(['duk', 'kec', 'kes', 'kes-cek', 'pus']);
    expect([...region.reachesJoins.get('kes')!]).toEqual(['rekap']);
  });

  it('gives nested splits their nearest join', () => {
    const regions = parallelRegions(indexFlow(nestedSop().flows[0]!));
    expect(regions.get('terima')!.joinId).toBe('kadis');
    expect(regions.get('bagi')!.joinId).toBe('dinas');
    expect([...regions.get('terima')!.steps].sort()).toEqual(['bagi', 'dinas', 'kabid', 'kasi', 'kec']);
    expect([...regions.get('bagi')!.steps].sort()).toEqual(['kabid', 'kasi']);
  });
});

describe('fan-out to four lanes with a join', () => {
  it('activates all four lanes at once, each inside the region the split opened', () => {
    const d = started();
    expect(d.activeStepIds()).toEqual(['kec', 'kes', 'duk', 'pus']);
    for (const id of BRANCHES) expect(visit(d, `${id}#1`).scope).toEqual(['terima#1']);
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it.each(permutations(BRANCHES).map((order) => [order.join(' → '), order] as const))('waits at the join until all four are done (%s)', (_name, order) => {
    const d = started();
    order.forEach((branch, i) => {
      finishBranch(d, branch);
      if (i < order.length - 1) {
        expect(d.activeStepIds(), `after ${branch}`).not.toContain('rekap');
        const [pending] = pendingJoins(d.sop, d.current);
        expect(pending!.step.id).toBe('rekap');
        expect(pending!.arrived).toHaveLength(i + 1);
        expect(pending!.awaitedVisits.map((v) => v.stepId).sort()).toEqual(order.slice(i + 1).map((b) => b).sort());
      }
    });
    expect(d.activeStepIds()).toEqual(['rekap']);
    const rekap = visit(d, 'rekap#1');
    expect(rekap.via).toBe('join');
    expect(rekap.joined).toHaveLength(4);
    // Past its join the path is outside the region again.
    expect(rekap.scope).toBeUndefined();
    expect(d.current.joins).toBeUndefined();
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('counts a branch that loops back inside itself once: the re-check does not make the join fire early', () => {
    const d = started();
    finishBranch(d, 'kec');
    finishBranch(d, 'duk');
    d.ok({ type: 'step.complete', stepId: 'kes' });
    d.ok({ type: 'branch.choose', stepId: 'kes-cek', edgeId: 'e-kes-tidak' });
    expect(d.activeStepIds()).toEqual(['pus', 'kes']);
    expect(visit(d, 'kes#2').scope).toEqual(['terima#1']);
    finishBranch(d, 'pus');
    expect(d.activeStepIds()).toEqual(['kes']);
    finishBranch(d, 'kes');
    expect(d.activeStepIds()).toEqual(['rekap']);
    expect(visit(d, 'rekap#1').joined).toEqual(['kec#1', 'duk#1', 'pus#1', 'kes-cek#2']);
  });

  it('runs a second round after a loop back to the split, and waits for all four again', () => {
    const d = started();
    for (const branch of BRANCHES) finishBranch(d, branch);
    d.ok({ type: 'step.complete', stepId: 'rekap' });
    d.ok({ type: 'branch.choose', stepId: 'lengkap', edgeId: 'e-tidak' });
    expect(d.activeStepIds()).toEqual(['terima']);
    d.ok({ type: 'step.complete', stepId: 'terima' });
    expect(d.activeStepIds()).toEqual(['kec', 'kes', 'duk', 'pus']);
    for (const id of BRANCHES) expect(visit(d, `${id}#2`).scope).toEqual(['terima#2']);
    for (const branch of ['pus', 'kec', 'kes'] as const) {
      finishBranch(d, branch);
      expect(d.activeStepIds()).not.toContain('rekap');
    }
    expect(d.current.joins).toEqual([expect.objectContaining({ stepId: 'rekap', forkId: 'terima#2' })]);
    finishBranch(d, 'duk');
    expect(d.activeStepIds()).toEqual(['rekap']);
    expect(visit(d, 'rekap#2').joined).toEqual(['pus#2', 'kec#2', 'kes-cek#2', 'duk#2']);
    d.ok({ type: 'step.complete', stepId: 'rekap' });
    d.ok({ type: 'branch.choose', stepId: 'lengkap', edgeId: 'e-ya' });
    d.ok({ type: 'step.complete', stepId: 'selesai' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'selesai' });
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('drops the arrivals of a region left midway: after a return to the split, the join waits for all four of the new round', () => {
    // The token-count bug of Camunda 7 and Flowable: arrivals counted per join, not per activation of the region,
    // let stale arrivals from before a loop fire the join early. Here kec and pus had arrived when duk's clerk sent
    // the case back to the front office.
    const d = started();
    finishBranch(d, 'kec');
    finishBranch(d, 'pus');
    expect(d.current.joins?.[0]?.arrivals).toHaveLength(2);
    d.ok({ type: 'case.return', stepId: 'duk', to: { stepId: 'terima' }, reason: 'NIK tidak cocok dengan KK', by: { actorId: 'dukcapil' } });
    expect(d.activeStepIds()).toEqual(['terima']);
    expect(d.current.joins).toBeUndefined();
    // The branches still open were withdrawn with the region, recorded as such.
    expect(visit(d, 'kes#1').status).toBe('withdrawn');
    expect(visit(d, 'duk#1').status).toBe('returned');
    const withdrawn = d.events.find((e) => e.type === 'branches.withdrawn')!;
    expect(withdrawn).toMatchObject({ visitIds: ['kes#1'], forkIds: ['terima#1'], reason: { kind: 'regionLeft', visitId: 'duk#1', stepId: 'terima' } });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    for (const branch of ['kec', 'pus', 'kes'] as const) finishBranch(d, branch);
    expect(d.activeStepIds()).toEqual(['duk']);
    finishBranch(d, 'duk');
    expect(d.activeStepIds()).toEqual(['rekap']);
    expect(visit(d, 'rekap#1').joined).toEqual(['kec#2', 'pus#2', 'kes-cek#1', 'duk#2']);
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('keeps a return inside one branch in the region: the join still waits for it', () => {
    const d = started();
    d.ok({ type: 'step.complete', stepId: 'kes' });
    d.ok({ type: 'case.return', stepId: 'kes-cek', to: { stepId: 'kes' }, reason: 'Hasil lab belum dilampirkan', by: { actorId: 'dinkes' } });
    expect(visit(d, 'kes#2')).toMatchObject({ status: 'active', via: 'return', scope: ['terima#1'] });
    for (const branch of ['kec', 'duk', 'pus'] as const) finishBranch(d, branch);
    expect(d.activeStepIds()).toEqual(['kes']);
    finishBranch(d, 'kes');
    expect(d.activeStepIds()).toEqual(['rekap']);
  });

  it('sends the case back into one branch after the join: only that branch is redone, and the join lets it through', () => {
    const d = started(fanOutSop('branch'));
    for (const branch of BRANCHES) finishBranch(d, branch);
    d.ok({ type: 'step.complete', stepId: 'rekap' });
    d.ok({ type: 'branch.choose', stepId: 'lengkap', edgeId: 'e-tidak' });
    expect(d.activeStepIds()).toEqual(['duk']);
    expect(visit(d, 'duk#2').scope).toBeUndefined();
    d.ok({ type: 'step.complete', stepId: 'duk' });
    expect(d.activeStepIds()).toEqual(['rekap']);
    expect(visit(d, 'rekap#2')).toMatchObject({ via: 'edge', fromVisitId: 'duk#2' });
  });

  it('keeps waiting through a return to the applicant, and goes on waiting after the applicant comes back', () => {
    const d = started();
    finishBranch(d, 'kec');
    finishBranch(d, 'kes');
    d.ok({ type: 'case.return', stepId: 'duk', to: { applicant: true }, reason: 'KK asli belum dibawa', by: { actorId: 'dukcapil' } });
    expect(d.current.status).toBe('returned');
    expect(d.current.joins?.[0]?.arrivals).toHaveLength(2);
    d.ok({ type: 'case.resume', note: 'KK dibawa' });
    expect(d.activeStepIds()).toEqual(['duk', 'pus']);
    expect(visit(d, 'duk#2').scope).toEqual(['terima#1']);
    finishBranch(d, 'duk');
    expect(d.activeStepIds()).toEqual(['pus']);
    finishBranch(d, 'pus');
    expect(d.activeStepIds()).toEqual(['rekap']);
  });

  it('records cancelling a case with paths waiting at a join', () => {
    const d = started();
    finishBranch(d, 'kec');
    d.ok({ type: 'case.cancel', reason: 'Pemohon meninggal dunia' });
    expect(d.current.status).toBe('cancelled');
    expect(d.current.joins).toBeUndefined();
    expect(d.activeStepIds()).toEqual([]);
  });
});

describe('nested regions', () => {
  it('joins the inner region first, then waits at the outer join for the other branch', () => {
    const d = new CaseDriver(nestedSop());
    d.ok({ type: 'case.start' });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'step.complete', stepId: 'bagi' });
    expect(d.activeStepIds()).toEqual(['kec', 'kasi', 'kabid']);
    expect(visit(d, 'kasi#1').scope).toEqual(['terima#1', 'bagi#1']);
    d.ok({ type: 'step.complete', stepId: 'kasi' });
    d.ok({ type: 'step.complete', stepId: 'kabid' });
    expect(d.activeStepIds()).toEqual(['kec', 'dinas']);
    // The inner join is left: the path is back in the outer region only.
    expect(visit(d, 'dinas#1').scope).toEqual(['terima#1']);
    d.ok({ type: 'step.complete', stepId: 'dinas' });
    expect(d.activeStepIds()).toEqual(['kec']);
    d.ok({ type: 'step.complete', stepId: 'kec' });
    expect(d.activeStepIds()).toEqual(['kadis']);
    expect(visit(d, 'kadis#1').joined).toEqual(['dinas#1', 'kec#1']);
    d.ok({ type: 'step.complete', stepId: 'kadis' });
    d.ok({ type: 'step.complete', stepId: 'selesai' });
    expect(d.current.status).toBe('finished');
  });

  it('waits at a join shared by nested regions for every path of both', () => {
    const sop = nestedSop();
    const flow = sop.flows[0]!;
    // Kasi and Kabid go straight to the Kepala Dinas: one join for both regions.
    flow.steps = flow.steps.filter((s) => s.id !== 'dinas');
    flow.edges = flow.edges.filter((e) => e.from !== 'dinas').map((e) => (e.to === 'dinas' ? { ...e, to: 'kadis' } : e));
    const d = new CaseDriver(sop);
    d.ok({ type: 'case.start' });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'step.complete', stepId: 'kec' });
    d.ok({ type: 'step.complete', stepId: 'bagi' });
    d.ok({ type: 'step.complete', stepId: 'kasi' });
    expect(d.activeStepIds()).toEqual(['kabid']);
    d.ok({ type: 'step.complete', stepId: 'kabid' });
    expect(d.activeStepIds()).toEqual(['kadis']);
    expect(visit(d, 'kadis#1').scope).toBeUndefined();
    expect(visit(d, 'kadis#1').joined).toEqual(['kec#1', 'kasi#1', 'kabid#1']);
  });
});
