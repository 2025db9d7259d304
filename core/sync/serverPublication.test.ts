import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from './backoff';
import { classifyRefusal, isDue, nextServerPublicationStatus, queuedForServer } from './serverPublication';

const message = { id: 'pesan', en: 'message' };
const accepted = { sopId: 'lmj-01-ugb', revision: 2, contentHash: 'abc', title: 'UGB', publishedAt: '2026-12-02T08:00:00.000Z' };

describe('a revision on its way to the server', () => {
  it('is queued due at once, and sent only on the server’s yes', () => {
    const queued = queuedForServer('2026-12-02');
    expect(isDue(queued, 0)).toBe(true);
    const sent = nextServerPublicationStatus(queued, { kind: 'accepted', revision: accepted }, 1000);
    expect(sent).toMatchObject({ state: 'sent', accepted });
    expect(isDue(sent, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('waits longer after each failure to reach the server, up to the cap, and keeps the reason', () => {
    let status = queuedForServer('2026-12-02');
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      status = nextServerPublicationStatus(status, { kind: 'unreachable', message }, 0, () => 1);
      delays.push(status.nextAttemptAt);
    }
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...delays)).toBe(BACKOFF_CAP_MS);
    expect(status).toMatchObject({ state: 'pending', attempts: 10, lastProblem: message });
    expect(isDue(status, BACKOFF_CAP_MS - 1)).toBe(false);
    expect(isDue(status, BACKOFF_CAP_MS)).toBe(true);
    // Reaching the server afterwards clears the reason.
    expect(nextServerPublicationStatus(status, { kind: 'accepted', revision: accepted }, 0).lastProblem).toBeUndefined();
  });

  it('is refused for good by a conflict or an invalid document, with the server’s bilingual reason', () => {
    const conflict = classifyRefusal(409, 'revision.conflict', message);
    expect(conflict).toEqual({ kind: 'refused', status: 409, code: 'revision.conflict', message });
    expect(nextServerPublicationStatus(queuedForServer('x'), conflict, 0)).toMatchObject({ state: 'refused', refusal: { code: 'revision.conflict', status: 409, message } });
    expect(classifyRefusal(422, 'sop.invalid', message).kind).toBe('refused');
  });

  it('waits, without backoff, for a publisher when the session ended or the role is missing', () => {
    for (const [status, code] of [[401, 'session.invalid'], [403, 'role.forbidden'], [403, 'csrf.invalid']] as const) {
      const answer = classifyRefusal(status, code, message);
      expect(answer.kind).toBe('needsPublisher');
      expect(nextServerPublicationStatus({ ...queuedForServer('x'), attempts: 3, nextAttemptAt: 99 }, answer, 50)).toMatchObject({ state: 'pending', attempts: 3, nextAttemptAt: 0, lastProblem: message });
    }
    expect(classifyRefusal(429, 'login.rateLimited', message).kind).toBe('unreachable');
    expect(classifyRefusal(503, 'server.unavailable', message).kind).toBe('unreachable');
  });
});
