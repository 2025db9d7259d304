/**
 * The wire contract between the browser apps and the server (docs/sync-protocol.md).
 * Types only: both sides import them, so a change to the protocol is a type error on both.
 */
import type { CaseCommand, CaseEvent, LocalizedText } from '../engine';
import type { MonevMeasures } from '../monev/measures';

export const API_PREFIX = '/api/v1';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sop_session';
export const PUSH_BATCH_MAX = 100;
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

export type Role = 'admin' | 'drafter' | 'publisher' | 'clerk';

/** An SOP lane (actor) as held by an office or a user. */
export interface LaneRef {
  sopId: string;
  actorId: string;
}

export interface Office {
  id: string;
  name: string;
  /** Kemendagri kode wilayah with dots: "35", "35.10", "35.10.01", "35.10.01.2001". */
  regionCode: string;
  parentId: string | null;
}

export interface User {
  id: string;
  login: string;
  name: string;
  nip?: string;
  officeId: string;
  roles: Role[];
  /** The lanes this user may act as; a subset of the office's lanes. */
  positions: LaneRef[];
  /** Present when an administrator disabled the account: it cannot sign in. */
  disabled?: true;
}

export interface SessionInfo {
  user: User;
  office: Office;
  csrfToken: string;
}

/** Every refusal's code; `message` says the same in both languages. */
export type ApiErrorCode =
  | 'request.invalid'
  | 'request.tooLarge'
  | 'request.unsupportedMediaType'
  | 'request.notFound'
  | 'session.required'
  | 'session.invalid'
  | 'csrf.invalid'
  | 'role.forbidden'
  | 'login.failed'
  | 'login.rateLimited'
  | 'login.providerUnknown'
  | 'oidc.failed'
  | 'oidc.unlinked'
  | 'office.unknown'
  | 'office.parentUnknown'
  | 'office.regionOutsideParent'
  | 'office.regionUnknownProvince'
  | 'user.unknown'
  | 'user.loginTaken'
  | 'user.nipInvalid'
  | 'user.positionNotInOffice'
  | 'user.passwordTooWeak'
  | 'user.disabled'
  | 'sop.invalid'
  | 'sop.idMismatch'
  | 'revision.notPublished'
  | 'revision.conflict'
  | 'revision.unknown'
  | 'revision.forbidden'
  | 'attachment.hashMismatch'
  | 'attachment.unknown'
  | 'sync.cursorInvalid'
  | 'monev.forbidden'
  | 'monev.periodInvalid'
  | 'server.unavailable'
  | 'server.busy'
  | 'server.internal';

export interface ApiError {
  error: { code: ApiErrorCode; message: LocalizedText; details?: Record<string, LocalizedText> };
}

/** `POST /api/v1/session` */
export interface SignInRequest {
  login: string;
  password: string;
}

/** `POST /api/v1/admin/offices` */
export interface CreateOfficeRequest {
  name: string;
  regionCode: string;
  parentId?: string | null;
  lanes?: LaneRef[];
}

/** `PATCH /api/v1/admin/offices/:officeId` */
export interface UpdateOfficeRequest {
  name: string;
}

/** `PUT /api/v1/admin/offices/:officeId/lanes`: the office's whole set of lanes. */
export interface SetLanesRequest {
  lanes: LaneRef[];
}

/** `POST /api/v1/admin/users` */
export interface CreateUserRequest {
  login: string;
  name: string;
  nip?: string;
  officeId: string;
  roles: Role[];
  positions?: LaneRef[];
  /** Omitted for a user who signs in through an agency identity provider only. */
  password?: string;
}

/** `PATCH /api/v1/admin/users/:userId`: only the fields given change. */
export interface UpdateUserRequest {
  name?: string;
  nip?: string | null;
  roles?: Role[];
  positions?: LaneRef[];
  password?: string;
}

/** `PUT /api/v1/admin/users/:userId/disabled`: off ends every session at once; on again keeps nothing else changed. */
export interface SetUserDisabledRequest {
  disabled: boolean;
}

/** `POST /api/v1/admin/users/:userId/move`: to another office, with positions there (and roles, when given); every session ends. */
export interface MoveUserRequest {
  officeId: string;
  positions: LaneRef[];
  roles?: Role[];
}

/** `GET /api/v1/admin/offices` and `/users` */
export interface OfficeWithLanes extends Office {
  lanes: LaneRef[];
}

/** `GET /api/v1/sops/:sopId/revisions/:revision` */
export interface RevisionResponse {
  document: unknown;
  contentHash: string;
}

/** `PUT /api/v1/sops/:sopId/revisions/:revision` */
export interface PublishRevisionRequest {
  /** The SOP document (schemas/sop.schema.json) with `revision.status: 'published'`. */
  document: unknown;
}

/** The server's record of a published revision: `201 { revision }` new, `200 { revision }` same content again. */
export interface PublishedRevision {
  sopId: string;
  revision: number;
  contentHash: string;
  title: string;
  publishedAt: string;
}

export interface CatalogueEntry {
  sopId: string;
  revision: number;
  contentHash: string;
  title: string;
  publishedAt: string;
  /** The actors of this SOP that the caller's office plays. */
  lanes: string[];
}

export interface PushCommand {
  command: CaseCommand;
  /** The published revision a `case.start` runs on (required for a start: the command itself names no SOP). */
  sop?: { sopId: string; revision: number };
  /** SHA-256 of every attachment the command refers to; each was PUT before the push. */
  attachments?: string[];
}

export interface PushRequest {
  deviceId: string;
  commands: PushCommand[];
}

export type PushResult =
  | { status: 'applied' | 'duplicate'; commandId: string; events: CaseEvent[] }
  | { status: 'stale'; commandId: string; events: CaseEvent[] }
  | { status: 'rejected'; commandId: string; rejection: { code: string; message: LocalizedText } };

export interface PushResponse {
  results: PushResult[];
}

/** Opaque to clients: the pair (transaction id, sequence) of the last event returned. */
export type PullCursor = string;

export interface PulledEvent {
  caseId: string;
  event: CaseEvent;
  sop: { sopId: string; revision: number };
}

/** A page never ends inside a command: all events of one command come in the same page (even past `limit`). */
export interface PullResponse {
  events: PulledEvent[];
  cursor: PullCursor;
  more: boolean;
}

/**
 * `GET /api/v1/sync/stream` (Server-Sent Events). `changed`: pull now (`{ cursor }`, null when notices may
 * have been missed). `signedOut`: the session ended while the stream was open (signed out, expired, the user
 * disabled or moved); the server closes the stream after it, and the client must sign in again. `catalogue`:
 * read `GET /catalogue` now (`CatalogueNotice`).
 */
export const STREAM_EVENT = { changed: 'changed', signedOut: 'signedOut', catalogue: 'catalogue' } as const;

/**
 * `event: catalogue`: the office's catalogue may have changed. `{ sopId, revision }`: a revision of an SOP the
 * office has a lane in was published. `{}`: notices may have been missed (the stream just opened, or the server's
 * LISTEN connection was made again).
 */
export interface CatalogueNotice {
  sopId?: string;
  revision?: number;
}

export interface StreamSignedOut {
  code: 'session.invalid';
  message: LocalizedText;
}

/**
 * `GET /api/v1/monev/:sopId?from&to&office&lane&revision`: the measures of the cases the office reads, with the
 * rows of `revision`'s steps (the latest revision when none is asked); times are ISO instants, office is its name.
 */
export interface MonevResponse {
  sopId: string;
  /** The revision whose steps make the rows. */
  revision: number;
  /** The working calendar's time zone the buckets are in. */
  timeZone: string;
  measures: MonevMeasures;
}

