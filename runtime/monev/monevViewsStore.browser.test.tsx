// Views kept with the monev facts, in Chromium's IndexedDB: a kept view is given back only while the facts it
// was measured on are current, and the dashboard draws it before it reads the facts.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { allowedCommands } from '../../core/engine/testing/allowedCommands';
import type { CaseCommand, CaseState } from '../../core/engine';
import { monevMeasuresOfTables, monevStepsOf, officesOf, startRangeOf, type MonevQuery } from '../../core/monev';
import { workingCalendar, type WorkingCalendarConfig } from '../../core/sla';
import { I18nProvider } from '../../ui/i18n';
import { RuntimeDb } from '../storage/db';
import { commitCommand, getSopRevision, loadCalendar } from '../storage/repository';
import { sampleDoc } from '../storage/testing';
import { WithRuntime } from '../storyFixtures';
import { fillDemoDatabase } from './demoData';
import { currentMonevFactsId, loadStoredMonevFacts } from './monevFactsStore';
import { MonevPage } from './MonevPage';
import { keepMonevView, monevViewKey, MONEV_VIEWS_KEPT, readKeptMonevView, type MonevViewSummary } from './monevViewsStore';

const names: string[] = [];
let unmount: (() => Promise<void> | void) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function database(): RuntimeDb {
  const name = `sop-studio-monev-views-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  names.push(name);
  return new RuntimeDb(name);
}

const SOP = sampleDoc('bwi-spm-online');
const STEPS = monevStepsOf(SOP);

async function measuredView(db: RuntimeDb, calendar: WorkingCalendarConfig, query: MonevQuery = {}) {
  const facts = await loadStoredMonevFacts(db, SOP.id, calendar);
  const starts = startRangeOf(facts.tables);
  const view: MonevViewSummary = {
    measures: monevMeasuresOfTables(facts.tables, query, calendar, STEPS),
    offices: officesOf(facts.tables),
    ...(starts ? { starts } : {}),
    unreadable: facts.unreadable,
  };
  return { factsId: facts.factsId!, view, key: monevViewKey(SOP.id, query, STEPS, calendar) };
}

/** The view kept under `key` when it was measured on the current facts. */
async function currentView(db: RuntimeDb, calendar: WorkingCalendarConfig, key: string) {
  const kept = await readKeptMonevView(db, SOP.id, calendar, key);
  return kept && !kept.stale ? kept.view : undefined;
}

/** Cancels one open case, as a clerk would: the record changes after the facts were checked. */
async function cancelOneCase(db: RuntimeDb) {
  const doc = (await getSopRevision(db, `${SOP.id}@${SOP.revision.number}`))!.doc;
  const cancel = (state: CaseState) => allowedCommands(doc, state).find((c) => c.type === 'case.cancel');
  const row = (await db.cases.toArray()).find((r) => cancel(r.state))!;
  const input = cancel(row.state)!;
  const result = await commitCommand(db, { ...input, id: `cmd-${row.id}`, caseId: row.id, at: new Date().toISOString(), expectedRevision: row.revision } as CaseCommand);
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

describe('monev views kept with the facts (Chromium)', () => {
  it('gives a kept view back as current only while its facts are, and as stale after, under the calendar and query it was measured for', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    await fillDemoDatabase(db, [SOP], { seed: 21, total: 40, months: 2, now: Date.now() });
    const first = await measuredView(db, calendar);
    expect(await currentMonevFactsId(db, SOP.id, calendar)).toBe(first.factsId);
    await keepMonevView(db, SOP.id, first.key, first.factsId, first.view);
    expect(await readKeptMonevView(db, SOP.id, calendar, first.key)).toStrictEqual({ view: first.view, stale: false, savedAt: expect.any(Number) });

    // Another query, or another working calendar, is another view.
    const office = first.view.offices[0]!;
    expect(await readKeptMonevView(db, SOP.id, calendar, monevViewKey(SOP.id, { office }, STEPS, calendar))).toBeUndefined();
    const saturdays = workingCalendar({ ...calendar, week: calendar.week.map((day, i) => (i === 6 ? calendar.week[1]! : day)) });
    expect(await readKeptMonevView(db, SOP.id, saturdays, monevViewKey(SOP.id, {}, STEPS, saturdays))).toBeUndefined();

    // Opening again with nothing changed keeps the facts' id, so the view stays good.
    expect((await measuredView(db, calendar)).factsId).toBe(first.factsId);
    expect(await currentView(db, calendar, first.key)).toStrictEqual(first.view);

    // A clerk moves a case on: the kept view is given back only as stale (before and after the facts catch up),
    // until the view is measured anew on the new facts.
    await cancelOneCase(db);
    expect(await currentMonevFactsId(db, SOP.id, calendar)).toBeUndefined();
    expect(await readKeptMonevView(db, SOP.id, calendar, first.key)).toMatchObject({ view: first.view, stale: true });
    const after = await measuredView(db, calendar);
    expect(after.factsId).not.toBe(first.factsId);
    expect(await readKeptMonevView(db, SOP.id, calendar, first.key)).toMatchObject({ view: first.view, stale: true });
    expect(after.view.measures.totals.cancelled).toBe(first.view.measures.totals.cancelled + 1);
    await keepMonevView(db, SOP.id, after.key, after.factsId, after.view);
    expect(await currentView(db, calendar, first.key)).toStrictEqual(after.view);

    // A case deleted alone: the deletion's note makes every kept view stale at once.
    const gone = (await db.cases.toArray())[0]!.id;
    await db.transaction('rw', db.cases, db.events, db.monevFacts, async () => {
      await db.cases.delete(gone);
      await db.events.where('caseId').equals(gone).delete();
    });
    expect(await currentMonevFactsId(db, SOP.id, calendar)).toBeUndefined();
    expect(await readKeptMonevView(db, SOP.id, calendar, after.key)).toMatchObject({ stale: true });
    const shrunk = await measuredView(db, calendar);
    expect(shrunk.factsId).not.toBe(after.factsId);
    expect(shrunk.view.measures.cases).toBe(after.view.measures.cases - 1);
    expect(await currentView(db, calendar, first.key)).toBeUndefined();
  });

  it('keeps the most recently measured views, and one per view', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    await fillDemoDatabase(db, [SOP], { seed: 22, total: 10, months: 1, now: Date.now() });
    const { factsId, view } = await measuredView(db, calendar);
    const keys = Array.from({ length: MONEV_VIEWS_KEPT + 3 }, (_, i) => monevViewKey(SOP.id, { from: i * 86_400_000 }, STEPS, calendar));
    for (const key of keys) await keepMonevView(db, SOP.id, key, factsId, view);
    const kept = await Promise.all(keys.map((key) => readKeptMonevView(db, SOP.id, calendar, key)));
    expect(kept.map((v) => v !== undefined)).toEqual(keys.map((_, i) => i >= 3));
    // A view kept again (here as if measured on other facts) replaces its earlier self, and is the newest.
    await keepMonevView(db, SOP.id, keys[5]!, 'other-facts', view);
    expect(await readKeptMonevView(db, SOP.id, calendar, keys[5]!)).toMatchObject({ stale: true });
    expect(await db.monevFacts.where('sopId').equals(`${SOP.id}#views`).count()).toBe(MONEV_VIEWS_KEPT + 1); // and the index row
    // The facts' own reads never meet the views.
    expect((await loadStoredMonevFacts(db, SOP.id, calendar)).factsId).toBe(factsId);
  });

  it('draws a kept view before it reads the facts, then the same numbers from them; a stale one marked, then replaced', async () => {
    const db = database();
    await fillDemoDatabase(db, [SOP], { seed: 23, total: 60, months: 3, now: Date.now() });
    const mount = async () => {
      window.location.hash = `#/monev/${SOP.id}`;
      const screen = await render(
        <I18nProvider initialLang="id" persist={false}>
          <WithRuntime db={db}>
            <MonevPage sopId={SOP.id} query="" />
          </WithRuntime>
        </I18nProvider>,
      );
      unmount = screen.unmount;
      return screen;
    };
    /** Whether the first chart was in the page when the facts had been read (the page marks that moment). */
    const chartBeforeFacts = () =>
      new Promise<{ before: boolean; summary: string }>((resolve) => {
        const marks = new PerformanceObserver((list) => {
          if (!list.getEntriesByName('monev:facts-loaded').length) return;
          marks.disconnect();
          resolve({ before: chartAt !== undefined, summary: document.querySelector('.mv-summary')?.textContent ?? '' });
        });
        let chartAt: number | undefined;
        const dom = new MutationObserver(() => {
          if (chartAt === undefined && document.querySelector('.mv-grid svg')) chartAt = performance.now();
        });
        dom.observe(document.body, { childList: true, subtree: true });
        marks.observe({ type: 'mark' });
      });

    // The first open has no kept view: the facts are read (folded) first.
    let seen = chartBeforeFacts();
    let screen = await mount();
    expect((await seen).before).toBe(false);
    await expect.element(screen.getByRole('status').filter({ hasText: /kasus dimulai/ })).toBeVisible();
    const shown = document.querySelector('.mv-summary')!.textContent;
    const calendar = await loadCalendar(db);
    const defaultView = monevViewKey(SOP.id, {}, STEPS, calendar);
    await expect.poll(() => readKeptMonevView(db, SOP.id, calendar, defaultView).then((kept) => kept?.view.measures.cases)).toBeGreaterThan(0);
    await screen.unmount();

    // The next open draws the kept view while the facts are read, and the facts give the same summary.
    seen = chartBeforeFacts();
    screen = await mount();
    const second = await seen;
    expect(second.before).toBe(true);
    expect(second.summary).toBe(shown);
    await expect.poll(() => document.querySelector('.mv-summary')?.textContent).toBe(shown);
    expect(document.querySelector('.mv-page')!.hasAttribute('data-stale')).toBe(false);
    await screen.unmount();

    // More cases arrive: the next open draws the kept view marked as older numbers (no form is offered from them),
    // and then the current numbers, counting the new cases, replace it.
    expect((await fillDemoDatabase(db, [SOP], { seed: 24, total: 6, months: 1, now: Date.now() })).cases).toBeGreaterThan(0);
    const staleSeen = new Promise<{ summary: string; notice: string; form: boolean }>((resolve) => {
      const dom = new MutationObserver(() => {
        const page = document.querySelector('.mv-page[data-stale]');
        if (!page?.querySelector('.mv-grid svg')) return;
        dom.disconnect();
        resolve({
          summary: page.querySelector('.mv-summary')?.textContent ?? '',
          notice: page.querySelector('.mv-stale')?.textContent ?? '',
          form: [...page.querySelectorAll('button')].some((b) => /formulir monitoring/i.test(b.textContent ?? '')),
        });
      });
      dom.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    screen = await mount();
    const stale = await staleSeen;
    expect(stale.summary).toBe(shown);
    expect(stale.notice).toMatch(/Angka per .+ dari kunjungan sebelumnya/);
    expect(stale.form).toBe(false);
    await expect.poll(() => document.querySelector('.mv-page')?.hasAttribute('data-stale')).toBe(false);
    expect(document.querySelector('.mv-summary')!.textContent).not.toBe(shown);
    expect(document.querySelector('.mv-stale')).toBeNull();
    await expect.element(screen.getByRole('button', { name: /formulir monitoring/i })).toBeVisible();
  });
});
