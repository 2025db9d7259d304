/**
 * The Banyuwangi SPM sample (bwi-spm-online) published on a test server, with
 * the offices of its lanes and one clerk each, signed in. Region codes follow
 * Kemendagri: Kabupaten Banyuwangi 35.10, Kecamatan Glagah 35.10.01, Desa
 * Kemiren 35.10.01.2001; a neighbouring village and Kabupaten Lumajang's
 * Dinas Kesehatan (35.08) play the same lanes elsewhere and must see nothing.
 */
import type { CaseCommand, CaseEvent } from '../../core/engine';
import { canonicalJson, sopContentHash } from '../../core/engine';
import type { PullResponse, PushCommand, PushResult } from '../../core/sync/protocol';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { insertRevisionOnce } from '../publication/revisionsRepo';
import { publishedSample } from './sopFixtures';
import { makeOffice, makeUser, signIn, type Browser, type TestServer } from './testServer';

export const SPM = 'bwi-spm-online';
const lane = (actorId: string) => ({ sopId: SPM, actorId });

export interface SpmWorld {
  sop: SopDocument;
  offices: Record<'desa' | 'kecamatan' | 'dinkes' | 'dinsos' | 'desaTetangga' | 'dinkesLumajang', { id: string; regionCode: string }>;
  /** One clerk per office, signed in. */
  clerks: Record<'desa' | 'kecamatan' | 'dinkes' | 'dinsos' | 'desaTetangga' | 'dinkesLumajang', Browser>;
}

export async function spmWorld(server: TestServer): Promise<SpmWorld> {
  const sop = publishedSample(SPM);
  const make = async (name: string, regionCode: string, actors: string[]) => makeOffice(server, { name, regionCode, lanes: actors.map(lane) });
  const offices = {
    desa: await make('Kantor Desa Kemiren', '35.10.01.2001', ['masyarakat-pemohon', 'desa-kelurahan']),
    kecamatan: await make('Kecamatan Glagah', '35.10.01', ['kecamatan']),
    dinkes: await make('Dinas Kesehatan Banyuwangi', '35.10', ['dinas-kesehatan']),
    dinsos: await make('Dinas Sosial Banyuwangi', '35.10', ['dinas-sosial']),
    desaTetangga: await make('Kantor Desa Olehsari', '35.10.01.2002', ['masyarakat-pemohon', 'desa-kelurahan']),
    dinkesLumajang: await make('Dinas Kesehatan Lumajang', '35.08', ['dinas-kesehatan']),
  };
  const publisher = await makeUser(server, { officeId: offices.dinsos.id, login: 'penerbit', roles: ['publisher'] });
  await insertRevisionOnce(server.ctx.db, {
    sopId: sop.id,
    revision: sop.revision.number,
    contentHash: sopContentHash(sop),
    title: sop.identity.title ?? '',
    documentText: canonicalJson(sop),
    publishedAt: server.ctx.now().toISOString(),
    publishedBy: publisher.id,
  });
  const clerk = async (key: keyof typeof offices, login: string) => {
    const office = offices[key];
    await makeUser(server, { officeId: office.id, login, positions: office.lanes });
    return signIn(server, login);
  };
  const clerks = {
    desa: await clerk('desa', 'rina'),
    kecamatan: await clerk('kecamatan', 'budi'),
    dinkes: await clerk('dinkes', 'dokter'),
    dinsos: await clerk('dinsos', 'sosial'),
    desaTetangga: await clerk('desaTetangga', 'tetangga'),
    dinkesLumajang: await clerk('dinkesLumajang', 'lumajang'),
  };
  return { sop, offices, clerks };
}

let serial = 0;
/** The applicant data the SPM sample asks for at the start. */
export const APPLICANT = { nama: 'Siti Rohmah', nik: '3510014501900001' };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 1, minutes)).toISOString();

export function startCommand(caseId: string, extra: Partial<CaseCommand> = {}): CaseCommand {
  return {
    id: `cmd-${++serial}`,
    caseId,
    type: 'case.start',
    at: at(serial % 600),
    by: { actorId: 'masyarakat-pemohon' },
    fields: { ...APPLICANT },
    ...extra,
  } as CaseCommand;
}

let spm: SopDocument | undefined;
/** The step's required items, all ticked (the clerk checked every document). */
function ticksFor(stepId: string): string[] {
  spm ??= publishedSample(SPM);
  const step = spm.flows.flatMap((f) => f.steps).find((s) => s.id === stepId);
  return (step?.requirements ?? []).filter((r) => r.mustCheck).map((r) => r.id);
}

export function completeCommand(caseId: string, stepId: string, expectedRevision: number, actorId: string, extra: Record<string, unknown> = {}): CaseCommand {
  return { id: `cmd-${++serial}`, caseId, type: 'step.complete', stepId, expectedRevision, at: at(serial % 600), by: { actorId }, ticked: ticksFor(stepId), ...extra } as CaseCommand;
}

export function chooseCommand(caseId: string, stepId: string, edgeId: string, expectedRevision: number, actorId: string): CaseCommand {
  return { id: `cmd-${++serial}`, caseId, type: 'branch.choose', stepId, edgeId, expectedRevision, at: at(serial % 600), by: { actorId }, ticked: ticksFor(stepId) } as CaseCommand;
}

export function asPush(command: CaseCommand, sop?: SopDocument): PushCommand {
  return command.type === 'case.start' && sop ? { command, sop: { sopId: sop.id, revision: sop.revision.number } } : { command };
}

export async function push(clerk: Browser, commands: PushCommand[], deviceId = 'device-test'): Promise<PushResult[]> {
  const response = await clerk.request('POST', '/api/v1/sync/push', { deviceId, commands });
  if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
  return response.json<{ results: PushResult[] }>().results;
}

export async function pullPage(clerk: Browser, after = '', limit = 100): Promise<PullResponse> {
  const response = await clerk.request('GET', `/api/v1/sync/pull?after=${encodeURIComponent(after)}&limit=${limit}`);
  if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
  return response.json<PullResponse>();
}

/** Every page from `after` to the end; returns the events and the final cursor. */
export async function pullAll(clerk: Browser, after = '', limit = 100): Promise<{ events: PullResponse['events']; cursor: string }> {
  const events: PullResponse['events'] = [];
  let cursor = after;
  for (;;) {
    const page = await pullPage(clerk, cursor, limit);
    events.push(...page.events);
    cursor = page.cursor;
    if (!page.more) return { events, cursor };
  }
}

/**
 * Pulls from `after` until `done` holds (or 15 s pass). The feed holds back rows newer than the oldest transaction
 * still running anywhere in the cluster (pullFeed.ts), and the server tests share one cluster: another test's
 * transaction may hold a pull back for a moment, and pulling again from the same cursor then gets the rows.
 */
export async function pullUntil(
  clerk: Browser,
  after: string,
  done: (pulled: { events: PullResponse['events']; cursor: string }) => boolean,
): Promise<{ events: PullResponse['events']; cursor: string }> {
  const until = Date.now() + 15_000;
  for (;;) {
    const pulled = await pullAll(clerk, after);
    if (done(pulled) || Date.now() > until) return pulled;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const idsOf = (events: readonly { event: CaseEvent }[] | readonly CaseEvent[]): string[] =>
  events.map((e) => ('event' in e ? e.event.id : e.id));
