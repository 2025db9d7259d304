/**
 * People on this device. Without a server, the clerk says who they are once
 * (name, NIP, office, the lanes they act as) and every case event records
 * that person. Several people may share a front-office computer, so a device
 * keeps several profiles and one of them is acting. With a server, the
 * signed-in account takes this place; the apps read the person through
 * `currentPerson()` only.
 */
import { v7 as uuidv7 } from 'uuid';
import { checkNip, checkPersonRef, laneKeyOf, type LaneRef, type PersonRef } from '../core/people';
import type { LocalizedText } from '../core/engine';
import { DEVICE_SCHEMA_VERSION, type DeviceDb, type ProfileRow } from './db';
import { DeviceStorageError, toDeviceError } from './errors';

const CURRENT_PROFILE = 'currentProfileId';
export const MAX_PROFILE_LANES = 2000;

export interface ProfileInput {
  id?: string;
  name: string;
  nip?: string;
  office?: string;
  lanes: readonly LaneRef[];
  /** May accept SOP revisions from case bundles into the catalogue (see ProfileRow.mayPublish). */
  mayPublish?: boolean;
}

export type ProfileProblems = Partial<Record<'name' | 'nip' | 'office' | 'lanes', LocalizedText>>;

/** Problems with what was typed, by field; empty when the profile can be saved. */
export function checkProfileInput(input: ProfileInput): ProfileProblems {
  const { id: _id, ...fromRef } = checkPersonRef({ id: input.id ?? 'new', name: input.name, office: input.office ?? '' });
  const problems: ProfileProblems = { ...fromRef };
  const nip = input.nip?.trim();
  if (nip) {
    const checked = checkNip(nip);
    if (!checked.ok) problems.nip = checked.problem;
  }
  if (input.lanes.length > MAX_PROFILE_LANES) {
    problems.lanes = { id: `Paling banyak ${MAX_PROFILE_LANES} lajur.`, en: `At most ${MAX_PROFILE_LANES} lanes.` };
  }
  return problems;
}

export function personOf(profile: ProfileRow): PersonRef {
  return {
    id: profile.id,
    name: profile.name,
    ...(profile.nip ? { nip: profile.nip } : {}),
    ...(profile.office ? { office: profile.office } : {}),
  };
}

/** Saves a profile (new when it has no id) and makes it the acting one. */
export async function saveProfile(db: DeviceDb, input: ProfileInput, now: () => Date = () => new Date()): Promise<ProfileRow> {
  const problems = checkProfileInput(input);
  if (Object.keys(problems).length > 0) {
    throw new DeviceStorageError(
      'profile.invalid',
      { id: 'Profil belum dapat disimpan; periksa isian yang ditandai.', en: 'The profile cannot be saved yet; check the marked fields.' },
      { details: problems as Record<string, LocalizedText> },
    );
  }
  const at = now().toISOString();
  const nip = input.nip ? checkNip(input.nip) : undefined;
  const lanes = dedupeLanes(input.lanes);
  try {
    return await db.transaction('rw', db.profiles, db.meta, async () => {
      const existing = input.id ? await db.profiles.get(input.id) : undefined;
      const profile: ProfileRow = {
        id: existing?.id ?? input.id ?? uuidv7(),
        schemaVersion: DEVICE_SCHEMA_VERSION,
        name: input.name.trim(),
        ...(nip?.ok ? { nip: nip.nip } : {}),
        ...(input.office?.trim() ? { office: input.office.trim() } : {}),
        lanes,
        ...(input.mayPublish ? { mayPublish: true } : {}),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      await db.profiles.put(profile);
      await db.meta.put({ key: CURRENT_PROFILE, value: profile.id });
      return profile;
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

function dedupeLanes(lanes: readonly LaneRef[]): LaneRef[] {
  const seen = new Map<string, LaneRef>();
  for (const lane of lanes) seen.set(laneKeyOf(lane), { sopId: lane.sopId, actorId: lane.actorId });
  return [...seen.values()];
}

export async function listProfiles(db: DeviceDb): Promise<ProfileRow[]> {
  return (await db.profiles.toArray()).sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? ''), 'id'));
}

/** The profile acting on this device, if anyone has said who they are. */
export async function currentProfile(db: DeviceDb): Promise<ProfileRow | undefined> {
  const id = (await db.meta.get(CURRENT_PROFILE))?.value;
  return typeof id === 'string' ? db.profiles.get(id) : undefined;
}

export async function switchProfile(db: DeviceDb, id: string | null): Promise<void> {
  try {
    if (id === null) await db.meta.delete(CURRENT_PROFILE);
    else await db.meta.put({ key: CURRENT_PROFILE, value: id });
  } catch (error) {
    throw toDeviceError(error);
  }
}

/** Removes a profile from this device; the events it signed keep its name. */
export async function deleteProfile(db: DeviceDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', db.profiles, db.meta, async () => {
      await db.profiles.delete(id);
      if ((await db.meta.get(CURRENT_PROFILE))?.value === id) await db.meta.delete(CURRENT_PROFILE);
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

/** Whether this profile may accept SOP revisions into the catalogue (the seam a server role replaces). */
export function mayPublish(profile: ProfileRow | null | undefined): boolean {
  return profile?.mayPublish === true;
}
