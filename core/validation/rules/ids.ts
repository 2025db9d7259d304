import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';

/** All local ids share one namespace, so a reference never needs a type tag. */
export function checkDuplicateIds(ctx: RuleContext): void {
  // Pointers are built only for the rare duplicate: this runs on every edit.
  const firstSeenAt = new Map<string, () => string>();
  const claim = (id: string, pointerTo: () => string) => {
    const firstPointer = firstSeenAt.get(id);
    if (firstPointer === undefined) {
      firstSeenAt.set(id, pointerTo);
      return;
    }
    const pointer = pointerTo();
    const first = firstPointer();
    ctx.report('id.duplicate', pointer, {
      id: `Id ${JSON.stringify(id)} sudah dipakai di ${first}.`,
      en: `Id ${JSON.stringify(id)} is already used at ${first}.`,
    }, { id, first });
  };
  const { doc } = ctx;
  doc.actors.forEach((a, i) => claim(a.id, () => pointerOf('actors', i, 'id')));
  doc.flows.forEach((flow, f) => {
    claim(flow.id, () => pointerOf('flows', f, 'id'));
    flow.steps.forEach((step, s) => {
      claim(step.id, () => pointerOf('flows', f, 'steps', s, 'id'));
      step.requirements?.forEach((r, k) => claim(r.id, () => pointerOf('flows', f, 'steps', s, 'requirements', k, 'id')));
    });
    flow.edges.forEach((edge, e) => claim(edge.id, () => pointerOf('flows', f, 'edges', e, 'id')));
    flow.sections?.forEach((section, k) => claim(section.id, () => pointerOf('flows', f, 'sections', k, 'id')));
  });
  doc.caseFields?.forEach((field, i) => claim(field.id, () => pointerOf('caseFields', i, 'id')));
}
