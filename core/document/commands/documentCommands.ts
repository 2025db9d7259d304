/** Commands on the document as a whole and on its identity page. */
import type { Columns, HeaderBlocks, Identity, SopDate, SopDocument, Text } from '../../../schemas/generated/sop.types';
import { parseSopDate } from '../../identity/parseSopDate';
import { validateSop } from '../../validation';
import { findFlow } from '../rules';
import { withChanges, withFlow } from '../immutable';
import { refuse } from '../types';
import { defineCommand, nullsToUndefined } from './define';

export interface DocumentReplaceParams {
  /** The whole new document (from the JSON view, an import or a migration). */
  document: SopDocument;
}

/**
 * Replaces the document. Refused while the new value does not fit the schema:
 * the document keeps its last good state, and the diagnostics say why.
 * Semantic problems (an unreachable step) are allowed: drafts are unfinished.
 */
export const documentReplace = defineCommand<DocumentReplaceParams>({
  title: { id: 'Ganti dokumen', en: 'Replace document' },
  run(_doc, { document }) {
    const result = validateSop(document);
    const blocking = result.diagnostics.filter(
      (d) => d.severity === 'error' && /^(schema\.|sop\.newer-version|internal\.)/.test(d.ruleId),
    );
    if (blocking.length > 0) {
      return refuse('document.invalid', {
        id: `Dokumen tidak sesuai skema (${blocking.length} masalah); dokumen terakhir yang sah tetap dipakai.`,
        en: `The document does not fit the schema (${blocking.length} problem(s)); the last valid document is kept.`,
      }, { diagnostics: blocking });
    }
    // A document of an earlier schema version replaces this one as the current version.
    return { doc: result.document ?? document, changes: [{ kind: 'document', change: 'updated' }] };
  },
});

type DateKey = keyof NonNullable<Identity['dates']>;

/** Identity changes: each key replaces that field; `null` removes an optional one. */
export type IdentityChanges = {
  [K in Exclude<keyof Identity, 'dates'>]?: undefined extends Identity[K] ? Identity[K] | null : Identity[K];
} & {
  /** Per date label: a date (given only `raw`, its iso and precision are read from it) or null to drop the label. */
  dates?: { [K in DateKey]?: SopDate | null };
};

export interface IdentityUpdateParams {
  changes: IdentityChanges;
}

export const identityUpdate = defineCommand<IdentityUpdateParams>({
  title: { id: 'Ubah identitas SOP', en: 'Edit SOP identity' },
  run(doc, { changes }) {
    const { dates, ...fields } = changes;
    let identity = withChanges(doc.identity, nullsToUndefined(fields));
    if (dates) {
      const merged: Record<string, SopDate | undefined> = { ...identity.dates };
      for (const [key, value] of Object.entries(dates)) merged[key] = value === null || value === undefined ? undefined : completeDate(value);
      identity = { ...identity, dates: withChanges({} as NonNullable<Identity['dates']>, merged) };
    }
    return { doc: { ...doc, identity }, changes: [{ kind: 'identity', change: 'updated' }] };
  },
  coalesceKey: ({ changes }) =>
    'identity.update:' + Object.keys(changes).sort().join(',') + ':' + Object.keys(changes.dates ?? {}).sort().join(','),
});

/** A date typed as text gets its parsed reading, as the samples store it. */
export function completeDate(date: SopDate): SopDate {
  if (date.iso !== undefined || date.precision !== undefined) return date;
  const parsed = parseSopDate(date.raw);
  return { raw: date.raw, ...(parsed.iso !== undefined ? { iso: parsed.iso } : {}), precision: parsed.precision };
}

export interface HeaderBlockSetItemsParams {
  block: keyof HeaderBlocks;
  /** The items in order; `[]` keeps an empty block, `null` removes the block. */
  items: Text[] | null;
}

export const headerBlockSetItems = defineCommand<HeaderBlockSetItemsParams>({
  title: { id: 'Ubah blok identitas', en: 'Edit identity block' },
  run(doc, { block, items }) {
    const headerBlocks = withChanges(doc.headerBlocks ?? {}, { [block]: items === null ? undefined : items.slice() });
    // Removing a block the document never had changes nothing (no empty `headerBlocks` appears).
    const next = !doc.headerBlocks && Object.keys(headerBlocks).length === 0 ? doc : { ...doc, headerBlocks };
    return { doc: next, changes: [{ kind: 'headerBlock', id: block, change: 'updated' }] };
  },
  coalesceKey: ({ block }) => `headerBlock.setItems:${block}`,
});

export interface ColumnsSetLabelParams {
  column: keyof Columns;
  /** The label as the SOP writes it; `null` hides the column. */
  label: string | null;
}

export const columnsSetLabel = defineCommand<ColumnsSetLabelParams>({
  title: { id: 'Ubah judul kolom', en: 'Edit column label' },
  run(doc, { column, label }) {
    const columns = withChanges(doc.columns ?? {}, { [column]: label === null ? undefined : { label } });
    return { doc: withChanges(doc, { columns }), changes: [{ kind: 'column', id: column, change: 'updated' }] };
  },
  coalesceKey: ({ column }) => `columns.setLabel:${column}`,
});

export interface StatedTotalSetParams {
  flowId: string;
  /** The total as the SOP states it ("4 Jam 10 Menit"); `null` removes the total row. */
  raw: string | null;
  /** The row label ("Jumlah Waktu Pelayanan"); `null` removes it; absent keeps it. */
  label?: string | null;
}

export const statedTotalSet = defineCommand<StatedTotalSetParams>({
  title: { id: 'Ubah jumlah waktu', en: 'Edit stated total' },
  run(doc, { flowId, raw, label }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const { flow, flowIndex } = found;
    const keptLabel = label === undefined ? flow.statedTotal?.label : label ?? undefined;
    const statedTotal = raw === null ? undefined : { raw, ...(keptLabel !== undefined ? { label: keptLabel } : {}) };
    return {
      doc: withFlow(doc, flowIndex, withChanges(flow, { statedTotal })),
      changes: [{ kind: 'flow', id: flowId, flowId, change: 'updated' }],
    };
  },
  coalesceKey: ({ flowId }) => `statedTotal.set:${flowId}`,
});

