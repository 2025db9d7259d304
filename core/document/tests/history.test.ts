import { describe, expect, it } from 'vitest';
import { command } from '../commands/registry';
import { createHistory } from '../history';
import { firstProcess, sample } from './support';
import { plainTextOf } from '../../text/richText';

const doc = sample('bwi-spm-online');
const flowId = doc.flows[0]!.id;
const typing = (text: string) => command('step.update', { flowId, stepId: 's3', changes: { text } });

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createHistory', () => {
  it('starts clean, with nothing to undo or redo', () => {
    const history = createHistory(doc);
    expect(history.getState()).toMatchObject({ doc, canUndo: false, canRedo: false, dirty: false, inTransaction: false });
    expect(history.undo()).toBeUndefined();
    expect(history.redo()).toBeUndefined();
  });

  it('merges a burst of typing in one field into one undo step, and splits it after a pause or a seal', () => {
    const time = clock();
    const history = createHistory(doc, { now: time.now, coalesceWindowMs: 1000 });
    for (const text of ['P', 'Pe', 'Pet', 'Petu']) {
      history.execute(typing(text));
      time.advance(200);
    }
    time.advance(5000);
    history.execute(typing('Petugas'));
    history.seal();
    history.execute(typing('Petugas desa'));
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc.flows[0]!.steps[2]!.text).toBe('Petugas');
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc.flows[0]!.steps[2]!.text).toBe('Petu');
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc).toEqual(doc);
    expect(history.getState().canUndo).toBe(false);
  });

  it('never merges edits of different fields or structural commands', () => {
    const history = createHistory(doc, { now: () => 0 });
    history.execute(typing('a'));
    history.execute(command('step.update', { flowId, stepId: 's3', changes: { output: 'x' } }));
    history.execute(command('step.add', { flowId, afterStepId: 's3' }));
    history.execute(command('step.add', { flowId, afterStepId: 's3' }));
    let steps = 0;
    while (history.undo()) steps++;
    expect(steps).toBe(4);
    expect(history.doc).toEqual(doc);
  });

  it('records a whole drag as one undo step, and a cancelled drag leaves the document as it was', () => {
    const history = createHistory(doc);
    history.beginTransaction({ id: 'Seret langkah', en: 'Drag step' });
    for (const toIndex of [3, 4, 5]) history.execute(command('step.moveToRow', { flowId, stepId: 's3', toIndex }));
    expect(history.getState().inTransaction).toBe(true);
    history.commitTransaction();
    expect(history.doc.flows[0]!.steps[5]!.id).toBe('s3');
    expect(history.getState().undoTitle).toEqual({ id: 'Seret langkah', en: 'Drag step' });
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc).toEqual(doc);
    expect(history.getState().canUndo).toBe(false);

    history.beginTransaction();
    history.execute(command('step.moveToRow', { flowId, stepId: 's3', toIndex: 6 }));
    history.cancelTransaction();
    expect(history.doc).toEqual(doc);
    expect(history.getState().canRedo).toBe(true); // the earlier undo is still redoable
  });

  it('cancels an open transaction when undo is pressed mid-drag', () => {
    const history = createHistory(doc);
    history.execute(typing('sebelum'));
    const before = history.doc;
    history.beginTransaction();
    history.execute(command('step.moveToLane', { flowId, stepId: 's3', toActorId: 'kecamatan' }));
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc).toEqual(before);
    expect(history.doc.flows[0]!.steps[2]!.text).toBe('sebelum');
    expect(history.getState().inTransaction).toBe(false);
  });

  it('runs a callback transaction and rolls it back when it throws', () => {
    const history = createHistory(doc);
    expect(() =>
      history.transaction(undefined, () => {
        history.execute(typing('setengah'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(history.doc).toEqual(doc);
    history.transaction(undefined, () => {
      history.execute(typing('utuh'));
      history.execute(command('step.add', { flowId, afterStepId: 's3' }));
    });
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc).toEqual(doc);
  });

  it('applies never-undoable edits without recording them, and undo of older edits keeps them', () => {
    const history = createHistory(doc);
    history.execute(typing('diketik'));
    history.execute(command('identity.update', { changes: { title: 'Dari impor' } }), { record: 'never' });
    expect(history.undo()?.ok).toBe(true);
    expect(history.doc.flows[0]!.steps[2]!.text).toBe(doc.flows[0]!.steps[2]!.text);
    expect(history.doc.identity.title).toBe('Dari impor');
    expect(history.getState().canUndo).toBe(false);
  });

  it('refuses an undo that a never-undoable edit made impossible, instead of corrupting the document', () => {
    const history = createHistory(doc);
    history.execute(typing('diketik'));
    history.execute(typing('diganti dari luar'), { record: 'never', coalesce: false });
    const current = history.doc;
    const outcome = history.undo();
    expect(outcome).toMatchObject({ ok: false, code: 'history.conflict' });
    expect(history.doc).toBe(current);
    expect(history.getState().canUndo).toBe(false);
  });

  it('tracks dirty against the last save, and undo back to the saved state is clean', () => {
    const history = createHistory(doc);
    history.execute(typing('satu'));
    expect(history.getState().dirty).toBe(true);
    history.markSaved();
    expect(history.getState().dirty).toBe(false);
    history.execute(command('step.add', { flowId, afterStepId: 's3' }));
    expect(history.getState().dirty).toBe(true);
    history.undo();
    expect(history.getState().dirty).toBe(false);
    history.undo();
    expect(history.getState().dirty).toBe(true);
  });

  it('loads a document with reset: no undo across a load, and it counts as saved', () => {
    const history = createHistory(doc);
    history.execute(typing('satu'));
    const other = sample('oku-01-sktm');
    history.reset(other);
    expect(history.getState()).toMatchObject({ doc: other, canUndo: false, canRedo: false, dirty: false });
  });

  it('forgets the oldest steps beyond maxDepth', () => {
    const history = createHistory(doc, { maxDepth: 3 });
    for (let i = 0; i < 5; i++) history.execute(command('step.add', { flowId, afterStepId: 's3', text: String(i) }));
    let undone = 0;
    while (history.undo()) undone++;
    expect(undone).toBe(3);
    expect(history.doc.flows[0]!.steps.length).toBe(doc.flows[0]!.steps.length + 2);
  });

  it('clears redo when a new edit is made, and notifies subscribers with a stable snapshot', () => {
    const history = createHistory(doc);
    let calls = 0;
    const unsubscribe = history.subscribe(() => calls++);
    const snapshot = history.getState();
    expect(history.getState()).toBe(snapshot);
    history.execute(typing('a'));
    expect(history.getState()).not.toBe(snapshot);
    history.undo();
    expect(history.getState().canRedo).toBe(true);
    expect(history.getState().redoTitle?.en).toBe('Edit step');
    history.execute(command('step.add', { flowId, afterStepId: firstProcess(doc.flows[0]!).id }));
    expect(history.getState().canRedo).toBe(false);
    expect(calls).toBe(3);
    unsubscribe();
    history.undo();
    expect(calls).toBe(3);
  });

  it('does not record refused commands or commands that change nothing', () => {
    const history = createHistory(doc);
    expect(history.execute(command('step.remove', { flowId, stepId: 'nope' })).ok).toBe(false);
    expect(history.execute(typing(plainTextOf(doc.flows[0]!.steps[2]!.text))).ok).toBe(true);
    expect(history.getState().canUndo).toBe(false);
  });

  it('reports what an undo changed, inverted, for the selection', () => {
    const history = createHistory(doc);
    const added = history.execute(command('step.add', { flowId, afterStepId: 's3' }));
    expect(added.ok && added.select).toEqual([{ kind: 'step', id: 's11', flowId }]);
    const undone = history.undo();
    expect(undone?.ok && undone.changes).toContainEqual({ kind: 'step', id: 's11', flowId, change: 'removed' });
  });
});
