/**
 * Every monev measure over the facts of many cases (README.md states each
 * definition in words). One pass over the facts per query; durations come
 * precomputed from `caseFactsFromEvents(events, calendar)`, so a filter
 * change only aggregates.
 */
import type { CaseOutcome } from '../engine/types';
import type { WorkingCalendarConfig } from '../sla/calendar';
import { addDaysToDate, fromWallTime, toWallTime } from '../sla/zonedTime';
import { monthStartOf, weekStartOf, type CaseFacts, type VisitFacts } from './caseFacts';
import { encodeFacts, type FactsTable } from './factsTable';
import { borrowFloats, floatsLengthFor, FloatListArena, returnFloats, selectInPlace, type FloatList } from './floatList';
import type { MonevQuery } from './query';
import { caseMatchesAt, isLoopVisitAt, tableQuery, TableWorkingTime, visitMatchesAt, type TableQuery } from './tableQuery';
import type { MonevStepInfo } from './steps';

export const CASE_OUTCOMES: readonly CaseOutcome[] = ['selesai', 'ditolak', 'dirujuk', 'dibatalkan'];

/** Periods up to this many days are counted by week, longer ones by month. */
export const WEEKLY_PERIOD_MAX_DAYS = 92;
const DAY_MS = 86_400_000;
/** A period that would make more buckets than this is drawn over the cases' own range instead. */
const MAX_BUCKETS = 400;

export type OutcomeCounts = Record<CaseOutcome, number>;

export interface CaseCounts {
  started: number;
  /** Finished cases (status finished) by outcome; a case cancelled by a clerk is in `cancelled`, not here. */
  finished: OutcomeCounts;
  /** Cases sent back at least once (to a step or to the applicant). */
  returned: number;
  /** Cases cancelled by a clerk (case.cancel). */
  cancelled: number;
  /** Still open (or with the applicant). */
  open: number;
}

export interface CountBucket extends CaseCounts {
  /** Local 00:00 of the bucket's first day (a Monday, or the 1st of the month), epoch ms. */
  start: number;
  /** Local start of the next bucket. */
  end: number;
  /** "2026-01-05" (week starting that Monday) or "2026-01" (month). */
  label: string;
}

/** Summary of a set of working-minute values. Null statistics when there are none. */
export interface MinutesSummary {
  count: number;
  totalMinutes: number;
  median: number | null;
  p90: number | null;
}

export interface LeadTimeBin {
  /** Working minutes, [from, to); an open-ended last bin holds everything from `from` (to the longest, `to`). */
  from: number;
  to: number;
  openEnded?: true;
  count: number;
  /** Of these, finished within the case's standard. */
  within: number;
}

export interface LeadTime extends MinutesSummary {
  /** Finished cases that had a standard (a case due time). */
  withStandard: number;
  within: number;
  /** within / withStandard; null when no finished case had a standard. */
  shareWithin: number | null;
  bins: LeadTimeBin[];
}

/** A step's row (as `monevStepsOf` reads it) with what its visits measured. */
export interface StepMeasures extends Omit<MonevStepInfo, 'asked'> {
  /** False for a step the given steps do not list (a visit of another revision). */
  known: boolean;
  /** Visits counted (after the office and lane filters), however they ended. */
  visits: number;
  /** Visits completed with their work (skipped ones not included). */
  done: number;
  /** Cases with at least one counted visit. */
  cases: number;
  /** Working minutes activatedAt → endedAt of the completed visits. */
  duration: MinutesSummary;
  /** Completed visits that had a due time (work and limit steps). */
  withStandard: number;
  within: number;
  /** within / withStandard; null = no standard (no Waktu, a wait, or no dated visit), never 0%. */
  shareWithin: number | null;
  /** Sum over completed visits of working minutes past the due time. */
  overMinutes: number;
  /** A wait step: completed visits compared with when the wait was expected to be over. Null for other steps. */
  waiting: { compared: number; within: number; shareWithin: number | null } | null;
  loops: { cases: number; rate: number | null };
  returns: { count: number; toApplicant: number; rate: number | null; reasons: { reason: string; count: number }[] };
  skipped: { asked: number; skipped: number };
  /** Waiting for the sign-off chain: work done → last signature. */
  signWait: MinutesSummary;
  /** For a join step: the paths' wait there, first arrival → release. */
  joinWait: MinutesSummary;
}

export interface WaitPlaces {
  /** Paths waiting at joins for their siblings. */
  joins: MinutesSummary;
  /** Work done, waiting for paraf and signatures. */
  signatures: MinutesSummary;
  /** Visits of steps whose Waktu is a wait. */
  waitSteps: MinutesSummary;
  /** Returned to the applicant until the case resumed. */
  applicant: MinutesSummary;
}

export interface Bottleneck {
  stepId: string;
  row: number;
  hasStandard: boolean;
  overMinutes: number;
  /** Completed visits after their due time / those with one (1 − shareWithin); null without a standard. */
  shareLate: number | null;
  totalMinutes: number;
}

export interface MonevMeasures {
  query: MonevQuery;
  /** Cases matching the query. */
  cases: number;
  totals: CaseCounts;
  buckets: { unit: 'week' | 'month'; rows: CountBucket[] };
  leadTime: LeadTime;
  steps: StepMeasures[];
  waits: WaitPlaces;
  bottlenecks: Bottleneck[];
}

/** Nearest-rank rank (1-based) of percentile p among n values. */
const rankOf = (p: number, n: number) => Math.min(n, Math.max(1, Math.ceil(p * n)));

/** Nearest-rank percentile of ascending values: the ⌈p·n⌉-th smallest; null when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[rankOf(p, n) - 1]!;
}

export function summarizeMinutes(values: ArrayLike<number>): MinutesSummary {
  const n = values.length;
  if (n === 0) return { count: 0, totalMinutes: 0, median: null, p90: null };
  // Selection on a copy, not a sort: two ranks of 100,000s of values are all a summary needs. The copy is in a
  // pooled buffer (floatList.ts), filled natively by `set`.
  const buffer = borrowFloats(floatsLengthFor(n));
  try {
    const copy = buffer.subarray(0, n);
    copy.set(values);
    let total = 0;
    for (let i = 0; i < n; i++) total += copy[i]!;
    const p90Index = rankOf(0.9, n) - 1;
    const medianIndex = rankOf(0.5, n) - 1;
    const p90 = selectInPlace(copy, p90Index);
    // Everything left of the p90 is now at most it, so the median is selected among those alone.
    const median = medianIndex === p90Index ? p90 : selectInPlace(copy, medianIndex, 0, p90Index);
    return { count: n, totalMinutes: total, median, p90 };
  } finally {
    returnFloats(buffer);
  }
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function emptyCounts(): CaseCounts {
  return { started: 0, finished: { selesai: 0, ditolak: 0, dirujuk: 0, dibatalkan: 0 }, returned: 0, cancelled: 0, open: 0 };
}

function countCaseAt(counts: CaseCounts, table: FactsTable, i: number, q: TableQuery): void {
  const c = table.case;
  counts.started++;
  const status = c.status[i];
  if (status === q.code.finished) counts.finished[c.outcome[i]! >= 0 ? (table.strings[c.outcome[i]!] as CaseOutcome) : 'selesai']++;
  else if (status === q.code.cancelled) counts.cancelled++;
  else counts.open++;
  if (c.returnStart[i + 1]! > c.returnStart[i]!) counts.returned++;
}

const pad = (n: number) => String(n).padStart(2, '0');

function nextBucketStart(start: number, unit: 'week' | 'month', timeZone: string): number {
  const wall = toWallTime(start, timeZone);
  if (unit === 'week') {
    const next = addDaysToDate({ year: wall.year, month: wall.month, day: wall.day }, 7);
    return fromWallTime(timeZone, next.year, next.month, next.day);
  }
  return wall.month === 12 ? fromWallTime(timeZone, wall.year + 1, 1, 1) : fromWallTime(timeZone, wall.year, wall.month + 1, 1);
}

function bucketLabel(start: number, unit: 'week' | 'month', timeZone: string): string {
  const wall = toWallTime(start, timeZone);
  return unit === 'week' ? `${wall.year}-${pad(wall.month)}-${pad(wall.day)}` : `${wall.year}-${pad(wall.month)}`;
}

function bucketRows(first: number, last: number, unit: 'week' | 'month', timeZone: string): CountBucket[] | null {
  const rows: CountBucket[] = [];
  for (let start = first; start <= last; ) {
    const end = nextBucketStart(start, unit, timeZone);
    rows.push({ start, end, label: bucketLabel(start, unit, timeZone), ...emptyCounts() });
    if (rows.length > MAX_BUCKETS) return null;
    start = end;
  }
  return rows;
}

/** The longest lead time must exceed the 95th percentile by this factor before the tail gets a bin of its own. */
const TAIL_FACTOR = 2;

/** Bin width from the 1-2-5 series giving at most about 12 bins up to `max`. */
function binWidth(max: number): number {
  const rough = max / 12;
  if (!(rough > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= rough) return factor * magnitude;
  return 10 * magnitude;
}

interface StepAccumulator {
  measures: StepMeasures;
  durations: FloatList;
  signWaits: FloatList;
  joinWaits: FloatList;
  reasons: Map<string, number>;
  lastCase: number;
  lastLoopCase: number;
}

/** A step's row before any visit is counted: zero counts, null statistics. */
export function emptyStepMeasures(info: MonevStepInfo, known: boolean): StepMeasures {
  return {
    stepId: info.stepId,
    row: info.row,
    ...(info.number !== undefined ? { number: info.number } : {}),
    name: info.name,
    ...(info.actor !== undefined ? { actor: info.actor } : {}),
    waktu: info.waktu,
    measure: info.measure,
    hasStandard: info.hasStandard,
    known,
    visits: 0,
    done: 0,
    cases: 0,
    duration: { count: 0, totalMinutes: 0, median: null, p90: null },
    withStandard: 0,
    within: 0,
    shareWithin: null,
    overMinutes: 0,
    waiting: info.measure === 'wait' ? { compared: 0, within: 0, shareWithin: null } : null,
    loops: { cases: 0, rate: null },
    returns: { count: 0, toApplicant: 0, rate: null, reasons: [] },
    skipped: { asked: 0, skipped: 0 },
    signWait: { count: 0, totalMinutes: 0, median: null, p90: null },
    joinWait: { count: 0, totalMinutes: 0, median: null, p90: null },
  };
}

/** The row of a step that no given step lists (a visit of another revision), from its first counted visit. */
export function unknownStepInfo(visit: Pick<VisitFacts, 'stepId' | 'actor' | 'measure' | 'dueAt' | 'asked'>, row: number): MonevStepInfo {
  const { stepId, actor, measure } = visit;
  return { stepId, row, name: stepId, ...(actor ? { actor } : {}), waktu: '', measure, hasStandard: visit.dueAt !== undefined, asked: visit.asked === true };
}

/** The shares and rates of a step's row, from its counts (in place). */
export function settleStepShares(m: StepMeasures): void {
  m.shareWithin = m.measure === 'wait' ? null : share(m.within, m.withStandard);
  if (m.waiting) m.waiting.shareWithin = share(m.waiting.within, m.waiting.compared);
  m.loops.rate = share(m.loops.cases, m.cases);
  m.returns.rate = share(m.returns.count, m.visits);
}

/** Return reasons, most frequent first, then alphabetically. */
export function sortReasons(counts: Iterable<readonly [string, number]>): { reason: string; count: number }[] {
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** The known steps that get a row, in row order: with a lane filter, only that lane's. */
export function knownStepRows(steps: readonly MonevStepInfo[], query: MonevQuery): MonevStepInfo[] {
  const seen = new Set<string>();
  return [...steps]
    .sort((a, b) => a.row - b.row)
    .filter((info) => (query.lane === undefined || info.actor === query.lane) && !seen.has(info.stepId) && seen.add(info.stepId));
}

function stepAccumulator(info: MonevStepInfo, known: boolean, lists: FloatListArena): StepAccumulator {
  return {
    measures: emptyStepMeasures(info, known),
    durations: lists.list(),
    signWaits: lists.list(),
    joinWaits: lists.list(),
    reasons: new Map(),
    lastCase: -1,
    lastLoopCase: -1,
  };
}

/**
 * All measures for the cases matching `query`. `steps` are the SOP revision's
 * rows (`monevStepsOf`); `calendar` must be the one the facts were built with
 * (it is used only for what the facts did not precompute, and for buckets).
 */
export function monevMeasures(
  facts: readonly CaseFacts[],
  query: MonevQuery,
  calendar: WorkingCalendarConfig,
  steps: readonly MonevStepInfo[],
): MonevMeasures {
  return monevMeasuresOfTables([encodeFacts(facts)], query, calendar, steps);
}

/** The matched cases: for each, its table's position in `tables` and its row there. */
interface Matched {
  tables: readonly FactsTable[];
  queries: TableQuery[];
  table: FloatList;
  row: FloatList;
}

/**
 * `monevMeasures` over facts already in columns (factsTable.ts), the cases of
 * the tables taken in order as one list: what the dashboard calls on every
 * filter change, over 100,000 cases.
 */
export function monevMeasuresOfTables(
  tables: readonly FactsTable[],
  query: MonevQuery,
  calendar: WorkingCalendarConfig,
  steps: readonly MonevStepInfo[],
): MonevMeasures {
  const lists = new FloatListArena();
  try {
    return measureTables(lists, tables, query, calendar, steps);
  } finally {
    // The result holds only numbers: the lists' buffers go back for the next filter change.
    lists.release();
  }
}

function measureTables(
  lists: FloatListArena,
  tables: readonly FactsTable[],
  query: MonevQuery,
  calendar: WorkingCalendarConfig,
  steps: readonly MonevStepInfo[],
): MonevMeasures {
  const time = new TableWorkingTime(calendar);
  const timeZone = calendar.timeZone;
  const byStep = new Map<string, StepAccumulator>();
  for (const info of knownStepRows(steps, query)) byStep.set(info.stepId, stepAccumulator(info, true, lists));
  const knownSteps = new Map(steps.map((s) => [s.stepId, s]));
  let extraRow = steps.reduce((max, s) => Math.max(max, s.row), 0);
  // Join waits are given to their step's row once every visit is counted, so whether a row exists does not depend
  // on the order of the cases (a step of another revision gets a row from its first counted visit, in any case).
  const joinWaitsOfSteps: { stepId: string; minutes: number }[] = [];

  const matched: Matched = { tables, queries: [], table: lists.list(), row: lists.list() };
  const totals = emptyCounts();
  const leads = lists.list();
  const leadWithin = lists.list();
  let leadWithStandard = 0;
  let leadWithinCount = 0;
  const joinWaits = lists.list();
  const signWaits = lists.list();
  const waitSteps = lists.list();
  const applicantWaits = lists.list();
  const all = { waitSteps, signWaits };
  let minStart = Infinity;
  let maxStart = -Infinity;
  let c = -1;

  for (const [t, table] of tables.entries()) {
    const q = tableQuery(table, query);
    matched.queries.push(q);
    const { strings } = table;
    const cs = table.case;
    const v = table.visit;
    const r = table.return;
    const j = table.joinWait;
    // The accumulator of each step id code, looked up once per table (null: none, and none to make).
    const accOf: (StepAccumulator | null | undefined)[] = new Array(strings.length);
    const stepAcc = (code: number): StepAccumulator | null => {
      let acc = accOf[code];
      if (acc === undefined) acc = accOf[code] = byStep.get(strings[code]!) ?? null;
      return acc;
    };
    for (let i = 0; i < table.cases; i++) {
      c++;
      if (!caseMatchesAt(table, i, q)) continue;
      matched.table.push(t);
      matched.row.push(i);
      countCaseAt(totals, table, i, q);
      const startedAt = cs.startedAt[i]!;
      if (startedAt < minStart) minStart = startedAt;
      if (startedAt > maxStart) maxStart = startedAt;

      if (cs.status[i] === q.code.finished) {
        const closedAt = cs.closedAt[i]!;
        const lead = time.span(cs.leadMinutes[i]!, startedAt, closedAt);
        if (lead !== undefined) {
          const dueAt = cs.caseDueAt[i]!;
          const hasDue = dueAt === dueAt;
          const within = hasDue && closedAt === closedAt && closedAt <= dueAt;
          leads.push(lead);
          leadWithin.push(within ? 1 : 0);
          if (hasDue) {
            leadWithStandard++;
            if (within) leadWithinCount++;
          }
        }
      }

      const firstReturn = cs.returnStart[i]!;
      const returnCount = cs.returnStart[i + 1]! - firstReturn;
      for (let k = cs.visitStart[i]!; k < cs.visitStart[i + 1]!; k++) {
        if (!visitMatchesAt(table, k, q)) continue;
        let acc = stepAcc(v.stepId[k]!);
        if (!acc) {
          const stepId = strings[v.stepId[k]!]!;
          if (knownSteps.has(stepId)) continue; // a known step outside the lane filter
          const visit = {
            stepId,
            measure: strings[v.measure[k]!] as StepMeasures['measure'],
            ...(v.actor[k]! >= 0 ? { actor: strings[v.actor[k]!]! } : {}),
            ...(v.dueAt[k] === v.dueAt[k] ? { dueAt: v.dueAt[k]! } : {}),
            ...(v.asked[k] ? { asked: true as const } : {}),
          };
          acc = stepAccumulator(unknownStepInfo(visit, ++extraRow), false, lists);
          byStep.set(stepId, acc);
          accOf[v.stepId[k]!] = acc;
        }
        countVisitAt(acc, table, k, q, c, firstReturn, returnCount, time, all);
      }

      for (let k = cs.joinWaitStart[i]!; k < cs.joinWaitStart[i + 1]!; k++) {
        const minutes = time.span(j.minutes[k]!, j.firstArrivalAt[k]!, j.releasedAt[k]!);
        if (minutes !== undefined) joinWaitsOfSteps.push({ stepId: strings[j.stepId[k]!]!, minutes });
      }
      for (let k = firstReturn; k < firstReturn + returnCount; k++) {
        if (!r.toApplicant[k]) continue;
        const minutes = time.span(r.awayMinutes[k]!, r.at[k]!, r.resumedAt[k]!);
        if (minutes !== undefined) applicantWaits.push(minutes);
      }
    }
  }

  for (const { stepId, minutes } of joinWaitsOfSteps) {
    const acc = byStep.get(stepId);
    // With a lane filter, a join outside the lane's rows is not among the places its cases wait.
    if (query.lane !== undefined && !acc) continue;
    acc?.joinWaits.push(minutes);
    joinWaits.push(minutes);
  }

  const stepRows = [...byStep.values()].map((acc) => {
    const m = acc.measures;
    m.duration = summarizeMinutes(acc.durations.view());
    m.signWait = summarizeMinutes(acc.signWaits.view());
    m.joinWait = summarizeMinutes(acc.joinWaits.view());
    settleStepShares(m);
    m.returns.reasons = sortReasons(acc.reasons);
    return m;
  });

  return {
    query,
    cases: matched.row.length,
    totals,
    buckets: countBuckets(matched, query, timeZone, minStart, maxStart),
    leadTime: leadTimeOf(leads.view(), leadWithin.view(), leadWithStandard, leadWithinCount),
    steps: stepRows,
    waits: {
      joins: summarizeMinutes(joinWaits.view()),
      signatures: summarizeMinutes(signWaits.view()),
      waitSteps: summarizeMinutes(waitSteps.view()),
      applicant: summarizeMinutes(applicantWaits.view()),
    },
    bottlenecks: rankBottlenecks(stepRows),
  };
}

/**
 * Counts visit `k` of case number `c` into its step's accumulator, and its waits into the SOP-wide lists. Its own
 * function, so the engine inlines the list pushes into it (the case loop is too big to inline them).
 */
function countVisitAt(
  acc: StepAccumulator,
  table: FactsTable,
  k: number,
  q: TableQuery,
  c: number,
  firstReturn: number,
  returnCount: number,
  time: TableWorkingTime,
  all: { waitSteps: FloatList; signWaits: FloatList },
): void {
  const { strings } = table;
  const v = table.visit;
  const r = table.return;
  const m = acc.measures;
  m.visits++;
  if (acc.lastCase !== c) {
    acc.lastCase = c;
    m.cases++;
  }
  if (isLoopVisitAt(table, k, q) && acc.lastLoopCase !== c) {
    acc.lastLoopCase = c;
    m.loops.cases++;
  }
  if (v.asked[k]) m.skipped.asked++;
  const end = v.end[k];
  if (end === q.code.skipped) m.skipped.skipped++;
  if (end === q.code.returned) {
    m.returns.count++;
    const index = v.returnIndex[k]!;
    if (index >= 0 && index < returnCount) {
      if (r.toApplicant[firstReturn + index]) m.returns.toApplicant++;
      const reason = strings[r.reason[firstReturn + index]!]!;
      acc.reasons.set(reason, (acc.reasons.get(reason) ?? 0) + 1);
    }
  }
  if (end === q.code.done) {
    m.done++;
    const endedAt = v.endedAt[k]!;
    const minutes = time.span(v.minutes[k]!, v.activatedAt[k]!, endedAt);
    if (minutes !== undefined) acc.durations.push(minutes);
    const dueAt = v.dueAt[k]!;
    if (v.measure[k] === q.code.wait) {
      if (minutes !== undefined) all.waitSteps.push(minutes);
      const waitUntil = v.waitUntil[k]!;
      if (waitUntil === waitUntil && endedAt === endedAt && m.waiting) {
        m.waiting.compared++;
        if (endedAt <= waitUntil) m.waiting.within++;
      }
    } else if (dueAt === dueAt && endedAt === endedAt) {
      m.withStandard++;
      if (endedAt <= dueAt) m.within++;
      else m.overMinutes += time.span(v.overMinutes[k]!, dueAt, endedAt) ?? 0;
    }
    const workDoneAt = v.workDoneAt[k]!;
    const lastSignedAt = v.lastSignedAt[k]!;
    // As WorkingTime.signWait: only when the last signature came after the work.
    const signWait = v.signWaitMinutes[k] === v.signWaitMinutes[k] || lastSignedAt > workDoneAt ? time.span(v.signWaitMinutes[k]!, workDoneAt, lastSignedAt) : undefined;
    if (signWait !== undefined) {
      acc.signWaits.push(signWait);
      all.signWaits.push(signWait);
    }
  }
}

/**
 * The empty lead-time bins for lead times whose 95th percentile and longest are given, and the width of a bin:
 * a lead time v falls in bin min(bins.length − 1, ⌊v / width⌋).
 */
export function leadTimeBinFrame(p95: number, max: number): { width: number; bins: LeadTimeBin[] } {
  // A few cases that took months would squeeze every other case into the first bin: bins span up to the
  // 95th percentile, and what lies well beyond it shares one open-ended last bin.
  const tail = max > p95 * TAIL_FACTOR;
  const scale = tail ? p95 : max;
  const width = binWidth(scale);
  const count = Math.floor(scale / width) + 1;
  const bins: LeadTimeBin[] = [];
  for (let i = 0; i < count; i++) bins.push({ from: i * width, to: (i + 1) * width, count: 0, within: 0 });
  if (tail) bins.push({ from: count * width, to: max, count: 0, within: 0, openEnded: true });
  return { width, bins };
}

function leadTimeOf(leads: Float64Array, within: Float64Array, withStandard: number, withinCount: number): LeadTime {
  let max = 0;
  for (let i = 0; i < leads.length; i++) if (leads[i]! > max) max = leads[i]!;
  let bins: LeadTimeBin[] = [];
  if (leads.length > 0) {
    const frame = leadTimeBinFrame(selectInPlace(new Float64Array(leads), rankOf(0.95, leads.length) - 1), max);
    bins = frame.bins;
    for (let i = 0; i < leads.length; i++) {
      const bin = bins[Math.min(bins.length - 1, Math.floor(leads[i]! / frame.width))]!;
      bin.count++;
      if (within[i]) bin.within++;
    }
  }
  return { ...summarizeMinutes(leads), withStandard, within: withinCount, shareWithin: share(withinCount, withStandard), bins };
}

/**
 * The empty count buckets of a query whose matched cases started between `minStart` and `maxStart` (both
 * undefined when none matched): the unit, and one row per week or month of the period.
 */
export function countBucketFrame(query: MonevQuery, timeZone: string, minStart: number | undefined, maxStart: number | undefined): MonevMeasures['buckets'] {
  const from = query.from ?? minStart;
  const last = query.to !== undefined ? query.to - 1 : maxStart;
  const unit: 'week' | 'month' = from !== undefined && last !== undefined && last + 1 - from <= WEEKLY_PERIOD_MAX_DAYS * DAY_MS ? 'week' : 'month';
  if (from === undefined || last === undefined || last < from) return { unit, rows: [] };
  const startOf = unit === 'week' ? (at: number) => weekStartOf(at, timeZone) : (at: number) => monthStartOf(at, timeZone);
  let rows = bucketRows(startOf(from), startOf(last), unit, timeZone);
  if (!rows && minStart !== undefined && maxStart !== undefined) rows = bucketRows(startOf(minStart), startOf(maxStart), unit, timeZone);
  return { unit, rows: rows ?? [] };
}

function countBuckets(matched: Matched, query: MonevQuery, timeZone: string, minStart: number, maxStart: number): MonevMeasures['buckets'] {
  const haveCases = matched.row.length > 0;
  const { unit, rows } = countBucketFrame(query, timeZone, haveCases ? minStart : undefined, haveCases ? maxStart : undefined);
  if (rows.length === 0) return { unit, rows };
  const startOf = unit === 'week' ? (at: number) => weekStartOf(at, timeZone) : (at: number) => monthStartOf(at, timeZone);
  const index = new Map(rows.map((row, i) => [row.start, i]));
  const whichTable = matched.table.view();
  const whichRow = matched.row.view();
  for (let m = 0; m < whichRow.length; m++) {
    const table = matched.tables[whichTable[m]!]!;
    const q = matched.queries[whichTable[m]!]!;
    const i = whichRow[m]!;
    const c = table.case;
    const precomputed = unit === 'week' ? c.startedWeek[i]! : c.startedMonth[i]!;
    const start = precomputed === precomputed ? precomputed : startOf(c.startedAt[i]!);
    const row = index.get(start);
    if (row !== undefined) countCaseAt(rows[row]!, table, i, q);
  }
  return { unit, rows };
}

/**
 * Steps with a standard first, by working minutes over it (then by share late,
 * then row); then steps without one (no Waktu, or a wait), by total working minutes.
 */
export function rankBottlenecks(steps: readonly StepMeasures[]): Bottleneck[] {
  const rows = steps.map((s): Bottleneck => {
    const rated = s.measure !== 'wait' && s.withStandard > 0;
    return {
      stepId: s.stepId,
      row: s.row,
      hasStandard: rated,
      overMinutes: rated ? s.overMinutes : 0,
      shareLate: rated ? (s.withStandard - s.within) / s.withStandard : null,
      totalMinutes: s.duration.totalMinutes,
    };
  });
  return rows.sort((a, b) => {
    if (a.hasStandard !== b.hasStandard) return a.hasStandard ? -1 : 1;
    if (a.hasStandard) return b.overMinutes - a.overMinutes || (b.shareLate ?? 0) - (a.shareLate ?? 0) || a.row - b.row;
    return b.totalMinutes - a.totalMinutes || a.row - b.row;
  });
}
