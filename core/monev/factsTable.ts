/**
 * Many cases' facts as columns: typed arrays plus one string table, instead
 * of a million small objects. Why:
 * - the measures walk 100,000 cases (a million visits) on every filter change;
 *   plain numbers in typed arrays are several times faster to scan than
 *   objects of many shapes, and make no garbage;
 * - a table is a handful of ArrayBuffers, so IndexedDB stores and reads it
 *   (structured clone) in one copy, where the same facts as objects take
 *   seconds to clone.
 *
 * The encoding is lossless: `decodeCase` gives back the case exactly as
 * `caseFactsFromEvents` made it (same fields present). An absent number is
 * NaN, an absent string -1, and an absent flag 0; enum-like strings (status,
 * visit end, via, measure) are in the string table like any other string, so
 * a value this version does not know survives the round trip too.
 */
import type { CaseFacts, JoinWaitFacts, ReturnFacts, VisitFacts } from './caseFacts';

/** Integers (string codes, offsets, flags): Int32Array as encoded, the narrowest integer array when unpacked from storage (factsPacking.ts). */
export type IntColumn = Int32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;
/** Numbers, NaN for absent: Float64Array as encoded; when unpacked, an IntColumn if all are integers, a Float32Array if all are NaN. */
export type NumberColumn = Float64Array | Float32Array | IntColumn;

export interface FactsTable {
  /** Every string of the facts, once; columns hold indexes into it. */
  strings: string[];
  cases: number;
  visits: number;
  returns: number;
  joinWaits: number;
  case: {
    caseId: IntColumn;
    caseNumber: IntColumn;
    applicantName: IntColumn;
    sopId: IntColumn;
    sopRevision: NumberColumn;
    flowId: IntColumn;
    contentHash: IntColumn;
    startedAt: NumberColumn;
    closedAt: NumberColumn;
    status: IntColumn;
    outcome: IntColumn;
    caseDueAt: NumberColumn;
    leadMinutes: NumberColumn;
    startedWeek: NumberColumn;
    startedMonth: NumberColumn;
    /** Case i's offices are `offices[officeStart[i] .. officeStart[i+1])`; likewise lanes, visits, returns, join waits. */
    officeStart: IntColumn;
    offices: IntColumn;
    laneStart: IntColumn;
    lanes: IntColumn;
    visitStart: IntColumn;
    returnStart: IntColumn;
    joinWaitStart: IntColumn;
  };
  visit: {
    stepId: IntColumn;
    visitNo: NumberColumn;
    via: IntColumn;
    actor: IntColumn;
    office: IntColumn;
    personId: IntColumn;
    personName: IntColumn;
    activatedAt: NumberColumn;
    endedAt: NumberColumn;
    end: IntColumn;
    dueAt: NumberColumn;
    measure: IntColumn;
    waitUntil: NumberColumn;
    asked: IntColumn;
    branch: IntColumn;
    workDoneAt: NumberColumn;
    lastSignedAt: NumberColumn;
    /** Index into the case's own returns (as `VisitFacts.returnIndex`), -1 when absent. */
    returnIndex: IntColumn;
    minutes: NumberColumn;
    overMinutes: NumberColumn;
    signWaitMinutes: NumberColumn;
  };
  return: {
    at: NumberColumn;
    fromStart: IntColumn;
    fromStepIds: IntColumn;
    toStepId: IntColumn;
    toApplicant: IntColumn;
    reason: IntColumn;
    missingStart: IntColumn;
    missing: IntColumn;
    office: IntColumn;
    resumedAt: NumberColumn;
    awayMinutes: NumberColumn;
  };
  joinWait: {
    stepId: IntColumn;
    forkId: IntColumn;
    firstArrivalAt: NumberColumn;
    releasedAt: NumberColumn;
    minutes: NumberColumn;
  };
}

/** Grows one column while encoding; `done` trims it to its length. */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const ints = () => new Column(new Int32Array(0), (n) => new Int32Array(n));
const floats = () => new Column(new Float64Array(0), (n) => new Float64Array(n));
const flags = () => new Column(new Uint8Array(0), (n) => new Uint8Array(n));

/** The columns being encoded: always the widest arrays (Int32, Float64, Uint8 flags). */
type Columns<T> = { [K in keyof T]: Column<Int32Array | Float64Array | Uint8Array> };

function columns<T>(kinds: { [K in keyof T]: ColumnKind }): Columns<T> {
  const out = {} as Record<string, unknown>;
  for (const [name, kind] of Object.entries(kinds)) out[name] = kind === 'i' ? ints() : kind === 'f' ? floats() : flags();
  return out as Columns<T>;
}

function finish<T>(cols: Columns<T>): T {
  const out = {} as Record<string, unknown>;
  for (const [name, column] of Object.entries(cols)) out[name] = (column as Column<Int32Array>).done();
  return out as T;
}

/** A column's type: Int32Array ('i'), Float64Array ('f') or Uint8Array flags ('b'). */
export type ColumnKind = 'i' | 'f' | 'b';

/** Every column of a FactsTable and its type: what encoding makes, and what unpacking (factsPacking.ts) restores. */
export const FACTS_COLUMN_KINDS = {
  case: {
    caseId: 'i', caseNumber: 'i', applicantName: 'i', sopId: 'i', sopRevision: 'f', flowId: 'i', contentHash: 'i',
    startedAt: 'f', closedAt: 'f', status: 'i', outcome: 'i', caseDueAt: 'f', leadMinutes: 'f', startedWeek: 'f', startedMonth: 'f',
    officeStart: 'i', offices: 'i', laneStart: 'i', lanes: 'i', visitStart: 'i', returnStart: 'i', joinWaitStart: 'i',
  },
  visit: {
    stepId: 'i', visitNo: 'f', via: 'i', actor: 'i', office: 'i', personId: 'i', personName: 'i', activatedAt: 'f', endedAt: 'f',
    end: 'i', dueAt: 'f', measure: 'i', waitUntil: 'f', asked: 'b', branch: 'i', workDoneAt: 'f', lastSignedAt: 'f', returnIndex: 'i',
    minutes: 'f', overMinutes: 'f', signWaitMinutes: 'f',
  },
  return: {
    at: 'f', fromStart: 'i', fromStepIds: 'i', toStepId: 'i', toApplicant: 'b', reason: 'i', missingStart: 'i', missing: 'i',
    office: 'i', resumedAt: 'f', awayMinutes: 'f',
  },
  joinWait: { stepId: 'i', forkId: 'i', firstArrivalAt: 'f', releasedAt: 'f', minutes: 'f' },
} as const satisfies { [G in 'case' | 'visit' | 'return' | 'joinWait']: { [K in keyof FactsTable[G]]: ColumnKind } };

export function encodeFacts(facts: readonly CaseFacts[]): FactsTable {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const str = (value: string | undefined): number => {
    if (value === undefined) return -1;
    let i = index.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      index.set(value, i);
    }
    return i;
  };
  const num = (value: number | undefined): number => (value === undefined ? NaN : value);

  const c = columns<FactsTable['case']>(FACTS_COLUMN_KINDS.case);
  const v = columns<FactsTable['visit']>(FACTS_COLUMN_KINDS.visit);
  const r = columns<FactsTable['return']>(FACTS_COLUMN_KINDS.return);
  const j = columns<FactsTable['joinWait']>(FACTS_COLUMN_KINDS.joinWait);

  for (const f of facts) {
    c.caseId.push(str(f.caseId));
    c.caseNumber.push(str(f.caseNumber));
    c.applicantName.push(str(f.applicantName));
    c.sopId.push(str(f.sop.sopId));
    c.sopRevision.push(f.sop.revision);
    c.flowId.push(str(f.sop.flowId));
    c.contentHash.push(str(f.sop.contentHash));
    c.startedAt.push(f.startedAt);
    c.closedAt.push(num(f.closedAt));
    c.status.push(str(f.status));
    c.outcome.push(str(f.outcome));
    c.caseDueAt.push(num(f.caseDueAt));
    c.leadMinutes.push(num(f.leadMinutes));
    c.startedWeek.push(num(f.startedWeek));
    c.startedMonth.push(num(f.startedMonth));
    c.officeStart.push(c.offices.length);
    for (const office of f.offices) c.offices.push(str(office));
    c.laneStart.push(c.lanes.length);
    for (const lane of f.lanes) c.lanes.push(str(lane));
    c.visitStart.push(v.stepId.length);
    for (const visit of f.visits) {
      v.stepId.push(str(visit.stepId));
      v.visitNo.push(visit.visitNo);
      v.via.push(str(visit.via));
      v.actor.push(str(visit.actor));
      v.office.push(str(visit.office));
      v.personId.push(str(visit.personId));
      v.personName.push(str(visit.personName));
      v.activatedAt.push(visit.activatedAt);
      v.endedAt.push(num(visit.endedAt));
      v.end.push(str(visit.end));
      v.dueAt.push(num(visit.dueAt));
      v.measure.push(str(visit.measure));
      v.waitUntil.push(num(visit.waitUntil));
      v.asked.push(visit.asked ? 1 : 0);
      v.branch.push(str(visit.branch));
      v.workDoneAt.push(num(visit.workDoneAt));
      v.lastSignedAt.push(num(visit.lastSignedAt));
      v.returnIndex.push(visit.returnIndex ?? -1);
      v.minutes.push(num(visit.minutes));
      v.overMinutes.push(num(visit.overMinutes));
      v.signWaitMinutes.push(num(visit.signWaitMinutes));
    }
    c.returnStart.push(r.at.length);
    for (const ret of f.returns) {
      r.at.push(ret.at);
      r.fromStart.push(r.fromStepIds.length);
      for (const id of ret.fromStepIds) r.fromStepIds.push(str(id));
      r.toStepId.push(str(ret.toStepId));
      r.toApplicant.push(ret.toApplicant ? 1 : 0);
      r.reason.push(str(ret.reason));
      r.missingStart.push(r.missing.length);
      for (const item of ret.missing) r.missing.push(str(item));
      r.office.push(str(ret.office));
      r.resumedAt.push(num(ret.resumedAt));
      r.awayMinutes.push(num(ret.awayMinutes));
    }
    c.joinWaitStart.push(j.stepId.length);
    for (const wait of f.joinWaits) {
      j.stepId.push(str(wait.stepId));
      j.forkId.push(str(wait.forkId));
      j.firstArrivalAt.push(wait.firstArrivalAt);
      j.releasedAt.push(num(wait.releasedAt));
      j.minutes.push(num(wait.minutes));
    }
  }
  // One closing offset each, so item k of case i ends where case i+1's begin.
  c.officeStart.push(c.offices.length);
  c.laneStart.push(c.lanes.length);
  c.visitStart.push(v.stepId.length);
  c.returnStart.push(r.at.length);
  c.joinWaitStart.push(j.stepId.length);
  r.fromStart.push(r.fromStepIds.length);
  r.missingStart.push(r.missing.length);

  return {
    strings,
    cases: facts.length,
    visits: v.stepId.length,
    returns: r.at.length,
    joinWaits: j.stepId.length,
    case: finish(c),
    visit: finish(v),
    return: finish(r),
    joinWait: finish(j),
  };
}

/** The string table's index of `value`, or -2 (never a column value) when the table has no such string. */
export function codeOf(table: FactsTable, value: string): number {
  const i = table.strings.indexOf(value);
  return i < 0 ? -2 : i;
}

function decoder(table: FactsTable) {
  const s = table.strings;
  return {
    str: (i: number): string | undefined => (i < 0 ? undefined : s[i]),
    list: (start: IntColumn, items: IntColumn, i: number): string[] => {
      const out: string[] = [];
      for (let k = start[i]!; k < start[i + 1]!; k++) out.push(s[items[k]!]!);
      return out;
    },
  };
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? {} : { [key]: value }) as { [P in K]?: V };

/** Case `i` of the table, exactly as it was encoded. */
export function decodeCase(table: FactsTable, i: number): CaseFacts {
  const { str, list } = decoder(table);
  const c = table.case;
  const v = table.visit;
  const visits: VisitFacts[] = [];
  for (let k = c.visitStart[i]!; k < c.visitStart[i + 1]!; k++) {
    visits.push({
      stepId: str(v.stepId[k]!)!,
      visitNo: v.visitNo[k]!,
      via: str(v.via[k]!) as VisitFacts['via'],
      ...opt('actor', str(v.actor[k]!)),
      ...opt('office', str(v.office[k]!)),
      ...opt('personId', str(v.personId[k]!)),
      ...opt('personName', str(v.personName[k]!)),
      activatedAt: v.activatedAt[k]!,
      ...opt('endedAt', v.endedAt[k]),
      end: str(v.end[k]!) as VisitFacts['end'],
      ...opt('dueAt', v.dueAt[k]),
      measure: str(v.measure[k]!) as VisitFacts['measure'],
      ...opt('waitUntil', v.waitUntil[k]),
      ...(v.asked[k] ? { asked: true as const } : {}),
      ...opt('branch', str(v.branch[k]!)),
      ...opt('workDoneAt', v.workDoneAt[k]),
      ...opt('lastSignedAt', v.lastSignedAt[k]),
      ...(v.returnIndex[k]! >= 0 ? { returnIndex: v.returnIndex[k]! } : {}),
      ...opt('minutes', v.minutes[k]),
      ...opt('overMinutes', v.overMinutes[k]),
      ...opt('signWaitMinutes', v.signWaitMinutes[k]),
    });
  }
  const r = table.return;
  const returns: ReturnFacts[] = [];
  for (let k = c.returnStart[i]!; k < c.returnStart[i + 1]!; k++) {
    returns.push({
      at: r.at[k]!,
      fromStepIds: list(r.fromStart, r.fromStepIds, k),
      ...opt('toStepId', str(r.toStepId[k]!)),
      ...(r.toApplicant[k] ? { toApplicant: true as const } : {}),
      reason: str(r.reason[k]!)!,
      missing: list(r.missingStart, r.missing, k),
      ...opt('office', str(r.office[k]!)),
      ...opt('resumedAt', r.resumedAt[k]),
      ...opt('awayMinutes', r.awayMinutes[k]),
    });
  }
  const j = table.joinWait;
  const joinWaits: JoinWaitFacts[] = [];
  for (let k = c.joinWaitStart[i]!; k < c.joinWaitStart[i + 1]!; k++) {
    joinWaits.push({
      stepId: str(j.stepId[k]!)!,
      forkId: str(j.forkId[k]!)!,
      firstArrivalAt: j.firstArrivalAt[k]!,
      ...opt('releasedAt', j.releasedAt[k]),
      ...opt('minutes', j.minutes[k]),
    });
  }
  return {
    caseId: str(c.caseId[i]!)!,
    ...opt('caseNumber', str(c.caseNumber[i]!)),
    ...opt('applicantName', str(c.applicantName[i]!)),
    sop: { sopId: str(c.sopId[i]!)!, revision: c.sopRevision[i]!, flowId: str(c.flowId[i]!)!, contentHash: str(c.contentHash[i]!)! },
    startedAt: c.startedAt[i]!,
    ...opt('closedAt', c.closedAt[i]),
    status: str(c.status[i]!) as CaseFacts['status'],
    ...opt('outcome', str(c.outcome[i]!) as CaseFacts['outcome']),
    ...opt('caseDueAt', c.caseDueAt[i]),
    offices: list(c.officeStart, c.offices, i),
    lanes: list(c.laneStart, c.lanes, i),
    visits,
    returns,
    joinWaits,
    ...opt('leadMinutes', c.leadMinutes[i]),
    ...opt('startedWeek', c.startedWeek[i]),
    ...opt('startedMonth', c.startedMonth[i]),
  };
}

export function decodeFacts(table: FactsTable): CaseFacts[] {
  const out: CaseFacts[] = [];
  for (let i = 0; i < table.cases; i++) out.push(decodeCase(table, i));
  return out;
}

/** Every office any case of the tables was touched by, sorted. */
export function officesOf(tables: readonly FactsTable[]): string[] {
  const offices = new Set<string>();
  for (const table of tables) for (const code of table.case.offices) offices.add(table.strings[code]!);
  return [...offices].sort();
}

/** The earliest and the latest case start of the tables; undefined when they hold no case. */
export function startRangeOf(tables: readonly FactsTable[]): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const table of tables) {
    for (const at of table.case.startedAt) {
      if (at < first) first = at;
      if (at > last) last = at;
    }
  }
  return first <= last ? { first, last } : undefined;
}
