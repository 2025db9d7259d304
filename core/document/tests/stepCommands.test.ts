import { describe, expect, it } from 'vitest';
import { command, runCommand } from '../commands/registry';
import { numbersAreSequential } from '../commands/stepCommands';
import { mainFlow, newErrors, run, sample, samplesWithFlows } from './support';

const exits = (flow: ReturnType<typeof mainFlow>, stepId: string) =>
  flow.edges.filter((e) => e.from === stepId).map((e) => [e.to ?? e.leaves?.target, e.label]);

describe('step.add', () => {
  const processSteps = samplesWithFlows.flatMap((doc) =>
    mainFlow(doc).steps.filter((s) => s.kind === 'process').map((s) => [doc.id, s.id, doc] as const),
  );

  it.each(processSteps)('keeps %s valid when a process step is added after %s', (_id, stepId, doc) => {
    const result = run(doc, command('step.add', { flowId: mainFlow(doc).id, afterStepId: stepId, text: 'Baru' }));
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it.each(samplesWithFlows.map((d) => [d.id, d] as const))('keeps %s valid when a decision or a connector is added, or a step before the end', (_id, doc) => {
    const flow = mainFlow(doc);
    const anchor = flow.steps.find((s) => s.kind === 'process')!;
    const end = flow.steps.find((s) => s.kind === 'end')!;
    for (const cmd of [
      command('step.add', { flowId: flow.id, afterStepId: anchor.id, kind: 'decision', text: 'Lengkap?' }),
      command('step.add', { flowId: flow.id, afterStepId: anchor.id, kind: 'connector' }),
      command('step.add', { flowId: flow.id, beforeStepId: end.id }),
    ]) {
      expect(newErrors(doc, run(doc, cmd).doc)).toEqual([]);
    }
  });

  it('inserts into the chain: the anchor leads to the new step, the new step to the old successor', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const result = run(doc, command('step.add', { flowId: 'main', afterStepId: 's3', text: 'Arsip', laneActorId: 'kasi' }));
    const flow = mainFlow(result.doc);
    expect(flow.steps.map((s) => s.id).slice(2, 5)).toEqual(['s3', 's9', 's4']);
    expect(exits(flow, 's3')).toEqual([['s9', undefined]]);
    expect(exits(flow, 's9')).toEqual([['s4', undefined]]);
    expect(flow.edges.find((e) => e.from === 's3')!.id).toBe('e3'); // the existing arrow is kept, redirected
    expect(flow.steps[3]).toEqual({ id: 's9', kind: 'process', text: 'Arsip', actors: [{ actor: 'kasi', role: 'performs' }] });
    expect(result.select).toEqual([{ kind: 'step', id: 's9', flowId: 'main' }]);
  });

  it('gives a new decision "Ya" onward and "Tidak" to an end step', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const flow = mainFlow(run(doc, command('step.add', { flowId: 'main', afterStepId: 's3', kind: 'decision' })).doc);
    expect(exits(flow, 's9')).toEqual([['s4', 'Ya'], ['s8', 'Tidak']]);
  });

  it('inserted before a step, joins the arrows from above but not the loops back to it', () => {
    const doc = sample('bwi-spm-online'); // s3 → s4; decisions s6 and s7 loop back to s4 ("tidak memenuhi")
    const result = run(doc, command('step.add', { flowId: 'main', beforeStepId: 's4', text: 'Cek ulang' }));
    const flow = mainFlow(result.doc);
    expect(exits(flow, 's3')).toEqual([['s11', undefined]]);
    expect(exits(flow, 's11')).toEqual([['s4', undefined]]);
    expect(exits(flow, 's6')).toEqual([['s7', 'memenuhi persyaratan'], ['s4', 'tidak memenuhi syarat']]);
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('refuses positions that cannot hold a step, saying why', () => {
    const doc = sample('blt-sk-kip');
    expect(runCommand(doc, command('step.add', { flowId: 'main', afterStepId: 's6' }))).toMatchObject({ ok: false, code: 'step.after-end' });
    expect(runCommand(doc, command('step.add', { flowId: 'main', beforeStepId: 's1' }))).toMatchObject({ ok: false, code: 'step.before-start' });
    expect(runCommand(doc, command('step.add', { flowId: 'main' }))).toMatchObject({ ok: false, code: 'step.position-required' });
    expect(runCommand(doc, command('step.add', { flowId: 'main', afterStepId: 's3', kind: 'start' }))).toMatchObject({ ok: false, code: 'step.second-start' });
    expect(runCommand(doc, command('step.add', { flowId: 'main', afterStepId: 's3', laneActorId: 'nobody' }))).toMatchObject({ ok: false, code: 'lane.not-found' });
  });

  it('keeps the SOP numbers: a step in the middle is unnumbered until steps.renumber', () => {
    const doc = sample('lmj-07-rekom-keringanan-biaya-rs'); // numbered "1." .. "9."
    const added = run(doc, command('step.add', { flowId: 'main', afterStepId: 's3' })).doc;
    expect(mainFlow(added).steps.map((s) => s.number)).toEqual(['1.', '2.', '3.', undefined, '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(numbersAreSequential(mainFlow(added))).toBe(false);
    const renumbered = run(added, command('steps.renumber', { flowId: 'main' })).doc;
    expect(mainFlow(renumbered).steps.map((s) => s.number)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.']);
    expect(numbersAreSequential(mainFlow(renumbered))).toBe(true);
  });

  it('adds the first step of an empty flow without arrows', () => {
    const doc = run(sample('oku-01-sktm'), command('document.replace', {
      document: { ...sample('oku-01-sktm'), flows: [{ id: 'kosong', lanes: [], steps: [], edges: [] }], caseFields: [] },
    })).doc;
    const flow = mainFlow(run(doc, command('step.add', { flowId: 'kosong', kind: 'start', text: 'Mulai' })).doc);
    expect(flow.steps).toEqual([{ id: 's1', number: '1', kind: 'start', text: 'Mulai', actors: [] }]);
    expect(flow.edges).toEqual([]);
  });
});

describe('step.update', () => {
  const doc = sample('bwi-spm-online');

  it('recomputes the parsed Waktu from the raw text and keeps requirement ids it already has', () => {
    const result = run(doc, command('step.update', {
      flowId: 'main',
      stepId: 's1',
      changes: { waktuRaw: '2-3 Jam', requirements: [{ id: 's1-r2', text: 'KK asli' }, { text: 'Surat pengantar' }] },
    }));
    const step = mainFlow(result.doc).steps[0]!;
    expect(step.waktu).toEqual({ raw: '2-3 Jam', parsed: { kind: 'amount', unit: 'hour', min: 2, max: 3 } });
    expect(step.requirements).toEqual([{ id: 's1-r2', text: 'KK asli' }, { id: 's1-r4', text: 'Surat pengantar' }]);
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('removes optional fields given null, and sets several actors with roles', () => {
    const result = run(doc, command('step.update', {
      flowId: 'main',
      stepId: 's1',
      changes: { remarks: null, waktuRaw: null, actors: [{ actor: 'desa-kelurahan', role: 'performs' }, { actor: 'kecamatan', role: 'signs', alternative: true }] },
    }));
    const step = mainFlow(result.doc).steps[0]!;
    expect(step.remarks).toBeUndefined();
    expect(step.waktu).toBeUndefined();
    expect(step.actors).toEqual([{ actor: 'desa-kelurahan', role: 'performs' }, { actor: 'kecamatan', role: 'signs', alternative: true }]);
  });

  it('refuses an actor without a lane in the flow', () => {
    const outcome = runCommand(doc, command('step.update', { flowId: 'main', stepId: 's1', changes: { actors: [{ actor: 'ghost', role: 'performs' }] } }));
    expect(outcome).toMatchObject({ ok: false, code: 'lane.not-found' });
  });

  it('adjusts the arrows when the kind changes through step.update too', () => {
    const result = run(doc, command('step.update', { flowId: 'main', stepId: 's3', changes: { kind: 'end', text: 'Selesai' } }));
    expect(mainFlow(result.doc).edges.some((e) => e.from === 's3')).toBe(false);
  });
});

describe('step.changeKind', () => {
  it('process → decision: the exit becomes "Ya", and "Tidak" goes to an end step', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const result = run(doc, command('step.changeKind', { flowId: 'main', stepId: 's4', kind: 'decision' }));
    expect(exits(mainFlow(result.doc), 's4')).toEqual([['s5', 'Ya'], ['s8', 'Tidak']]);
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('decision → process: the first exit stays unlabelled, the others go, and the user is told', () => {
    const doc = sample('blt-sk-kip');
    const result = run(doc, command('step.changeKind', { flowId: 'main', stepId: 's2', kind: 'process' }));
    expect(exits(mainFlow(result.doc), 's2')).toEqual([['s3', undefined]]);
    expect(result.message).toEqual({ id: 'Panah dihapus: 2 → 1 (TIDAK).', en: 'Arrows removed: 2 → 1 (TIDAK).' });
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('to end removes the exits; back to process leads to the next row', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const ended = run(doc, command('step.changeKind', { flowId: 'main', stepId: 's4', kind: 'end' })).doc;
    expect(exits(mainFlow(ended), 's4')).toEqual([]);
    const back = run(ended, command('step.changeKind', { flowId: 'main', stepId: 's4', kind: 'process' })).doc;
    expect(exits(mainFlow(back), 's4')).toEqual([['s5', undefined]]);
    expect(newErrors(doc, back)).toEqual([]);
  });

  it('refuses a second start', () => {
    expect(runCommand(sample('kra-pbi-jk-pbpu'), command('step.changeKind', { flowId: 'main', stepId: 's4', kind: 'start' }))).toMatchObject({
      ok: false,
      code: 'step.second-start',
    });
  });
});

describe('step.moveToLane and step.moveToRow', () => {
  it('moves the dragged symbol of a multi-actor step, keeping its role', () => {
    const doc = sample('lmj-07-rekom-keringanan-biaya-rs'); // s6: kasi, kabid, sekdin approve
    const result = run(doc, command('step.moveToLane', { flowId: 'main', stepId: 's6', fromActorId: 'kabid', toActorId: 'kadin' }));
    expect(mainFlow(result.doc).steps[5]!.actors).toEqual([
      { actor: 'kasi', role: 'approves' },
      { actor: 'kadin', role: 'approves' },
      { actor: 'sekdin', role: 'approves' },
    ]);
    expect(runCommand(doc, command('step.moveToLane', { flowId: 'main', stepId: 's6', fromActorId: 'kabid', toActorId: 'kasi' }))).toMatchObject({
      ok: false,
      code: 'step.already-in-lane',
    });
  });

  it('reorders rows without touching arrows; a phase heading stays on the row it headed', () => {
    const doc = sample('kra-pbi-jk-pbpu'); // section sec1 before s1
    const result = run(doc, command('step.moveToRow', { flowId: 'main', stepId: 's1', toIndex: 2 }));
    const flow = mainFlow(result.doc);
    expect(flow.steps.map((s) => s.id).slice(0, 3)).toEqual(['s2', 's3', 's1']);
    expect(flow.edges).toBe(mainFlow(doc).edges);
    expect(flow.sections![0]!.beforeStep).toBe('s2');
  });
});
