/**
 * Measures for the monev stories: two months of generated Banyuwangi SPM
 * cases (the demo generator, a fixed seed and clock), so stories show the
 * shapes real data has: a chronically slow step, returns, loops, cancellations.
 */
import { caseFactsFromEvents, monevMeasures, monevStepsOf, type CaseFacts, type MonevMeasures, type MonevQuery } from '../../core/monev';
import { generateDemoCases } from '../../core/monev/demo/generateDemoCases';
import { DEFAULT_WORKING_CALENDAR } from '../../core/sla';
import { sampleDoc } from '../storage/testing';

export const STORY_CALENDAR = DEFAULT_WORKING_CALENDAR;
export const storySop = sampleDoc('bwi-spm-online');

let cached: CaseFacts[] | undefined;

export function storyFacts(): CaseFacts[] {
  cached ??= [...generateDemoCases(storySop, { seed: 42, months: 2, casesPerWorkingDay: 3, now: Date.parse('2025-06-03T02:00:00.000Z') })].map((c) =>
    caseFactsFromEvents(c.events, STORY_CALENDAR, { applicantName: String(c.state.fields['nama'] ?? '') }),
  );
  return cached;
}

export function storyMeasures(query: MonevQuery = {}): MonevMeasures {
  return monevMeasures(storyFacts(), query, STORY_CALENDAR, monevStepsOf(storySop));
}
