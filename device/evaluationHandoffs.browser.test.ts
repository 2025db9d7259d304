// The evaluation hand-off table (runtime → designer), in real Chromium IndexedDB.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_SCHEMA_VERSION, DeviceDb } from './db';
import { DeviceStorageError } from './errors';
import {
  designerUrlForEvaluation,
  getEvaluationHandoff,
  markEvaluationHandoffOpened,
  putEvaluationHandoff,
  requestedEvaluationId,
  type EvaluationHandoffInput,
} from './evaluationHandoffs';
import { scratchDeviceDb } from './testing';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const fresh = () => {
  const db = scratchDeviceDb('handoffs');
  opened.push(db);
  return db;
};

const HANDOFF: EvaluationHandoffInput = {
  id: 'eval-2026-1',
  sopId: 'bwi-spm-online',
  revision: 1,
  title: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026',
  period: { from: '2026-01-01', to: '2026-06-30' },
  evaluatedAt: '2026-07-03T02:00:00.000Z',
  evaluator: { name: 'Sri Wahyuni', nip: '198001012005012001' },
  runtimeUrl: '../runtime/#/monev/evaluasi/eval-2026-1',
  notes: [{ stepId: 's5', text: 'Langkah 5 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit' }],
  generalNotes: ['Tambahkan langkah verifikasi NIK'],
  createdAt: '2026-07-03T02:00:00.000Z',
};

describe('evaluation hand-offs', () => {
  it('stores a row stamped with the device schema version, reads it back and records when the designer opened it', async () => {
    const db = fresh();
    const stored = await putEvaluationHandoff(db, HANDOFF);
    expect(stored.schemaVersion).toBe(DEVICE_SCHEMA_VERSION);
    expect(await getEvaluationHandoff(db, 'eval-2026-1')).toEqual({ ...HANDOFF, schemaVersion: DEVICE_SCHEMA_VERSION });
    expect(await markEvaluationHandoffOpened(db, 'eval-2026-1', '2026-07-04T01:00:00.000Z')).toBe(true);
    expect((await getEvaluationHandoff(db, 'eval-2026-1'))?.openedAt).toBe('2026-07-04T01:00:00.000Z');
    expect(await getEvaluationHandoff(db, 'tidak-ada')).toBeUndefined();
    expect(await markEvaluationHandoffOpened(db, 'tidak-ada', '2026-07-04T01:00:00.000Z')).toBe(false);
  });

  it('replaces a row sent again (the evaluator amended the evaluation)', async () => {
    const db = fresh();
    await putEvaluationHandoff(db, HANDOFF);
    await putEvaluationHandoff(db, { ...HANDOFF, notes: [] });
    expect((await getEvaluationHandoff(db, HANDOFF.id))?.notes).toEqual([]);
    expect(await db.evaluationHandoffs.count()).toBe(1);
  });

  it('refuses a bad row with what and where in both languages, and writes nothing', async () => {
    const db = fresh();
    const bad = { ...HANDOFF, revision: 0, period: { from: '2026-07-01', to: '2026-01-01' }, notes: [{ stepId: 's5', text: '  ' }] };
    const refused = await putEvaluationHandoff(db, bad).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeviceStorageError);
    const { localized } = refused as DeviceStorageError;
    expect(localized.id).toContain('revision: harus nomor revisi terbit');
    expect(localized.id).toContain('period: tanggal awal sesudah tanggal akhir');
    expect(localized.en).toContain('notes[0]: must be { stepId, text }');
    expect(await db.evaluationHandoffs.count()).toBe(0);
  });

  it('refuses to read a damaged row rather than using half of it', async () => {
    const db = fresh();
    await db.evaluationHandoffs.put({ ...HANDOFF, schemaVersion: 1, notes: 'bukan daftar' as never });
    await expect(getEvaluationHandoff(db, HANDOFF.id)).rejects.toThrow(/notes: must be a list/);
    await db.evaluationHandoffs.put({ ...HANDOFF, schemaVersion: DEVICE_SCHEMA_VERSION + 1 });
    await expect(getEvaluationHandoff(db, HANDOFF.id)).rejects.toThrow(/newer version/);
  });

  it('opens a device database of version 2 and keeps what it held', async () => {
    const name = `sop-studio-device-v2-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const old = new Dexie(name);
    old.version(1).stores({ catalogue: '&key, sopId', profiles: '&id, name', meta: '&key' });
    old.version(2).stores({ keys: '&id', trustedKeys: '&fingerprint, addedAt' });
    await old.table('meta').put({ key: 'seeded', value: true });
    old.close();
    const db = new DeviceDb(name);
    opened.push(db);
    expect((await db.meta.get('seeded'))?.value).toBe(true);
    await putEvaluationHandoff(db, HANDOFF);
    expect(db.verno).toBe(3);
    expect(await db.evaluationHandoffs.where('sopId').equals('bwi-spm-online').count()).toBe(1);
  });
});

describe('designer URL for an evaluation', () => {
  it('points at the designer with ?evaluasi=<id>, from the site root or the designer folder', () => {
    expect(designerUrlForEvaluation('../', 'eval 1/a')).toBe('../designer/?evaluasi=eval+1%2Fa');
    expect(designerUrlForEvaluation('https://sop.example.go.id/', 'e1')).toBe('https://sop.example.go.id/designer/?evaluasi=e1');
    expect(designerUrlForEvaluation('https://sop.example.go.id/designer', 'e1')).toBe('https://sop.example.go.id/designer/?evaluasi=e1');
    expect(designerUrlForEvaluation('../designer/', 'e1')).toBe('../designer/?evaluasi=e1');
    expect(requestedEvaluationId('?evaluasi=eval+1%2Fa&x=1')).toBe('eval 1/a');
    expect(requestedEvaluationId('?evaluasi=')).toBeNull();
  });
});
