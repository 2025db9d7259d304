import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../engine';
import { allowedCommands } from '../engine/testing/allowedCommands';
import { CaseDriver } from '../engine/testing/caseDriver';
import { arbitrarySop } from '../engine/testing/generateSop';
import { foldCaseEvents, rebaseCase } from './caseSync';
import type { SopDocument } from '../../schemas/generated/sop.types';

const walk = (max: number) => fc.array(fc.nat(), { maxLength: max });

/** Issues allowed commands (picked by index) on a driver, with ids from `prefix`. */
function drive(d: CaseDriver, picks: readonly number[], prefix: string): void {
  picks.forEach((pick, i) => {
    const options = allowedCommands(d.sop, d.current);
    if (options.length === 0) return;
    const result = d.run({ ...options[pick % options.length]!, id: `${prefix}-${i}` });
    if (!result.ok) throw new Error(`allowed command refused: ${result.rejection.code}`);
  });
}

function fork(base: CaseDriver, sop: SopDocument): CaseDriver {
  const d = new CaseDriver(sop, base.caseId);
  d.events = [...base.events];
  d.state = base.state;
  d.clock = base.clock;
  return d;
}

describe('rebaseCase properties (generated SOPs, two offices)', () => {
  it('never loses a queued command: each ends applied, resent or in review, and the case is the server\'s history plus what was resent', () => {
    fc.assert(
      fc.property(arbitrarySop, walk(4), walk(4), walk(6), fc.nat(), fc.array(fc.boolean(), { maxLength: 6 }), (sop, shared, theirs, ours, lostAnswers, refusedFlags) => {
        const base = new CaseDriver(sop, 'case-p');
        base.ok({ type: 'case.start', id: 'start', fields: { nama: 'Pemohon' } });
        drive(base, shared, 'shared');

        const device = fork(base, sop);
        drive(device, ours, 'ours');
        const queued = device.commands.slice();

        // The server took some of our commands (their answers were lost), then another office went on.
        const server = fork(base, sop);
        const taken = queued.slice(0, lostAnswers % (queued.length + 1));
        for (const command of taken) expect(server.send(command).ok).toBe(true);
        drive(server, theirs, 'theirs');
        const serverEvents = server.events.slice(base.events.length);

        const refused = new Map(
          queued
            .filter((c, i) => refusedFlags[i] && !taken.includes(c))
            .map((c) => [c.id, { code: 'lane.forbidden', message: { id: 'Ditolak server.', en: 'Refused by the server.' } }] as const),
        );

        const result = rebaseCase({ sop, localEvents: device.events, serverEvents, queued, refused });

        // Every queued command ends in exactly one place.
        const ended = [...result.applied, ...result.resend.map((c) => c.id), ...result.review.map((r) => r.command.id)];
        expect([...ended].sort()).toEqual(queued.map((c) => c.id).sort());
        expect(result.applied).toEqual(expect.arrayContaining(taken.map((c) => c.id)));
        // The clerk's input is kept whole; a resent command changes only the revision it expects.
        const byId = new Map<string, CaseCommand>(queued.map((c) => [c.id, c]));
        for (const item of result.review) expect(item.command).toEqual(byId.get(item.command.id));
        for (const item of result.review.filter((r) => refused.has(r.command.id))) expect(item.source).toBe('server');
        for (const command of result.resend) {
          const { expectedRevision: _a, ...rest } = command as CaseCommand & { expectedRevision?: number };
          const { expectedRevision: _b, ...original } = byId.get(command.id) as CaseCommand & { expectedRevision?: number };
          expect(rest).toEqual(original);
        }
        // The server's events stand as sent; the state is the fold of what the device now holds.
        for (const event of serverEvents) expect(result.events).toContainEqual(event);
        expect(foldCaseEvents(result.events)).toEqual(result.state);
        const inCase = new Set(result.state?.commandIds ?? []);
        for (const id of [...result.applied, ...result.resend.map((c) => c.id)]) expect(inCase.has(id)).toBe(true);
        for (const item of result.review) expect(inCase.has(item.command.id)).toBe(false);
        // With nothing from the other office and nothing refused, nothing needs review.
        if (theirs.length === 0 && refused.size === 0) expect(result.review).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
