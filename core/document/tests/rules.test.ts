import { describe, expect, it } from 'vitest';
import { canAddStep, canChangeKind, canConnect, canMoveToLane, canMoveToRow, canReconnect, canRemoveFlow, canRemoveLane, canSetEdgeLabel } from '../rules';
import { sample } from './support';

const doc = sample('blt-sk-kip'); // s2 decision: YA → s3, TIDAK → s1; s6 end

describe('rules answer before a command runs', () => {
  it('canConnect refuses what validation would reject, with a reason in both languages', () => {
    expect(canConnect(doc, 'main', 's2', 's4')).toEqual({ ok: true });
    expect(canConnect(doc, 'main', 's2', { leaves: 'Dinas Kesehatan' })).toEqual({ ok: true });
    expect(canConnect(doc, 'main', 's6', 's1')).toMatchObject({ ok: false, code: 'edge.from-end' });
    expect(canConnect(doc, 'main', 's3', 's3')).toMatchObject({ ok: false, code: 'edge.self-loop' });
    expect(canConnect(doc, 'main', 's2', 's3')).toMatchObject({ ok: false, code: 'edge.duplicate' });
    const taken = canConnect(doc, 'main', 's3', 's5');
    expect(taken).toMatchObject({ ok: false, code: 'edge.exit-taken', data: { edgeId: 'e4' } });
    expect(!taken.ok && taken.reason.id).toMatch(/sudah punya satu panah keluar/);
    expect(canConnect(doc, 'main', 's3', 'nope')).toMatchObject({ ok: false, code: 'step.not-found' });
    expect(canConnect(doc, 'nope', 's3', 's4')).toMatchObject({ ok: false, code: 'flow.not-found' });
  });

  it('canReconnect ignores the edge being moved', () => {
    expect(canReconnect(doc, 'main', 'e4', { to: 's5' })).toEqual({ ok: true });
    expect(canReconnect(doc, 'main', 'e4', { from: 's5' })).toMatchObject({ ok: false, code: 'edge.exit-taken' });
    expect(canReconnect(doc, 'main', 'e4', { from: 's4' })).toMatchObject({ ok: false, code: 'edge.self-loop' });
  });

  it('canSetEdgeLabel keeps a decision’s labels distinct', () => {
    expect(canSetEdgeLabel(doc, 'main', 'e2', 'tidak')).toMatchObject({ ok: false, code: 'edge.label-taken' });
    expect(canSetEdgeLabel(doc, 'main', 'e2', 'Lengkap')).toEqual({ ok: true });
  });

  it('canMoveToLane and canMoveToRow check lanes and rows', () => {
    expect(canMoveToLane(doc, 'main', 's3', 'kabid')).toEqual({ ok: true });
    expect(canMoveToLane(doc, 'main', 's3', 'pemohon')).toMatchObject({ ok: false, code: 'lane.not-found' });
    expect(canMoveToLane(doc, 'main', 's5', 'kadin', 'kabid')).toMatchObject({ ok: false, code: 'step.already-in-lane' });
    expect(canMoveToRow(doc, 'main', 's3', 5)).toEqual({ ok: true });
    expect(canMoveToRow(doc, 'main', 's3', 6)).toMatchObject({ ok: false, code: 'step.row-out-of-range' });
  });

  it('canRemoveLane asks where the steps go; canRemoveFlow keeps one flow', () => {
    expect(canRemoveLane(doc, 'main', 'kabid')).toMatchObject({ ok: false, code: 'lane.has-steps', data: { stepIds: ['s5'] } });
    expect(canRemoveLane(doc, 'main', 'kabid', 'kadin')).toEqual({ ok: true });
    expect(canRemoveLane(doc, 'main', 'kabid', 'kabid')).toMatchObject({ ok: false, code: 'lane.move-target-invalid' });
    expect(canRemoveFlow(doc, 'main')).toMatchObject({ ok: false, code: 'flow.last' });
  });

  it('canAddStep and canChangeKind guard the start and end', () => {
    expect(canAddStep(doc, 'main', { afterStepId: 's6' })).toMatchObject({ ok: false, code: 'step.after-end' });
    expect(canAddStep(doc, 'main', { afterStepId: 's2', viaEdgeId: 'e3' })).toEqual({ ok: true });
    expect(canAddStep(doc, 'main', { afterStepId: 's2', viaEdgeId: 'e5' })).toMatchObject({ ok: false, code: 'edge.not-found' });
    expect(canChangeKind(doc, 'main', 's3', 'start')).toMatchObject({ ok: false, code: 'step.second-start' });
    expect(canChangeKind(doc, 'main', 's1', 'start')).toEqual({ ok: true });
  });
});
