import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import {
  currentActors,
  earliestDue,
  foldEvents,
  pinSop,
  returnTargets,
  sopContentHash,
  timeline,
  visitAction,
  type CaseState,
  type DecideResult,
} from './index';
import { CaseDriver } from './testing/caseDriver';

const bwi = loadSample('bwi-spm-online')!;
const blt = loadSample('blt-sk-kip')!;
const lmj15 = loadSample('lmj-15-pencabutan-kis-pbid')!;
const kra = loadSample('kra-pbi-jk-pbpu')!;
const draft = loadSample('lmj-01-ugb')!;

const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
const S1_ALL = ['s1-r1', 's1-r2', 's1-r3'];
const S4_ALL = ['s4-r1', 's4-r2', 's4-r3'];
const S7_ALL = ['s7-r1', 's7-r2', 's7-r3', 's7-r4', 's7-r5', 's7-r6'];

function rejected(result: DecideResult): NonNullable<Extract<DecideResult, { ok: false }>['rejection']> {
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection;
}

function started(sop: SopDocument = bwi, fields: Record<string, string> = APPLICANT): CaseDriver {
  const d = new CaseDriver(sop);
  d.ok({ type: 'case.start', fields, by: { actorId: 'desa-kelurahan', user: 'Operator Desa' } });
  return d;
}

/** Drives the Banyuwangi case from its start to the Kecamatan decision (s6). */
function toKecamatanDecision(): CaseDriver {
  const d = started();
  d.ok({ type: 'step.complete', stepId: 's1', ticked: S1_ALL });
  d.ok({ type: 'step.complete', stepId: 's2', by: { actorId: 'desa-kelurahan' } });
  d.ok({ type: 'step.complete', stepId: 's3', by: { actorId: 'dinas-kesehatan' } });
  d.ok({ type: 'step.complete', stepId: 's4', ticked: S4_ALL, by: { actorId: 'desa-kelurahan' } });
  d.ok({ type: 'step.complete', stepId: 's5', by: { actorId: 'kecamatan' } });
  return d;
}

function expectReplayable(d: CaseDriver): void {
  expect(foldEvents(d.events)).toEqual(d.state);
}

describe('case.start', () => {
  it('pins the exact published revision and activates the start step with its due time', () => {
    const d = started();
    const s = d.current;
    expect(s.sop).toEqual({ sopId: 'bwi-spm-online', revision: 1, contentHash: sopContentHash(bwi), flowId: 'main', title: bwi.identity.title });
    expect(s.sop.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.status).toBe('open');
    expect(s.revision).toBe(1);
    expect(s.fields).toEqual(APPLICANT);
    expect(d.activeStepIds()).toEqual(['s1']);
    // 2025-06-02 08:01 WIB + 60 working minutes.
    expect(s.visits[0]!.dueAt).toBe('2025-06-02T02:01:00.000Z');
    // Longest path: 4 h 10 min of working time (250 minutes, lunch skipped).
    expect(s.caseDueAt).toBe('2025-06-02T06:11:00.000Z');
    expect(earliestDue(s)).toBe(s.visits[0]!.dueAt);
    expect(currentActors(s)).toEqual(['masyarakat-pemohon']);
    expectReplayable(d);
  });

  it('gives a different hash to a changed document', () => {
    const edited = structuredClone(bwi);
    edited.flows[0]!.steps[0]!.text += '.';
    expect(sopContentHash(edited)).not.toBe(sopContentHash(bwi));
    expect(pinSop(edited)!.revision).toBe(1);
  });

  it('refuses a draft SOP unless it is a trial run', () => {
    const d = new CaseDriver(draft);
    expect(rejected(d.run({ type: 'case.start', fields: { nama: 'A', nik: '3510011205850001' } })).code).toBe('sop.notPublished');
    expect(d.run({ type: 'case.start', allowDraft: true, fields: { nama: 'A', nik: '3510011205850001' } }).ok).toBe(true);
  });

  it('checks the applicant form: required fields and the NIK, with per-field details', () => {
    const d = new CaseDriver(bwi);
    const r = rejected(d.run({ type: 'case.start', fields: { nama: '', nik: '3510011205850000' } }));
    expect(r.code).toBe('field.invalid');
    expect(Object.keys(r.details!)).toEqual(['nama', 'nik']);
    expect(r.details!['nik']!.en).toContain('serial number');
    expect(r.message.id).toContain('2 isian belum benar');
    expect(d.state).toBeUndefined();
  });

  it('refuses birth dates 9999-12-31 and 0001-01-01, and one after the day the clerk records it', () => {
    const sop = structuredClone(bwi);
    sop.caseFields = [...(sop.caseFields ?? []), { id: 'tanggal-lahir', label: 'Tanggal lahir', type: 'date', required: true }];
    const at = '2026-12-03T02:00:00.000Z';
    for (const date of ['9999-12-31', '0001-01-01', '2026-12-05']) {
      const r = rejected(new CaseDriver(sop).run({ type: 'case.start', at, fields: { ...APPLICANT, 'tanggal-lahir': date } }));
      expect(r.code, date).toBe('field.invalid');
      expect(r.details!['tanggal-lahir']!.en).toContain('between 1900-01-01 and today (2026-12-03)');
    }
    // 08:30 in Jayapura (WIT, UTC+9) is still the day before by UTC: a baby born that morning is not "tomorrow".
    expect(new CaseDriver(sop).run({ type: 'case.start', at: '2026-12-02T23:30:00.000Z', fields: { ...APPLICANT, 'tanggal-lahir': '2026-12-03' } }).ok).toBe(true);
  });

  it('refuses fields that are collected at a step, or not in the SOP', () => {
    const d = new CaseDriver(bwi);
    const r = rejected(d.run({ type: 'case.start', fields: { ...APPLICANT, 'berkas-ktp': [], hobi: 'x' } }));
    expect(r.code).toBe('field.unknown');
    expect(r.details!['berkas-ktp']!.en).toContain('another step');
    expect(r.details!['hobi']!.en).toContain('not in the SOP');
  });

  it('stores the NIK and phone in canonical form', () => {
    const d = started(bwi, { nama: 'Budi', nik: '3510 0112 0585 0001', telepon: '+62 812-3456-7890' });
    expect(d.current.fields).toMatchObject({ nik: '3510011205850001', telepon: '081234567890' });
  });

  it('refuses to start the same case twice', () => {
    const d = started();
    expect(rejected(d.run({ type: 'case.start', fields: APPLICANT })).code).toBe('case.exists');
  });
});

describe('step.complete', () => {
  it('refuses a required requirement left unticked, naming it, in both languages', () => {
    const d = started();
    const r = rejected(d.run({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1'] }));
    expect(r.code).toBe('requirement.unticked');
    expect(r.message.id).toContain('"KK asli beserta photo kopinya"');
    expect(r.message.en).toContain('Required items not ticked');
    expect(Object.keys(r.details!)).toEqual(['s1-r2', 's1-r3']);
    expect(d.current.revision).toBe(1);
  });

  it('accepts an unticked requirement with a recorded waiver, and refuses a waiver without a reason', () => {
    const d = started();
    const noReason = rejected(d.run({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2'], waivers: [{ requirementId: 's1-r3', reason: ' ' }] }));
    expect(noReason.code).toBe('waiver.noReason');
    d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2'], waivers: [{ requirementId: 's1-r3', reason: 'Rujukan menyusul dari Puskesmas' }] });
    expect(d.current.visits[0]!.submission!.waivers).toEqual([{ requirementId: 's1-r3', reason: 'Rujukan menyusul dari Puskesmas' }]);
  });

  it('refuses requirements of another step', () => {
    const d = started();
    expect(rejected(d.run({ type: 'step.complete', stepId: 's1', ticked: [...S1_ALL, 's4-r1'] })).code).toBe('requirement.unknown');
  });

  it('records ticks, step fields, output and note, then activates the next step', () => {
    const d = started();
    const ktp = [{ id: 'att-1', name: 'ktp.jpg', type: 'image/jpeg', size: 1200 }];
    d.ok({ type: 'step.complete', stepId: 's1', ticked: S1_ALL, fields: { 'berkas-ktp': ktp }, output: 'Berkas diterima', note: 'Datang pagi' });
    const [v1, v2] = d.current.visits;
    expect(v1).toMatchObject({ status: 'done', phase: 'done', submission: { ticked: S1_ALL, output: 'Berkas diterima', note: 'Datang pagi' } });
    expect(d.current.fields['berkas-ktp']).toEqual(ktp);
    expect(v2).toMatchObject({ stepId: 's2', status: 'active', via: 'edge', edgeId: 'e1', fromVisitId: 's1#1' });
  });

  it('refuses a step that is not active, a step not in the SOP, and the wrong actor', () => {
    const d = started();
    const notActive = rejected(d.run({ type: 'step.complete', stepId: 's3' }));
    expect(notActive.code).toBe('step.notActive');
    expect(notActive.message.id).toContain('langkah aktif: 1');
    expect(rejected(d.run({ type: 'step.complete', stepId: 's99' })).code).toBe('step.unknown');
    const wrong = rejected(d.run({ type: 'step.complete', stepId: 's1', ticked: S1_ALL, by: { actorId: 'kecamatan' } }));
    expect(wrong.code).toBe('step.wrongActor');
    expect(wrong.message.en).toBe('Step 1 is done by MASYARAKAT/ PEMOHON, not KECAMATAN.');
  });

  it('refuses to complete a decision: a branch must be chosen', () => {
    const d = toKecamatanDecision();
    expect(rejected(d.run({ type: 'step.complete', stepId: 's6' })).code).toBe('step.isDecision');
  });
});

describe('branch.choose', () => {
  it('loops back on "tidak memenuhi syarat": the village step gets a second visit', () => {
    const d = toKecamatanDecision();
    d.ok({ type: 'branch.choose', stepId: 's6', edgeId: 'e7', by: { actorId: 'kecamatan' } });
    const s = d.current;
    expect(s.visits.find((v) => v.id === 's6#1')!.branch).toEqual({ edgeId: 'e7', label: 'tidak memenuhi syarat', toStepId: 's4' });
    expect(d.activeStepIds()).toEqual(['s4']);
    expect(s.visits.at(-1)).toMatchObject({ id: 's4#2', visitNo: 2, fromVisitId: 's6#1' });
    // The first visit is kept as it was, not overwritten.
    expect(s.visits.find((v) => v.id === 's4#1')!.status).toBe('done');
    expectReplayable(d);
  });

  it('refuses a branch that does not exist, listing the choices', () => {
    const d = toKecamatanDecision();
    const r = rejected(d.run({ type: 'branch.choose', stepId: 's6', edgeId: 'e99' }));
    expect(r.code).toBe('branch.unknown');
    expect(r.message.id).toContain('"memenuhi persyaratan", "tidak memenuhi syarat"');
  });

  it('refuses a branch on a process step', () => {
    const d = started();
    expect(rejected(d.run({ type: 'branch.choose', stepId: 's1', edgeId: 'e1' })).code).toBe('step.notDecision');
  });

  it('checks the decision step\'s own requirements (s7)', () => {
    const d = toKecamatanDecision();
    d.ok({ type: 'branch.choose', stepId: 's6', edgeId: 'e6' });
    expect(rejected(d.run({ type: 'branch.choose', stepId: 's7', edgeId: 'e8' })).code).toBe('requirement.unticked');
    d.ok({ type: 'branch.choose', stepId: 's7', edgeId: 'e8', ticked: S7_ALL });
    expect(d.activeStepIds()).toEqual(['s8']);
  });
});

describe('a full run of the Banyuwangi SPM', () => {
  it('goes Tidak once, then Ya, to the end; the timeline has one entry per visit, in order', () => {
    const d = toKecamatanDecision();
    d.ok({ type: 'branch.choose', stepId: 's6', edgeId: 'e7' });
    d.ok({ type: 'step.complete', stepId: 's4', ticked: S4_ALL });
    d.ok({ type: 'step.complete', stepId: 's5' });
    d.ok({ type: 'branch.choose', stepId: 's6', edgeId: 'e6' });
    d.ok({ type: 'branch.choose', stepId: 's7', edgeId: 'e8', ticked: S7_ALL });
    d.ok({ type: 'step.complete', stepId: 's8' });
    d.ok({ type: 'step.complete', stepId: 's9' });
    const last = d.ok({ type: 'step.complete', stepId: 's10', output: 'Berkas dikirim' });
    expect(last.map((e) => e.type)).toEqual(['step.completed', 'case.finished']);
    const s = d.current;
    expect(s.status).toBe('finished');
    expect(s.closedAt).toBeDefined();
    expect(timeline(s).map((v) => v.id)).toEqual([
      's1#1', 's2#1', 's3#1', 's4#1', 's5#1', 's6#1', 's4#2', 's5#2', 's6#2', 's7#1', 's8#1', 's9#1', 's10#1',
    ]);
    expect(s.visits.every((v) => v.status === 'done')).toBe(true);
    expect(earliestDue(s)).toBeUndefined();
    expectReplayable(d);

    const closed = rejected(d.run({ type: 'case.cancel', reason: 'x' }));
    expect(closed.code).toBe('case.closed');
    expect(closed.message.id).toContain('sudah selesai');
  });
});

describe('revisions and repeated commands', () => {
  it('rejects a stale revision with a clear message and changes nothing', () => {
    const d = started();
    d.ok({ type: 'step.complete', stepId: 's1', ticked: S1_ALL });
    const before = d.current;
    const r = rejected(d.run({ type: 'step.complete', stepId: 's2', expectedRevision: 1 }));
    expect(r.code).toBe('revision.stale');
    expect(r.message.id).toBe('Kasus ini sudah diubah di tempat lain (revisi 2, Anda melihat revisi 1). Muat ulang kasus lalu periksa kembali sebelum melanjutkan.');
    expect(r.message.en).toBe('This case was changed elsewhere (revision 2, you saw revision 1). Reload the case and check it before going on.');
    expect(d.current).toBe(before);
  });

  it('answers a repeated command id with no events, even after the revision moved on', () => {
    const d = started();
    const command = d.build({ type: 'step.complete', stepId: 's1', ticked: S1_ALL });
    expect(d.send(command).ok).toBe(true);
    d.ok({ type: 'step.complete', stepId: 's2' });
    const again = d.send(command);
    expect(again).toEqual({ ok: true, events: [], duplicate: true });
  });

  it('gives every event a deterministic id from its command', () => {
    const d = started();
    const events = d.ok({ type: 'step.complete', stepId: 's1', ticked: S1_ALL, id: 'cmd-x' });
    expect(events.map((e) => e.id)).toEqual(['cmd-x:0', 'cmd-x:1']);
    expect(new Set(events.map((e) => e.revision))).toEqual(new Set([2]));
  });

  it('refuses a command given with another SOP document than the pinned one', () => {
    const d = started();
    const edited = structuredClone(bwi);
    edited.flows[0]!.steps[1]!.text = 'changed';
    const other = new CaseDriver(edited);
    other.state = d.state;
    expect(rejected(other.run({ type: 'step.complete', stepId: 's1', ticked: S1_ALL, id: 'cmd-other' })).code).toBe('sop.mismatch');
  });

  it('refuses malformed commands', () => {
    const d = started();
    expect(rejected(d.run({ type: 'step.complete', stepId: 's1', at: 'yesterday' })).code).toBe('command.invalid');
    expect(rejected(d.run({ type: 'step.complete', stepId: 's1', id: '' })).code).toBe('command.invalid');
    const missing = new CaseDriver(bwi);
    expect(rejected(missing.run({ type: 'step.complete', stepId: 's1' })).code).toBe('case.missing');
  });
});

describe('case.return', () => {
  it('returns to an earlier step with a reason and missing requirements', () => {
    const d = toKecamatanDecision();
    d.ok({ type: 'case.return', stepId: 's6', to: { stepId: 's4' }, reason: 'Foto rumah belum ada', missing: ['s4-r3'] });
    const s = d.current;
    expect(s.visits.find((v) => v.id === 's6#1')!.status).toBe('returned');
    expect(d.activeStepIds()).toEqual(['s4']);
    expect(s.returns).toEqual([
      expect.objectContaining({ fromStepIds: ['s6'], to: { stepId: 's4' }, reason: 'Foto rumah belum ada', missing: ['s4-r3'] }),
    ]);
    expect(s.status).toBe('open');
    expectReplayable(d);
  });

  it('lists only completed steps as return targets and refuses others', () => {
    const d = toKecamatanDecision();
    const visit = d.current.visits.find((v) => v.status === 'active')!;
    expect(returnTargets(bwi, d.current, visit).map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(rejected(d.run({ type: 'case.return', stepId: 's6', to: { stepId: 's8' }, reason: 'x' })).code).toBe('return.notEarlier');
    expect(rejected(d.run({ type: 'case.return', stepId: 's6', to: { stepId: 's6' }, reason: 'x' })).code).toBe('return.notEarlier');
    expect(rejected(d.run({ type: 'case.return', stepId: 's6', to: { stepId: 's4' }, reason: '  ' })).code).toBe('return.noReason');
    expect(rejected(d.run({ type: 'case.return', stepId: 's6', to: { stepId: 's4' }, reason: 'x', missing: ['nope'] })).code).toBe('requirement.unknown');
  });

  it('returns to the applicant, waits, and resumes at the same step as a new visit', () => {
    const d = started();
    d.ok({ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'KK belum dibawa', missing: ['s1-r2'] });
    expect(d.current.status).toBe('returned');
    expect(d.activeStepIds()).toEqual([]);
    const blocked = rejected(d.run({ type: 'step.complete', stepId: 's1', ticked: S1_ALL }));
    expect(blocked.code).toBe('case.closed');
    expect(blocked.message.en).toContain('returned to the applicant');
    expect(rejected(d.run({ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'x' })).code).toBe('case.closed');
    d.ok({ type: 'case.resume', note: 'Pemohon membawa KK' });
    expect(d.current.status).toBe('open');
    expect(d.current.visits.map((v) => `${v.id}:${v.status}`)).toEqual(['s1#1:returned', 's1#2:active']);
    expect(d.current.visits[1]!.via).toBe('resume');
    expectReplayable(d);
  });

  it('refuses to resume a case that is not returned', () => {
    const d = started();
    expect(rejected(d.run({ type: 'case.resume' })).code).toBe('case.notReturned');
  });
});

describe('case.cancel', () => {
  it('needs a reason, cancels the active steps and closes the case', () => {
    const d = started();
    expect(rejected(d.run({ type: 'case.cancel', reason: '' })).code).toBe('cancel.noReason');
    d.ok({ type: 'case.cancel', reason: 'Pemohon membatalkan permohonan' });
    expect(d.current).toMatchObject({ status: 'cancelled', cancelReason: 'Pemohon membatalkan permohonan' });
    expect(d.current.visits[0]!.status).toBe('cancelled');
    expect(rejected(d.run({ type: 'step.complete', stepId: 's1', ticked: S1_ALL })).code).toBe('case.closed');
    expectReplayable(d);
  });

  it('can cancel a case returned to the applicant', () => {
    const d = started();
    d.ok({ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'x' });
    d.ok({ type: 'case.cancel', reason: 'Tidak kembali' });
    expect(d.current.status).toBe('cancelled');
  });
});

describe('step.signOff (sign-off chains)', () => {
  const NIK = { nama: 'Ani', nik: '3201014101990001' };

  function bltToSignOff(): CaseDriver {
    const d = started(blt, NIK);
    d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1'] });
    d.ok({ type: 'branch.choose', stepId: 's2', edgeId: blt.flows[0]!.edges.find((e) => e.label === 'YA')!.id, ticked: ['s2-r1'] });
    d.ok({ type: 'step.complete', stepId: 's3', ticked: ['s3-r1'] });
    d.ok({ type: 'step.complete', stepId: 's4', ticked: ['s4-r1'] });
    return d;
  }

  it('is signed by each in order: Pekerja Sosial, then Kabid (paraf), then Kadin (signs)', () => {
    const d = bltToSignOff();
    const visit = d.current.visits.at(-1)!;
    expect(visit).toMatchObject({ stepId: 's5', phase: 'signing', hasWork: false });
    expect(visit.chain.map((slot) => slot.actors)).toEqual([['pekerja-sosial-ahli-muda'], ['kabid'], ['kadin']]);
    expect(currentActors(d.current)).toEqual(['pekerja-sosial-ahli-muda']);
    expect(visitAction(blt, d.current, visit)!.kind).toBe('signOff');

    const early = rejected(d.run({ type: 'step.signOff', stepId: 's5', actorId: 'kadin', ticked: ['s5-r1'] }));
    expect(early.code).toBe('signOff.outOfOrder');
    expect(early.message.en).toMatch(/^Sign-off order: it is .+'s turn now/);
    // The first signature of a chain-only step carries its requirements.
    expect(rejected(d.run({ type: 'step.signOff', stepId: 's5', actorId: 'pekerja-sosial-ahli-muda' })).code).toBe('requirement.unticked');
    d.ok({ type: 'step.signOff', stepId: 's5', actorId: 'pekerja-sosial-ahli-muda', ticked: ['s5-r1'], note: 'paraf' });
    expect(currentActors(d.current)).toEqual(['kabid']);
    d.ok({ type: 'step.signOff', stepId: 's5', actorId: 'kabid' });
    d.ok({ type: 'step.signOff', stepId: 's5', actorId: 'kadin' });
    const done = d.current.visits.find((v) => v.id === 's5#1')!;
    expect(done.status).toBe('done');
    expect(done.signatures.map((s) => [s.actorId, s.role])).toEqual([
      ['pekerja-sosial-ahli-muda', 'approves'],
      ['kabid', 'approves'],
      ['kadin', 'signs'],
    ]);
    expect(d.activeStepIds()).toEqual(['s6']);
    expect(rejected(d.run({ type: 'step.signOff', stepId: 's6', actorId: 'kadin' })).code).toBe('step.noSignOff');
    expectReplayable(d);
  });

  it('lets the stated alternative sign instead (Kadin / Sekdin)', () => {
    const d = started(lmj15, NIK);
    d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1'] });
    d.ok({ type: 'branch.choose', stepId: 's2', edgeId: lmj15.flows[0]!.edges.find((e) => e.label === 'Ya')!.id, ticked: ['s2-r1'] });
    d.ok({ type: 'step.complete', stepId: 's3', ticked: ['s3-r1'] });
    d.ok({ type: 'step.complete', stepId: 's4', ticked: ['s4-r1'] });
    for (const actorId of ['kasi', 'kabid', 'sekdin']) d.ok({ type: 'step.signOff', stepId: 's5', actorId });
    expect(d.current.visits.at(-1)!.chain).toEqual([{ actors: ['kadin', 'sekdin'], role: 'signs' }]);
    d.ok({ type: 'step.signOff', stepId: 's6', actorId: 'sekdin', ticked: ['s6-r1'] });
    expect(d.activeStepIds()).toEqual(['s7']);
  });

  it('with performers: complete first, then the chain; completing again is refused', () => {
    const sop = structuredClone(bwi);
    sop.flows[0]!.steps[1]!.actors.push({ actor: 'kecamatan', role: 'approves' });
    const d = started(sop);
    d.ok({ type: 'step.complete', stepId: 's1', ticked: S1_ALL });
    expect(rejected(d.run({ type: 'step.signOff', stepId: 's2', actorId: 'kecamatan' })).code).toBe('signOff.outOfOrder');
    d.ok({ type: 'step.complete', stepId: 's2' });
    expect(rejected(d.run({ type: 'step.complete', stepId: 's2' })).code).toBe('step.awaitingSignOff');
    d.ok({ type: 'step.signOff', stepId: 's2', actorId: 'kecamatan' });
    expect(d.activeStepIds()).toEqual(['s3']);
  });
});

describe('flow shapes', () => {
  function tiny(extra: (sop: SopDocument) => void): SopDocument {
    const sop: SopDocument = {
      schemaVersion: 2,
      id: 'tiny',
      identity: { government: '', office: '', title: 'Tiny', dates: {} },
      actors: [{ id: 'a', label: 'A', kind: 'role' }, { id: 'b', label: 'B', kind: 'role' }],
      flows: [
        {
          id: 'f',
          lanes: ['a', 'b'],
          steps: [
            { id: 'start', kind: 'start', text: 'Mulai', actors: [{ actor: 'a', role: 'performs' }] },
            { id: 'p', kind: 'process', text: 'Proses', actors: [{ actor: 'b', role: 'performs' }], waktu: { raw: 'Setiap Tanggal 1 - 15' } },
            { id: 'end', kind: 'end', outcome: 'selesai', text: 'Selesai', actors: [{ actor: 'a', role: 'performs' }] },
          ],
          edges: [
            { id: 'e1', from: 'start', to: 'p' },
            { id: 'e2', from: 'p', to: 'end' },
          ],
        },
      ],
      revision: { number: 3, status: 'published' },
    };
    extra(sop);
    return sop;
  }

  it('passes through off-page connectors without a clerk', () => {
    const sop = tiny((s) => {
      const flow = s.flows[0]!;
      flow.steps.splice(1, 0, { id: 'c', kind: 'connector', text: 'A', actors: [] });
      flow.edges[0] = { id: 'e1', from: 'start', to: 'c' };
      flow.edges.push({ id: 'e0', from: 'c', to: 'p' });
    });
    const d = started(sop, {});
    d.ok({ type: 'step.complete', stepId: 'start' });
    expect(d.current.visits.map((v) => `${v.id}:${v.status}`)).toEqual(['start#1:done', 'c#1:done', 'p#1:active']);
    expect(d.current.visits[1]!.auto).toBe(true);
  });

  it('records a path that leaves the SOP and finishes the case there', () => {
    const sop = tiny((s) => {
      s.flows[0]!.edges[1] = { id: 'e2', from: 'p', leaves: { target: 'Dinas Kesehatan' } };
    });
    const d = started(sop, {});
    d.ok({ type: 'step.complete', stepId: 'start' });
    const events = d.ok({ type: 'step.complete', stepId: 'p' });
    expect(events.map((e) => e.type)).toEqual(['step.completed', 'path.left', 'case.finished']);
    expect(d.current.leftTo).toEqual(['Dinas Kesehatan']);
    expect(d.current.status).toBe('finished');
  });

  it('runs parallel branches and joins them at a shared step', () => {
    const sop = tiny((s) => {
      const flow = s.flows[0]!;
      flow.steps.splice(2, 0, { id: 'q', kind: 'process', text: 'Paralel', actors: [{ actor: 'a', role: 'performs' }] });
      flow.edges.push({ id: 'e3', from: 'start', to: 'q' }, { id: 'e4', from: 'q', to: 'end' });
    });
    const d = started(sop, {});
    d.ok({ type: 'step.complete', stepId: 'start' });
    expect(d.activeStepIds()).toEqual(['p', 'q']);
    expect(currentActors(d.current)).toEqual(['b', 'a']);
    d.ok({ type: 'step.complete', stepId: 'p' });
    d.ok({ type: 'step.complete', stepId: 'q' });
    expect(d.activeStepIds()).toEqual(['end']);
    d.ok({ type: 'step.complete', stepId: 'end' });
    expect(d.current.status).toBe('finished');
  });

  it('dates a calendar-window step by its window and says whether it is open', () => {
    const sop = tiny(() => {});
    const d = new CaseDriver(sop, 'c', '2025-06-17T02:00:00.000Z');
    d.ok({ type: 'case.start' });
    d.ok({ type: 'step.complete', stepId: 'start' });
    const visit = d.current.visits[1]!;
    expect(visit.window).toEqual({ open: false, opensAt: '2025-06-30T17:00:00.000Z', closesAt: '2025-07-15T17:00:00.000Z' });
    expect(visit.dueAt).toBe('2025-07-15T17:00:00.000Z');
  });

  it('dates the Karanganyar start step by "Setiap Tanggal 1 - 15" (open on the 10th)', () => {
    const d = new CaseDriver(kra, 'k', '2025-06-10T02:00:00.000Z');
    d.ok({ type: 'case.start', fields: { nama: 'Ani', nik: '3313014101990001' } });
    expect(d.current.visits[0]!.window!.open).toBe(true);
  });
});

describe('state from events', () => {
  it('is the fold of the events at every point of a run', () => {
    const d = toKecamatanDecision();
    for (let i = 1; i <= d.events.length; i++) {
      const partial = foldEvents(d.events.slice(0, i)) as CaseState;
      expect(partial.revision).toBe(d.events[i - 1]!.revision);
    }
    expectReplayable(d);
  });
});
