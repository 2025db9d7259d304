/**
 * An in-memory model of the server (docs/sync-protocol.md) for browser tests
 * and stories, built while the real server is written in parallel. It
 * re-runs the same pure engine (`decide`) on every pushed command, as the
 * server does, so the two sides cannot disagree on the rules:
 *
 * - a known command id is a `duplicate` (its events, nothing written);
 * - a command expecting another revision is `stale`, answered with the
 *   case's events after the revision it expected;
 * - lanes, offices and the region-code visibility rule are checked (simply);
 * - pull pages run in commit order by a cursor, never end inside a command,
 *   and a case that becomes visible to an office later is delivered whole
 *   from that point (events may come twice; clients merge by id);
 * - sessions by cookie jar (one per simulated browser), CSRF on unsafe requests;
 * - publication as the server answers it (server/routes/publicationRoutes.ts):
 *   publisher role (403 `role.forbidden`), the publish rules (422
 *   `sop.invalid`), the address matching the document (422
 *   `sop.idMismatch`), 201 new, 200 for the same content again (by
 *   `sopContentHash`), 409 `revision.conflict` for other content;
 * - the live stream: `changed` to the offices that may see a case a push
 *   changed, `catalogue` to the offices with a lane in an SOP a revision of
 *   which was published (through the API or `publish`).
 *
 * Failures are injected per request: no answer at all (`offline`), the
 * request handled but its answer lost (`lostAnswer`: a crash between push
 * and response), or a 500.
 */
import { decide, sopContentHash, type CaseCommand, type CaseEvent, type CaseState, applyEvent } from '../../../core/engine';
import { validateSop } from '../../../core/validation';
import {
  API_PREFIX,
  CSRF_HEADER,
  STREAM_EVENT,
  type CatalogueEntry,
  type LaneRef,
  type Office,
  type PublishedRevision,
  type PulledEvent,
  type PushRequest,
  type PushResult,
  type User,
} from '../../../core/sync';
import type { SopDocument } from '../../../schemas/generated/sop.types';
import type { FetchLike, OpenStream, StreamLike } from '../transport';

export interface FakeOffice extends Office {
  lanes: LaneRef[];
}

interface FakeCase {
  id: string;
  holderOfficeId: string;
  regionCode: string;
  sop: { sopId: string; revision: number };
  events: CaseEvent[];
  state: CaseState;
  /** Offices that were ever able to see it (so a newly visible case is delivered whole once). */
  seenBy: Set<string>;
}

interface LogEntry {
  seq: number;
  caseId: string;
  event: CaseEvent;
  sop: { sopId: string; revision: number };
  /** Set when the entry re-delivers earlier events to one office that just came to see the case. */
  onlyFor?: string;
}

export interface CookieJar {
  session?: string;
}

export type InjectedFailure = 'offline' | 'lostAnswer' | 'error500' | 'busy503';

interface Rule {
  method: string;
  path: RegExp;
  failure: InjectedFailure;
  times: number;
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const apiError = (status: number, code: string, id: string, en: string): Response => json(status, { error: { code, message: { id, en } } });

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isUnder(region: string, caseRegion: string): boolean {
  return caseRegion === region || caseRegion.startsWith(`${region}.`);
}

export class FakeServer {
  readonly offices = new Map<string, FakeOffice>();
  private readonly users = new Map<string, { user: User; password: string }>();
  private readonly sessions = new Map<string, { userId: string; csrfToken: string }>();
  private readonly revisions = new Map<string, { document: SopDocument; contentHash: string; publishedAt: string }>();
  /** The server's clock for `publishedAt` (tests pin it). */
  now: () => Date = () => new Date('2026-12-02T08:00:00.000Z');
  readonly cases = new Map<string, FakeCase>();
  private readonly commandEvents = new Map<string, CaseEvent[]>();
  readonly attachments = new Map<string, Blob>();
  private readonly log: LogEntry[] = [];
  private readonly streams = new Set<{ jar: CookieJar; stream: FakeStream }>();
  private rules: Rule[] = [];
  private counter = 0;
  /** Every request handled, in order, with the user it came from: tests assert who pushed what. */
  readonly requests: { method: string; path: string; login?: string; body?: unknown }[] = [];

  addOffice(office: FakeOffice): this {
    this.offices.set(office.id, office);
    return this;
  }

  addUser(user: Omit<User, 'roles'> & { roles?: User['roles'] }, password: string): this {
    this.users.set(user.login, { user: { roles: ['clerk'], ...user }, password });
    return this;
  }

  /** Publishes a revision as a publisher would (without the checks), and tells the offices with a lane in it. */
  publish(document: SopDocument, publishedAt = '2025-06-01T00:00:00.000Z'): this {
    this.revisions.set(`${document.id}@${document.revision.number}`, { document, contentHash: sopContentHash(document), publishedAt });
    this.announcePublished(document);
    return this;
  }

  private announcePublished(document: SopDocument): void {
    for (const { jar, stream } of this.streams) {
      const who = this.sessionUser(jar);
      if (who?.office.lanes.some((l) => l.sopId === document.id)) stream.emit(STREAM_EVENT.catalogue, { sopId: document.id, revision: document.revision.number });
    }
  }

  /** Makes the next `times` requests matching method and path fail the given way. */
  failNext(method: string, path: RegExp, failure: InjectedFailure, times = 1): this {
    this.rules.push({ method, path, failure, times });
    return this;
  }

  /** A fetch for one browser profile: the jar holds its session cookie, as a browser holds an HttpOnly cookie. */
  fetchFor(jar: CookieJar): FetchLike {
    return async (input, init = {}) => {
      const url = new URL(input, 'http://fake.invalid');
      const method = (init.method ?? 'GET').toUpperCase();
      const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
      const rule = this.rules.find((r) => r.times > 0 && r.method === method && r.path.test(path));
      if (rule) rule.times -= 1;
      if (rule?.failure === 'offline') throw new TypeError('Failed to fetch');
      if (rule?.failure === 'error500') return apiError(500, 'server.error', 'Kesalahan server.', 'Server error.');
      if (rule?.failure === 'busy503') {
        return new Response(JSON.stringify({ error: { code: 'server.busy', message: { id: 'Server sedang sibuk.', en: 'The server is busy.' } } }), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '30' },
        });
      }
      // Let other work interleave, as a real network round trip would.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const response = await this.handle(jar, method, path, url.searchParams, init);
      if (rule?.failure === 'lostAnswer') throw new TypeError('Failed to fetch');
      return response;
    };
  }

  openStreamFor(jar: CookieJar): OpenStream {
    return () => {
      const stream = new FakeStream(() => this.streams.delete(entry));
      const entry = { jar, stream };
      this.streams.add(entry);
      return stream;
    };
  }

  /** Live streams open now (tests assert that a stream is closed, or opened again after a sign-in). */
  get openStreamCount(): number {
    return this.streams.size;
  }

  /**
   * Ends every session of the user, as the server does when an admin disables or moves them (or the
   * session expires); their open streams hear `signedOut` and close, as the server's stream does.
   */
  endSessionsOf(login: string): this {
    const userId = this.users.get(login)?.user.id;
    for (const [id, session] of this.sessions) if (session.userId === userId) this.sessions.delete(id);
    this.endStreamsWithoutSession();
    return this;
  }

  private endStreamsWithoutSession(): void {
    for (const entry of this.streams) {
      if (this.sessionUser(entry.jar)) continue;
      this.streams.delete(entry);
      entry.stream.emit(STREAM_EVENT.signedOut, { code: 'session.invalid', message: { id: 'Sesi tidak berlaku atau sudah berakhir. Silakan masuk lagi.', en: 'The session is invalid or has expired. Please sign in again.' } });
    }
  }

  private sessionUser(jar: CookieJar): { user: User; office: FakeOffice; csrfToken: string } | undefined {
    const session = jar.session ? this.sessions.get(jar.session) : undefined;
    if (!session) return undefined;
    const entry = [...this.users.values()].find((u) => u.user.id === session.userId);
    const office = entry && this.offices.get(entry.user.officeId);
    return entry && office ? { user: entry.user, office, csrfToken: session.csrfToken } : undefined;
  }

  private async handle(jar: CookieJar, method: string, path: string, query: URLSearchParams, init: RequestInit): Promise<Response> {
    const bodyText = typeof init.body === 'string' ? init.body : undefined;
    const body = bodyText ? (JSON.parse(bodyText) as unknown) : undefined;
    const who = this.sessionUser(jar);
    this.requests.push({ method, path, ...(who ? { login: who.user.login } : {}), ...(body !== undefined ? { body } : {}) });

    if (method === 'POST' && path === '/session') {
      const { login, password } = body as { login: string; password: string };
      const entry = this.users.get(login);
      if (!entry || entry.password !== password) return apiError(401, 'session.invalid', 'Nama pengguna atau kata sandi salah.', 'Wrong login or password.');
      const id = `session-${++this.counter}`;
      const csrfToken = `csrf-${this.counter}`;
      this.sessions.set(id, { userId: entry.user.id, csrfToken });
      jar.session = id;
      return json(200, { user: entry.user, office: this.publicOffice(entry.user.officeId), csrfToken });
    }
    if (!who) return apiError(401, 'session.required', 'Sesi berakhir; masuk kembali.', 'The session ended; sign in again.');
    const headers = new Headers(init.headers);
    if (method !== 'GET' && headers.get(CSRF_HEADER) !== who.csrfToken) return apiError(403, 'csrf.invalid', 'Token CSRF salah.', 'Wrong CSRF token.');

    if (method === 'GET' && path === '/me') return json(200, { user: who.user, office: this.publicOffice(who.office.id), csrfToken: who.csrfToken });
    if (method === 'DELETE' && path === '/session') {
      this.sessions.delete(jar.session!);
      delete jar.session;
      this.endStreamsWithoutSession();
      return new Response(null, { status: 204 });
    }
    if (method === 'GET' && path === '/catalogue') return json(200, { entries: this.catalogueFor(who.office) });
    const revision = /^\/sops\/([^/]+)\/revisions\/(\d+)$/.exec(path);
    if (method === 'PUT' && revision) return this.publishRevision(who.user, decodeURIComponent(revision[1]!), Number(revision[2]), body);
    if (method === 'GET' && revision) {
      const held = this.revisions.get(`${decodeURIComponent(revision[1]!)}@${revision[2]}`);
      if (!held) return apiError(404, 'sop.unknown', 'Revisi tidak ada.', 'No such revision.');
      return json(200, { document: held.document, contentHash: held.contentHash });
    }
    const attachment = /^\/attachments\/([0-9a-f]{64})$/.exec(path);
    if (method === 'PUT' && attachment) {
      const blob = init.body as Blob;
      if (blob.size > 25 * 1024 * 1024) return apiError(413, 'attachment.tooLarge', 'Berkas lebih dari 25 MiB.', 'The file is over 25 MiB.');
      if ((await sha256Hex(await blob.arrayBuffer())) !== attachment[1]) return apiError(422, 'attachment.hash', 'Isi berkas tidak sesuai sidiknya.', 'The file does not match its hash.');
      const held = this.attachments.has(attachment[1]!);
      this.attachments.set(attachment[1]!, blob);
      return new Response(null, { status: held ? 200 : 201 });
    }
    if (method === 'POST' && path === '/sync/push') return json(200, { results: this.push(who, body as PushRequest) });
    if (method === 'GET' && path === '/sync/pull') return json(200, this.pull(who.office, query.get('after') ?? '', Number(query.get('limit') ?? 100)));
    return apiError(404, 'route.unknown', 'Tidak ada.', 'Not found.');
  }

  private publishRevision(user: User, sopId: string, number: number, body: unknown): Response {
    if (!user.roles.includes('publisher')) return apiError(403, 'role.forbidden', 'Tindakan ini memerlukan peran publisher.', 'This action requires the publisher role.');
    const document = (body as { document?: unknown } | undefined)?.document;
    const checked = validateSop(document, { purpose: 'publish' });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    if (!checked.document || errors.length > 0) {
      return apiError(422, 'sop.invalid', `Dokumen SOP tidak dapat diterbitkan: ${errors.length} kesalahan.`, `The SOP document cannot be published: ${errors.length} errors.`);
    }
    const doc = checked.document;
    if (doc.id !== sopId || doc.revision.number !== number) {
      return apiError(422, 'sop.idMismatch', `Alamat menyebut ${sopId} revisi ${number}, tetapi dokumennya ${doc.id} revisi ${doc.revision.number}.`, `The address names ${sopId} revision ${number}, but the document is ${doc.id} revision ${doc.revision.number}.`);
    }
    if (doc.revision.status !== 'published') {
      return apiError(422, 'revision.notPublished', `Revisi ini berstatus "${doc.revision.status}".`, `This revision has status "${doc.revision.status}".`);
    }
    // Kept as sent, like the real server: an earlier schema version was migrated only to be checked.
    const contentHash = sopContentHash(document as SopDocument);
    const key = `${sopId}@${number}`;
    const held = this.revisions.get(key);
    const record = (h: { document: SopDocument; contentHash: string; publishedAt: string }): PublishedRevision => ({ sopId, revision: number, contentHash: h.contentHash, title: h.document.identity.title ?? '', publishedAt: h.publishedAt });
    if (held) {
      // Republishing the same content is harmless (a retried upload); different content under a used number never is.
      if (held.contentHash === contentHash) return json(200, { revision: record(held) });
      return apiError(409, 'revision.conflict', `Revisi ${number} dari ${sopId} sudah diterbitkan dengan isi lain. Terbitkan sebagai revisi baru.`, `Revision ${number} of ${sopId} was already published with other content. Publish it as a new revision.`);
    }
    const stored = { document: document as SopDocument, contentHash, publishedAt: this.now().toISOString() };
    this.revisions.set(key, stored);
    this.announcePublished(doc);
    return json(201, { revision: record(stored) });
  }

  /** The revision the server holds (for assertions). */
  heldRevision(sopId: string, number: number): { document: SopDocument; contentHash: string } | undefined {
    return this.revisions.get(`${sopId}@${number}`);
  }

  private publicOffice(id: string): Office {
    const { lanes: _lanes, ...office } = this.offices.get(id)!;
    return office;
  }

  private catalogueFor(office: FakeOffice): CatalogueEntry[] {
    const latest = new Map<string, { document: SopDocument; contentHash: string; publishedAt: string }>();
    for (const held of this.revisions.values()) {
      if (!office.lanes.some((l) => l.sopId === held.document.id)) continue;
      const seen = latest.get(held.document.id);
      if (!seen || seen.document.revision.number < held.document.revision.number) latest.set(held.document.id, held);
    }
    return [...latest.values()].map((held) => ({
      sopId: held.document.id,
      revision: held.document.revision.number,
      contentHash: held.contentHash,
      title: held.document.identity.title ?? '',
      publishedAt: held.publishedAt,
      lanes: office.lanes.filter((l) => l.sopId === held.document.id).map((l) => l.actorId),
    }));
  }

  /** The lanes on a case's path: actors of every step visited or active. */
  private lanesOnPath(c: FakeCase): Set<string> {
    return new Set(c.state.visits.flatMap((v) => [...v.workActors, ...v.chain.flatMap((slot) => slot.actors)]));
  }

  mayOfficeSee(office: FakeOffice, c: FakeCase): boolean {
    if (c.holderOfficeId === office.id) return true;
    const onPath = this.lanesOnPath(c);
    return office.lanes.some((l) => l.sopId === c.sop.sopId && onPath.has(l.actorId)) && isUnder(office.regionCode, c.regionCode);
  }

  private push(who: { user: User; office: FakeOffice }, request: PushRequest): PushResult[] {
    return request.commands.map(({ command, sop }) => this.pushOne(who, command, sop));
  }

  private pushOne(who: { user: User; office: FakeOffice }, command: CaseCommand, sopRef: { sopId: string; revision: number } | undefined): PushResult {
    const known = this.commandEvents.get(command.id);
    if (known) return { status: 'duplicate', commandId: command.id, events: known };
    const refuse = (code: string, id: string, en: string): PushResult => ({ status: 'rejected', commandId: command.id, rejection: { code, message: { id, en } } });
    const existing = this.cases.get(command.caseId);
    const ref = existing?.sop ?? sopRef;
    const held = ref && this.revisions.get(`${ref.sopId}@${ref.revision}`);
    if (!held) return refuse('sop.unknown', 'Revisi SOP tidak dikenal server.', 'The server does not know this SOP revision.');
    const positions = who.user.positions.filter((p) => p.sopId === held.document.id).map((p) => p.actorId);
    const actingAs = command.by?.actorId ?? (command.type === 'step.signOff' ? command.actorId : undefined);
    if (actingAs !== undefined ? !positions.includes(actingAs) : positions.length === 0) {
      return refuse('lane.forbidden', `Anda tidak berperan sebagai ${actingAs ?? 'pelaksana SOP ini'}.`, `You do not act as ${actingAs ?? 'an actor of this SOP'}.`);
    }
    if (command.type === 'case.start') {
      if (existing) return refuse('case.exists', 'Kasus sudah ada.', 'The case already exists.');
      const startActors = held.document.flows[0]!.steps.filter((s) => s.kind === 'start').flatMap((s) => (s.actors ?? []).map((a) => a.actor));
      if (!who.office.lanes.some((l) => l.sopId === held.document.id && startActors.includes(l.actorId))) {
        return refuse('lane.noStart', 'Kantor Anda tidak memulai SOP ini.', 'Your office does not start this SOP.');
      }
    } else {
      if (!existing || !this.mayOfficeSee(who.office, existing)) return refuse('case.unknown', 'Kasus tidak dikenal.', 'Unknown case.');
      if (command.expectedRevision !== existing.state.revision) {
        return { status: 'stale', commandId: command.id, events: existing.events.filter((e) => e.revision > command.expectedRevision) };
      }
    }
    const decided = decide(held.document, existing?.state, command);
    if (!decided.ok) return { status: 'rejected', commandId: command.id, rejection: decided.rejection };
    // The server stamps who acted: the signed-in user, whatever the device wrote.
    const person = { id: who.user.id, name: who.user.name, ...(who.user.nip ? { nip: who.user.nip } : {}), office: who.office.name };
    const events = decided.events.map((e) => ({ ...e, by: { ...e.by, person } }));
    this.commit(who.office, command.caseId, { sopId: held.document.id, revision: held.document.revision.number }, events);
    this.commandEvents.set(command.id, events);
    return { status: 'applied', commandId: command.id, events };
  }

  private commit(office: FakeOffice, caseId: string, sop: { sopId: string; revision: number }, events: CaseEvent[]): void {
    let c = this.cases.get(caseId);
    let state = c?.state;
    for (const event of events) state = applyEvent(state, event);
    if (!c) {
      c = { id: caseId, holderOfficeId: office.id, regionCode: office.regionCode, sop, events: [], state: state!, seenBy: new Set() };
      this.cases.set(caseId, c);
    }
    c.events.push(...events);
    c.state = state!;
    for (const event of events) this.log.push({ seq: this.log.length + 1, caseId, event, sop });
    // An office that sees the case only from now on gets its history too (its cursor is past it).
    for (const other of this.offices.values()) {
      if (c.seenBy.has(other.id) || !this.mayOfficeSee(other, c)) continue;
      c.seenBy.add(other.id);
      for (const earlier of c.events.slice(0, -events.length)) this.log.push({ seq: this.log.length + 1, caseId, event: earlier, sop, onlyFor: other.id });
    }
    for (const { jar, stream } of this.streams) {
      const who = this.sessionUser(jar);
      if (who && this.mayOfficeSee(who.office, c)) stream.emit(STREAM_EVENT.changed, { cursor: String(this.log.length) });
    }
  }

  private pull(office: FakeOffice, after: string, limit: number): { events: PulledEvent[]; cursor: string; more: boolean } {
    const from = after === '' ? 0 : Number(after);
    const visible = this.log.filter((entry) => entry.seq > from && (entry.onlyFor === undefined || entry.onlyFor === office.id) && this.mayOfficeSee(office, this.cases.get(entry.caseId)!));
    let end = Math.min(limit, visible.length);
    // Never end a page inside a command.
    while (end > 0 && end < visible.length && visible[end]!.event.commandId === visible[end - 1]!.event.commandId && visible[end]!.caseId === visible[end - 1]!.caseId) end += 1;
    const page = visible.slice(0, end);
    const last = page[page.length - 1];
    return {
      events: page.map((entry) => ({ caseId: entry.caseId, event: entry.event, sop: entry.sop })),
      cursor: String(last ? last.seq : from),
      more: end < visible.length,
    };
  }

  /** The case record as the server holds it (for assertions). */
  caseEvents(caseId: string): CaseEvent[] {
    return this.cases.get(caseId)?.events ?? [];
  }
}

class FakeStream implements StreamLike {
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(private readonly onClose: () => void) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close(): void {
    this.onClose();
  }
}
