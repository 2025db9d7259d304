/**
 * Fixtures for the monev form stories and tests: the hand-timed cases of
 * core/monev/testing on their small SOP, as pure forms (prefilled from their
 * measures), and (monevFormsDb.ts) as a scratch database holding the SOP, the cases and the
 * test calendar. In those cases step 2 (Berkas lengkap?, 1 jam) runs late in
 * every finished visit, so its row is prefilled as not running well.
 */
import { actorLabel } from '../../core/engine';
import { caseFactsFromEvents, monevMeasures, monevStepsOf } from '../../core/monev';
import type { MonitoringForm, EvaluationForm } from '../../core/monev/forms';
import { caseA, caseB, caseC, caseD, monevSop, TEST_CALENDAR } from '../../core/monev/testing/monevFixtures';
import type { Lang } from '../../core/i18n';
import { newEvaluationForm, newMonitoringForm } from './formCreate';
import type { PersonRef } from '../../core/people';

/** The evaluator (the stories' clerk, STORY_PERSON; repeated so this module stays free of React for the unit tests). */
export const FORM_PERSON: PersonRef = { id: '0193b6c2-7a10-7000-8000-0000000000ff', name: 'Rina Operator', nip: '198505122010012003', office: 'Kantor Desa Kemiren' };
export const FORM_NOW = '2026-03-25T03:00:00.000Z';
export const MONEV_SOP_ID = 'monev-uji';

export function monevFixtureCases() {
  const sop = monevSop();
  return { sop, cases: [caseA(sop), caseB(sop), caseC(sop), caseD(sop)] };
}

/** The monitoring form the dashboard would make for the whole record of the four cases (no filters). */
export function monitoringFormFixture(lang: Lang = 'id', id = '0195c0de-0000-7000-8000-00000000f001'): MonitoringForm {
  const { sop, cases } = monevFixtureCases();
  const facts = cases.map((d) => caseFactsFromEvents(d.events, TEST_CALENDAR));
  const measures = monevMeasures(facts, {}, TEST_CALENDAR, monevStepsOf(sop));
  return newMonitoringForm({
    id,
    subject: { sopId: sop.id, revision: sop.revision.number, title: sop.identity.title!, number: sop.identity.number!, unit: sop.identity.office!, period: { from: '2026-03-16', to: '2026-03-23' } },
    measures,
    laneLabel: (actor) => (actor ? actorLabel(sop, actor) : '—'),
    calendar: TEST_CALENDAR,
    lang,
    now: FORM_NOW,
    person: FORM_PERSON,
  });
}

export function evaluationFormFixture(lang: Lang = 'id', id = '0195c0de-0000-7000-8000-00000000f002'): EvaluationForm {
  return newEvaluationForm({ id, monitoring: monitoringFormFixture(lang), calendar: TEST_CALENDAR, lang, now: FORM_NOW, person: FORM_PERSON });
}

/** The SOP's steps as the evaluation form's note picker lists them. */
export function noteStepsFixture() {
  return monevStepsOf(monevSop()).map((s) => ({ stepId: s.stepId, number: s.number ?? String(s.row), activity: s.name }));
}

