import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import { foldEvents, type CaseCommand, type CaseEvent } from '../engine';
import { CaseDriver } from '../engine/testing/caseDriver';
import { foldCaseEvents, mergeServerEvents, rebaseCase } from './caseSync';

const bwi = loadSample('bwi-spm-online')!;
const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
const S1_ALL = ['s1-r1', 's1-r2', 's1-r3'];
const OFFICE_A = { id: 'user-a', name: 'Rina (Desa Kemiren)' };
const OFFICE_B = { id: 'user-b', name: 'Budi (Kecamatan Glagah)' };

/** A case both offices hold at revision 2 (s1 done, s2 waiting for the village). */
function sharedCase() {
  const server = new CaseDriver(bwi, 'case-1');
  server.ok({ type: 'case.start', id: 'start', fields: APPLICANT });
  server.ok({ type: 'step.complete', id: 'c-s1', stepId: 's1', ticked: S1_ALL });
  const device = new CaseDriver(bwi, 'case-1');
  device.events = [...server.events];
  device.state = foldEvents(device.events);
  device.clock = server.clock;
  return { server, device };
}

const ids = (commands: readonly CaseCommand[]) => commands.map((c) => c.id);

describe('rebaseCase: two offices act on the same step', () => {
  it('keeps the server\'s step and puts the device\'s competing input in review, with the engine\'s reason', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2', note: 'Dikerjakan kantor B', by: { actorId: 'desa-kelurahan', person: OFFICE_B } });
    device.ok({ type: 'step.complete', id: 'a-s2', stepId: 's2', note: 'Dikerjakan kantor A', by: { actorId: 'desa-kelurahan', person: OFFICE_A } });

    const result = rebaseCase({ sop: bwi, localEvents: device.events, serverEvents: server.events.slice(-2), queued: [device.commands.at(-1)!] });

    expect(result.resend).toEqual([]);
    expect(result.applied).toEqual([]);
    expect(result.review).toHaveLength(1);
    expect(result.review[0]!.command.id).toBe('a-s2');
    expect((result.review[0]!.command as { note?: string }).note).toBe('Dikerjakan kantor A');
    expect(result.review[0]!.rejection.code).toBe('step.notActive');
    expect(result.review[0]!.source).toBe('rebase');
    expect(result.state).toEqual(server.current);
    expect(result.events.map((e) => e.id)).toEqual(server.events.map((e) => e.id));
  });

  it('sends again a command that still applies on the server\'s state, expecting the new revision', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    device.ok({ type: 'case.cancel', id: 'a-cancel', reason: 'Pemohon mengundurkan diri' });

    const result = rebaseCase({ sop: bwi, localEvents: device.events, serverEvents: server.events.slice(-2), queued: [device.commands.at(-1)!] });

    expect(ids(result.resend)).toEqual(['a-cancel']);
    expect((result.resend[0] as { expectedRevision: number }).expectedRevision).toBe(3);
    expect(result.state!.status).toBe('cancelled');
    expect(result.state!.revision).toBe(4);
    expect(foldCaseEvents(result.events)).toEqual(result.state);
  });

  it('re-decides every queued command in order: one that depended on a refused one goes to review as well', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    device.ok({ type: 'step.complete', id: 'a-s2', stepId: 's2' });
    device.ok({ type: 'step.complete', id: 'a-s3', stepId: 's3' });
    device.ok({ type: 'case.cancel', id: 'a-cancel', reason: 'Data ganda' });

    const result = rebaseCase({ sop: bwi, localEvents: device.events, serverEvents: server.events.slice(-2), queued: device.commands.slice(-3) });

    expect(result.review.map((r) => r.command.id)).toEqual(['a-s2']);
    // s3 is active on the server's state too, so the device's s3 work still stands.
    expect(ids(result.resend)).toEqual(['a-s3', 'a-cancel']);
    expect(result.resend.map((c) => (c as { expectedRevision: number }).expectedRevision)).toEqual([3, 4]);
    expect(result.state!.status).toBe('cancelled');
  });
});

describe('rebaseCase: answers lost and server rejections', () => {
  it('recognises a command the server already applied (its answer was lost) without sending it again', () => {
    const { server, device } = sharedCase();
    const command = device.build({ type: 'step.complete', id: 'a-s2', stepId: 's2' });
    device.send(command);
    // The server took the push, but the answer never came back; then someone did s3 there.
    server.send({ ...command });
    server.ok({ type: 'step.complete', id: 'b-s3', stepId: 's3' });

    const result = rebaseCase({ sop: bwi, localEvents: device.events, serverEvents: server.events.slice(-4), queued: [command] });

    expect(result.applied).toEqual(['a-s2']);
    expect(result.resend).toEqual([]);
    expect(result.review).toEqual([]);
    expect(result.state).toEqual(server.current);
  });

  it('puts a refused command in review with the server\'s reason and remakes the case without it', () => {
    const { device } = sharedCase();
    device.ok({ type: 'step.complete', id: 'a-s2', stepId: 's2' });
    device.ok({ type: 'step.complete', id: 'a-s3', stepId: 's3' });
    const refusal = { code: 'lane.forbidden', message: { id: 'Anda tidak berperan sebagai Desa/Kelurahan.', en: 'You do not act as Desa/Kelurahan.' } };

    const result = rebaseCase({ sop: bwi, localEvents: device.events, serverEvents: [], queued: device.commands.slice(-2), refused: new Map([['a-s2', refusal]]) });

    expect(result.review).toEqual([
      { command: device.commands.at(-2), rejection: refusal, source: 'server' },
      expect.objectContaining({ command: device.commands.at(-1), source: 'rebase' }),
    ]);
    expect(result.state!.revision).toBe(2);
    expect(result.events.every((e) => e.commandId !== 'a-s2' && e.commandId !== 'a-s3')).toBe(true);
  });

  it('keeps a refused start in review and leaves no case behind', () => {
    const device = new CaseDriver(bwi, 'case-9');
    device.ok({ type: 'case.start', id: 'start-9', fields: APPLICANT });
    const refusal = { code: 'lane.forbidden', message: { id: 'Kantor Anda tidak memulai SOP ini.', en: 'Your office does not start this SOP.' } };
    const result = rebaseCase({ sop: bwi, localEvents: device.events, serverEvents: [], queued: device.commands, refused: new Map([['start-9', refusal]]) });
    expect(result.state).toBeUndefined();
    expect(result.events).toEqual([]);
    expect(result.review.map((r) => r.command.id)).toEqual(['start-9']);
  });

  it('keeps queued commands in review rather than guessing when the SOP revision is missing', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    device.ok({ type: 'case.cancel', id: 'a-cancel', reason: 'x' });
    const result = rebaseCase({ localEvents: device.events, serverEvents: server.events.slice(-2), queued: device.commands.slice(-1) });
    expect(result.review.map((r) => [r.command.id, r.rejection.code])).toEqual([['a-cancel', 'sop.missing']]);
  });
});

describe('pulled events', () => {
  it('replace local events of the same id (the server\'s stamp wins) and extend the case', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    const restamped: CaseEvent[] = server.events.map((e) => ({ ...e, by: { ...e.by, person: OFFICE_B } }));
    const result = rebaseCase({ localEvents: device.events, serverEvents: restamped, queued: [] });
    expect(result.events).toEqual(restamped);
    expect(result.state!.revision).toBe(3);
    expect(result.state!.startedBy?.person).toEqual(OFFICE_B);
  });

  it('lets the server\'s history win where a local event claims a revision the server gave another command', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    device.ok({ type: 'step.complete', id: 'a-s2', stepId: 's2' });
    const merged = mergeServerEvents(device.events, server.events.slice(-2));
    expect(merged.map((e) => e.commandId)).toEqual(server.events.map((e) => e.commandId));
  });

  it('count once when the same event comes twice', () => {
    const { server, device } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    const result = rebaseCase({ localEvents: device.events, serverEvents: [...server.events, ...server.events], queued: [] });
    expect(result.events).toEqual(server.events);
    expect(result.state).toEqual(server.current);
  });

  it('are folded in case order whatever order they arrive in', () => {
    const { server } = sharedCase();
    server.ok({ type: 'step.complete', id: 'b-s2', stepId: 's2' });
    expect(foldCaseEvents([...server.events].reverse())).toEqual(server.current);
  });
});
