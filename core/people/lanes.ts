/**
 * The lanes a person may act as. A lane is an actor of one SOP: actors are
 * never merged by label across SOPs (the same role is spelled many ways, and
 * "Kasi" of one Dinas is not "Kasi" of another). For choosing, lanes are
 * grouped by the organisation they belong to: an organisation lane (Desa,
 * Kecamatan, Dinas Kesehatan) under its own name, an internal role under the
 * agency that wrote the SOP, the applicant and systems in groups of their own.
 */
import type { Actor, SopDocument } from '../../schemas/generated/sop.types';

export interface LaneRef {
  sopId: string;
  actorId: string;
}

export const laneKeyOf = (lane: LaneRef): string => `${lane.sopId}|${lane.actorId}`;

export interface LaneOption extends LaneRef {
  key: string;
  /** The lane header as the SOP writes it. */
  label: string;
  kind: Actor['kind'];
  sopTitle: string;
  sopNumber: string;
}

export interface LaneGroup {
  key: string;
  /** The organisation's name as first written; for citizens and systems, undefined (the UI names the group). */
  label: string;
  kind: 'organisation' | 'agency' | 'citizen' | 'system';
  lanes: LaneOption[];
}

/** Case, spacing and punctuation do not make two organisations different for grouping. */
export function organisationKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function groupOf(actor: Actor, doc: SopDocument): Pick<LaneGroup, 'key' | 'label' | 'kind'> {
  switch (actor.kind) {
    case 'organisation':
      return { key: `org:${organisationKey(actor.label)}`, label: actor.label, kind: 'organisation' };
    case 'citizen':
      return { key: 'citizen', label: '', kind: 'citizen' };
    case 'system':
      return { key: 'system', label: '', kind: 'system' };
    default: {
      const agency = doc.identity?.office?.trim() || doc.identity?.unit?.trim() || doc.identity?.government?.trim() || '';
      return { key: `org:${organisationKey(agency)}`, label: agency, kind: 'agency' };
    }
  }
}

const GROUP_ORDER: Record<LaneGroup['kind'], number> = { agency: 0, organisation: 0, citizen: 1, system: 2 };

/** Every lane of the given SOPs (one revision each), grouped by organisation and sorted by name. */
export function laneGroupsOf(docs: readonly SopDocument[]): LaneGroup[] {
  const groups = new Map<string, LaneGroup>();
  for (const doc of docs) {
    const inLanes = new Set((doc.flows ?? []).flatMap((flow) => flow.lanes ?? []));
    for (const actor of doc.actors ?? []) {
      if (!inLanes.has(actor.id)) continue;
      const group = groupOf(actor, doc);
      let entry = groups.get(group.key);
      if (!entry) groups.set(group.key, (entry = { ...group, lanes: [] }));
      const lane: LaneRef = { sopId: doc.id, actorId: actor.id };
      entry.lanes.push({
        ...lane,
        key: laneKeyOf(lane),
        label: actor.label,
        kind: actor.kind,
        sopTitle: doc.identity?.title ?? doc.id,
        sopNumber: doc.identity?.number ?? '',
      });
    }
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'id', { sensitivity: 'base' });
  for (const group of groups.values()) group.lanes.sort((a, b) => byName(a.label, b.label) || byName(a.sopTitle, b.sopTitle));
  return [...groups.values()].sort((a, b) => GROUP_ORDER[a.kind] - GROUP_ORDER[b.kind] || byName(a.label, b.label));
}

/** The groups with only the lanes whose label, SOP title or organisation contains every word of the query. */
export function filterLaneGroups(groups: readonly LaneGroup[], query: string, groupName: (group: LaneGroup) => string = (g) => g.label): LaneGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((group) => {
      const name = groupName(group).toLowerCase();
      return {
        ...group,
        lanes: group.lanes.filter((lane) => {
          const text = `${lane.label} ${lane.sopTitle} ${lane.sopNumber} ${name}`.toLowerCase();
          return words.every((w) => text.includes(w));
        }),
      };
    })
    .filter((group) => group.lanes.length > 0);
}
