/**
 * Schema v1 → v2 (docs/schema-v2.md, "Migration v1 → v2"). Everything v2 adds
 * is optional except two things v1 expressed differently: an end's outcome
 * (v1 knew only "done") and a row's condition (v1: a bare string).
 */
import { pointerOf } from '../validation/diagnostic';
import type { JsonObject, MigrationStep, NoteSink } from './types';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a note names a step: its printed number when it has one, else its id (like validation's stepName). */
function stepName(step: JsonObject, index: number): string {
  const number = typeof step.number === 'string' ? step.number.trim().replace(/\.$/, '') : '';
  if (number) return number;
  return typeof step.id === 'string' && step.id ? step.id : `#${index + 1}`;
}

/**
 * Copies `object` with `key` set to `value`, right after `after` when the
 * object has no `key` yet, so a migrated file reads in the usual order
 * (`kind`, then `outcome`) and its diff stays small.
 */
function withPropertyAfter(object: JsonObject, after: string, key: string, value: unknown): JsonObject {
  if (key in object || !(after in object)) return { ...object, [key]: value };
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(object)) {
    out[k] = v;
    if (k === after) out[key] = value;
  }
  return out;
}

function migrateStep(step: JsonObject, decisionTargets: ReadonlySet<string>, at: string, index: number, notes: NoteSink): JsonObject {
  let out = step;
  const name = stepName(step, index);
  if (step.kind === 'end' && !('outcome' in step)) {
    out = withPropertyAfter(out, 'kind', 'outcome', 'selesai');
    notes.changed(`${at}/kind`, {
      id: `Langkah akhir ${name} diberi hasil "selesai" (versi 1 hanya mengenal akhir yang selesai).`,
      en: `End step ${name} gets the outcome "selesai" (version 1 knew only ends that finish the case).`,
    });
  }
  if (typeof step.condition === 'string') {
    if (step.condition.trim() === '') {
      // An empty condition said nothing in v1; as a v2 asked condition it would make the clerk answer an empty question.
      const { condition: _empty, ...rest } = out;
      out = rest;
      notes.dropped(`${at}/condition`, {
        id: `Syarat langkah ${name} kosong dan dihapus.`,
        en: `The condition of step ${name} was empty and is removed.`,
      });
    } else {
      // A condition on a row a decision leads to names that decision's branch; any other one is a real
      // question only the clerk can answer, so the runtime asks it.
      const asked = !(typeof step.id === 'string' && decisionTargets.has(step.id));
      out = { ...out, condition: { text: step.condition, asked } };
      notes.changed(`${at}/condition`, asked
        ? {
            id: `Syarat langkah ${name} akan ditanyakan kepada petugas saat kasus berjalan (tidak ada keputusan yang mengarah ke langkah ini).`,
            en: `The condition of step ${name} will be asked of the clerk when a case runs (no decision leads to this step).`,
          }
        : {
            id: `Syarat langkah ${name} menjelaskan cabang keputusan yang mengarah ke langkah ini; tidak ditanyakan.`,
            en: `The condition of step ${name} explains the decision branch that leads to this step; it is not asked.`,
          });
    }
  }
  return out;
}

function migrateFlow(flow: JsonObject, at: string, notes: NoteSink): JsonObject {
  if (!Array.isArray(flow.steps)) return flow;
  const steps = flow.steps;
  const decisions = new Set(steps.filter((s) => isObject(s) && s.kind === 'decision' && typeof s.id === 'string').map((s) => (s as JsonObject).id as string));
  const decisionTargets = new Set<string>();
  if (Array.isArray(flow.edges)) {
    for (const edge of flow.edges) {
      if (isObject(edge) && typeof edge.from === 'string' && typeof edge.to === 'string' && decisions.has(edge.from)) decisionTargets.add(edge.to);
    }
  }
  let changed = false;
  const migrated = steps.map((step, s) => {
    if (!isObject(step)) return step;
    const next = migrateStep(step, decisionTargets, `${at}/steps/${s}`, s, notes);
    if (next !== step) changed = true;
    return next;
  });
  return changed ? { ...flow, steps: migrated } : flow;
}

// v1 wrote "" for "the document names no unit / has no number" (its schema required both); v2 says so by absence.
const EMPTY_MEANS_ABSENT = [
  { key: 'unit', id: 'Bidang/Seksi', en: 'Unit (Bidang/Seksi)' },
  { key: 'number', id: 'Nomor SOP', en: 'SOP number' },
] as const;

function migrateIdentity(identity: JsonObject, notes: NoteSink): JsonObject {
  let out = identity;
  for (const field of EMPTY_MEANS_ABSENT) {
    if (out[field.key] !== '') continue;
    const { [field.key]: _empty, ...rest } = out;
    out = rest;
    notes.changed(pointerOf('identity', field.key), {
      id: `${field.id} yang kosong ("") kini ditulis sebagai tidak ada: dokumen ini tidak punya baris itu.`,
      en: `The empty ${field.en} ("") is now written as absent: this document has no such row.`,
    });
  }
  return out;
}

const SCHEMA_V1_ID = 'https://sop-studio.go.id/schemas/sop/v1/sop.schema.json';
const SCHEMA_V2_ID = 'https://sop-studio.go.id/schemas/sop/v2/sop.schema.json';

export const v1ToV2: MigrationStep = {
  from: 1,
  to: 2,
  id: 'v1-to-v2',
  summary: {
    id: 'Skema versi 1 ke versi 2: hasil pada setiap langkah akhir, syarat baris menjadi {text, asked}, isian identitas kosong menjadi tidak ada.',
    en: 'Schema version 1 to version 2: an outcome on every end step, row conditions become {text, asked}, empty identity fields become absent.',
  },
  migrate(doc, notes) {
    const out: JsonObject = { ...doc, schemaVersion: 2 };
    notes.changed('/schemaVersion', { id: 'Versi skema 1 menjadi 2.', en: 'Schema version 1 becomes 2.' });
    // A relative `$schema` ("../schemas/sop.schema.json") follows the file; the published address names a version.
    if (doc.$schema === SCHEMA_V1_ID) {
      out.$schema = SCHEMA_V2_ID;
      notes.changed('/$schema', { id: 'Alamat skema diganti ke versi 2.', en: 'The schema address now names version 2.' });
    }
    if (isObject(doc.identity)) out.identity = migrateIdentity(doc.identity, notes);
    if (Array.isArray(doc.flows)) {
      out.flows = doc.flows.map((flow, f) => (isObject(flow) ? migrateFlow(flow, `/flows/${f}`, notes) : flow));
    }
    return out;
  },
};
