/** A scratch database for the monev form stories and browser tests (see monevFormFixtures.ts). */
import { TEST_CALENDAR } from '../../core/monev/testing/monevFixtures';
import type { RuntimeDb } from '../storage/db';
import { caseRowOf, saveCalendar, storeSopRevision } from '../storage/repository';
import { scratchDb } from '../storage/testing';
import { saveMonevForm } from './formStore';
import { evaluationFormFixture, monevFixtureCases, monitoringFormFixture } from './monevFormFixtures';

/** A scratch database with the SOP, its four cases and the test calendar; with `forms`, the two forms above saved in it. */
export async function monevFormsDb(options: { forms?: boolean } = {}): Promise<RuntimeDb> {
  const db = scratchDb('monev-forms');
  const { sop, cases } = monevFixtureCases();
  await storeSopRevision(db, sop);
  await saveCalendar(db, TEST_CALENDAR);
  for (const d of cases) {
    await db.cases.put(caseRowOf(sop, d.current));
    // The driver numbers its commands per case (cmd-1, cmd-2…): the rows are keyed by case too, as real ids never clash.
    await db.events.bulkPut(d.events.map((event) => ({ id: `${event.caseId}/${event.id}`, caseId: event.caseId, revision: event.revision, commandId: event.commandId, event })));
  }
  if (options.forms) {
    await saveMonevForm(db, monitoringFormFixture());
    await saveMonevForm(db, evaluationFormFixture());
  }
  return db;
}
