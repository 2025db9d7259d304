/**
 * Who sees a case (docs/sync-protocol.md "Who sees a case"): the offices that
 * hold it, and offices with a lane on the case's path whose region code covers
 * the case's. The same rule exists twice, once in TypeScript (deciding which
 * offices to grant a case to when a command moves it) and once as SQL (every
 * read filters by it); the tests run both on the same cases.
 */
import type { CaseState } from '../../core/engine';
import type { LaneRef } from '../../core/sync/protocol';
import { regionCovers } from '../accounts/regionCode';

export interface CaseScope {
  sopId: string;
  regionCode: string;
  holderOfficeIds: readonly string[];
  /** Actors of every step visited or active. */
  pathActors: readonly string[];
}

/** The lanes on a case's path: the actors of every visit, its work and its sign-off chain. */
export function pathActorsOf(state: CaseState): string[] {
  const actors = new Set<string>();
  for (const visit of state.visits) {
    for (const actor of visit.workActors) actors.add(actor);
    for (const slot of visit.chain) for (const actor of slot.actors) actors.add(actor);
  }
  return [...actors].sort();
}

export function officeMaySee(office: { id: string; regionCode: string; lanes: readonly LaneRef[] }, scope: CaseScope): boolean {
  if (scope.holderOfficeIds.includes(office.id)) return true;
  return regionCovers(office.regionCode, scope.regionCode) && office.lanes.some((l) => l.sopId === scope.sopId && scope.pathActors.includes(l.actorId));
}

/**
 * The rule as a SQL condition on the case row `c`, for the office whose id and
 * region code are the parameters named. Region codes are digits and dots, so
 * they cannot carry LIKE wildcards.
 */
export function officeMaySeeSql(officeIdParam: string, regionParam: string): string {
  return `(${officeIdParam}::uuid = ANY (c.holder_office_ids)
      OR ((c.region_code = ${regionParam}::text OR c.region_code LIKE ${regionParam}::text || '.%')
          AND EXISTS (SELECT 1 FROM office_lanes l
                       WHERE l.office_id = ${officeIdParam}::uuid AND l.sop_id = c.sop_id AND l.actor_id = ANY (c.path_actors))))`;
}

/**
 * Visible for reading and acting: the rule holds now, and the office was
 * granted the case (so its pull feed delivered the case whole when it came to see it).
 */
export function officeReadsCaseSql(officeIdParam: string, regionParam: string): string {
  return `(EXISTS (SELECT 1 FROM case_visibility v WHERE v.case_id = c.id AND v.office_id = ${officeIdParam}::uuid)
      AND ${officeMaySeeSql(officeIdParam, regionParam)})`;
}
