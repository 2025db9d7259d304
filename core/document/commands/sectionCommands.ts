/** Phase headings: rows that span the table, placed before a step. */
import type { Flow } from '../../../schemas/generated/sop.types';
import { quote } from '../../validation/rules/naming';
import { IdAllocator } from '../ids';
import { withChanges, withFlow } from '../immutable';
import { findFlow, findStep } from '../rules';
import { refuse } from '../types';
import { defineCommand } from './define';

export interface SectionAddParams {
  flowId: string;
  beforeStepId: string;
  title: string;
}

export const sectionAdd = defineCommand<SectionAddParams>({
  title: { id: 'Tambah judul tahap', en: 'Add phase heading' },
  run(doc, { flowId, beforeStepId, title }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const located = findStep(found.flow, beforeStepId);
    if ('ok' in located) return located;
    const id = new IdAllocator(doc).next('sec');
    // Kept in row order, so the list reads like the printed table.
    const row = (stepId: string) => found.flow.steps.findIndex((s) => s.id === stepId);
    const sections = [...(found.flow.sections ?? []), { id, title, beforeStep: beforeStepId }].sort((a, b) => row(a.beforeStep) - row(b.beforeStep));
    return {
      doc: withFlow(doc, found.flowIndex, { ...found.flow, sections }),
      changes: [{ kind: 'section', id, flowId, change: 'added' }],
      select: [{ kind: 'section', id, flowId }],
    };
  },
});

function findSection(flow: Flow, sectionId: string) {
  const index = (flow.sections ?? []).findIndex((s) => s.id === sectionId);
  if (index < 0) return refuse('section.not-found', { id: `Bagian ${quote(sectionId)} tidak ada.`, en: `Section ${quote(sectionId)} does not exist.` });
  return { index };
}

export interface SectionRenameParams {
  flowId: string;
  sectionId: string;
  title: string;
}

export const sectionRename = defineCommand<SectionRenameParams>({
  title: { id: 'Ubah judul tahap', en: 'Rename phase heading' },
  run(doc, { flowId, sectionId, title }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const section = findSection(found.flow, sectionId);
    if ('ok' in section) return section;
    const sections = found.flow.sections!.map((s, i) => (i === section.index ? { ...s, title } : s));
    return { doc: withFlow(doc, found.flowIndex, { ...found.flow, sections }), changes: [{ kind: 'section', id: sectionId, flowId, change: 'updated' }] };
  },
  coalesceKey: ({ flowId, sectionId }) => `section.rename:${flowId}:${sectionId}`,
});

export interface SectionRemoveParams {
  flowId: string;
  sectionId: string;
}

export const sectionRemove = defineCommand<SectionRemoveParams>({
  title: { id: 'Hapus judul tahap', en: 'Remove phase heading' },
  run(doc, { flowId, sectionId }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const section = findSection(found.flow, sectionId);
    if ('ok' in section) return section;
    const sections = found.flow.sections!.filter((s) => s.id !== sectionId);
    return {
      doc: withFlow(doc, found.flowIndex, withChanges(found.flow, { sections: sections.length > 0 ? sections : undefined })),
      changes: [{ kind: 'section', id: sectionId, flowId, change: 'removed' }],
    };
  },
});
