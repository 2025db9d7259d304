import { locatePointer } from '../../core/document';
import type { Lang, Translate } from '../../core/i18n';
import { flowName } from '../../core/model/flowName';
import type { SopDocument, Step } from '../../schemas/generated/sop.types';

/** The step as people name it: its printed number, else its row. */
export function stepLabel(step: Step, index: number, t: Translate): string {
  return step.number?.trim() ? t('designer.where.step', { number: step.number.trim().replace(/\.$/, '') }) : t('designer.where.row', { row: index + 1 });
}

/** A short name of what a JSON pointer points at, for the problems panel. */
export function describePointer(doc: SopDocument, pointer: string, t: Translate, lang: Lang): string {
  const located = locatePointer(doc, pointer);
  const flowIndex = located.flowId ? doc.flows.findIndex((f) => f.id === located.flowId) : -1;
  const flow = doc.flows[flowIndex];
  const nameOfFlow = flow ? flowName(flow, flowIndex)[lang] : '';
  const flowPrefix = flow && doc.flows.length > 1 ? `${nameOfFlow} · ` : '';
  switch (located.kind) {
    case 'step': {
      const index = flow?.steps.findIndex((s) => s.id === located.id) ?? -1;
      const step = flow?.steps[index];
      return flowPrefix + (step ? stepLabel(step, index, t) : t('designer.where.steps'));
    }
    case 'edge': {
      const edge = flow?.edges.find((e) => e.id === located.id);
      const name = (id: string | undefined) => {
        const index = flow?.steps.findIndex((s) => s.id === id) ?? -1;
        const step = flow?.steps[index];
        return step ? step.number?.trim().replace(/\.$/, '') || `#${index + 1}` : '?';
      };
      if (!edge) return flowPrefix + t('designer.where.edges');
      return flowPrefix + t('designer.where.edge', { from: name(edge.from), to: edge.leaves ? edge.leaves.target : name(edge.to) });
    }
    case 'lane': {
      const actor = doc.actors.find((a) => a.id === located.id);
      return t('designer.where.lane', { name: actor?.label ?? located.id ?? '' });
    }
    case 'section':
      return flowPrefix + t('designer.where.section');
    case 'caseField': {
      const field = doc.caseFields?.find((f) => f.id === located.id);
      return t('designer.where.caseField', { name: field?.label ?? located.id ?? '' });
    }
    case 'identity':
      return t('designer.where.identity');
    case 'flow':
      return nameOfFlow || t('designer.where.document');
    case 'field':
      if (located.field?.startsWith('headerBlocks')) return t('designer.where.headerBlocks');
      return located.field ? `/${located.field}` : t('designer.where.document');
  }
}
