/**
 * Monitoring and evaluation (monev) of SOP practice: the one written
 * definition of every measure, as pure functions over case events
 * (README.md). The dashboard, the exports and the server all use these.
 */
export {
  caseFactsFromEvents,
  monthStartOf,
  weekStartOf,
  type CaseFacts,
  type CaseFactsOptions,
  type JoinWaitFacts,
  type ReturnFacts,
  type VisitEnd,
  type VisitFacts,
} from './caseFacts';
export { caseMatches, isLateVisit, isLoopVisit, visitMatches, WorkingTime, type MonevQuery } from './query';
export { monevStepInfo, monevStepsOf, type MonevStepInfo } from './steps';
export {
  CASE_OUTCOMES,
  WEEKLY_PERIOD_MAX_DAYS,
  countBucketFrame,
  emptyCounts,
  emptyStepMeasures,
  knownStepRows,
  leadTimeBinFrame,
  monevMeasures,
  monevMeasuresOfTables,
  percentile,
  rankBottlenecks,
  settleStepShares,
  share,
  sortReasons,
  summarizeMinutes,
  unknownStepInfo,
  type Bottleneck,
  type CaseCounts,
  type CountBucket,
  type LeadTime,
  type LeadTimeBin,
  type MinutesSummary,
  type MonevMeasures,
  type OutcomeCounts,
  type StepMeasures,
  type WaitPlaces,
} from './measures';
export { casesOfStep, factsOfStep, type DrillDownKind, type DrillDownRow, type DrillDownVisit } from './drillDown';
export { decodeCase, decodeFacts, encodeFacts, officesOf, startRangeOf, type FactsTable } from './factsTable';
