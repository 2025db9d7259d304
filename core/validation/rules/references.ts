import { isBlankText } from '../../text/richText';
import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';
import { quote, stepName } from './naming';

export function checkLanesAndActors(ctx: RuleContext): void {
  const declared = new Set(ctx.doc.actors.map((a) => a.id));
  ctx.doc.flows.forEach((flow, f) => {
    const inFlow = new Set<string>();
    flow.lanes.forEach((actorId, l) => {
      if (!declared.has(actorId)) {
        ctx.report('lane.unknown-actor', pointerOf('flows', f, 'lanes', l), {
          id: `Lajur memakai pelaksana ${quote(actorId)} yang tidak terdaftar di daftar pelaksana.`,
          en: `Lane uses actor ${quote(actorId)}, which is not in the actor list.`,
        }, { actor: actorId });
      } else if (inFlow.has(actorId)) {
        ctx.report('lane.duplicate', pointerOf('flows', f, 'lanes', l), {
          id: `Pelaksana ${quote(actorId)} sudah punya lajur di alur ini.`,
          en: `Actor ${quote(actorId)} already has a lane in this flow.`,
        }, { actor: actorId });
      }
      inFlow.add(actorId);
    });
    for (const actorId of flow.externalActors ?? []) if (declared.has(actorId)) inFlow.add(actorId);

    flow.steps.forEach((step, s) => {
      step.signOffs?.forEach((signOff, k) => {
        if (signOff.actor === undefined || step.actors.some((a) => a.actor === signOff.actor)) return;
        ctx.report('signoff.unknown-actor', pointerOf('flows', f, 'steps', s, 'signOffs', k, 'actor'), {
          id: `Langkah ${stepName(step)}: paraf/tanda tangan ${quote(signOff.position)} menyebut pelaksana ${quote(signOff.actor)} yang bukan pelaksana langkah ini.`,
          en: `Step ${stepName(step)}: sign-off ${quote(signOff.position)} names actor ${quote(signOff.actor)}, who is not one of this step's actors.`,
        }, { actor: signOff.actor, step: step.id });
      });
      step.actors.forEach((stepActor, a) => {
        if (inFlow.has(stepActor.actor)) return;
        ctx.report('step.actor-unknown', pointerOf('flows', f, 'steps', s, 'actors', a, 'actor'), {
          id: `Langkah ${stepName(step)}: pelaksana ${quote(stepActor.actor)} tidak punya lajur di alur ini dan tidak dinyatakan sebagai pihak luar.`,
          en: `Step ${stepName(step)}: actor ${quote(stepActor.actor)} has no lane in this flow and is not declared external.`,
        }, { actor: stepActor.actor, step: step.id });
      });
    });
  });
}

export function checkSectionsAndFields(ctx: RuleContext): void {
  const allStepIds = new Set<string>();
  ctx.doc.flows.forEach((flow, f) => {
    const stepIds = new Set(flow.steps.map((s) => s.id));
    for (const id of stepIds) allStepIds.add(id);
    flow.sections?.forEach((section, k) => {
      if (stepIds.has(section.beforeStep)) return;
      ctx.report('section.unknown-step', pointerOf('flows', f, 'sections', k, 'beforeStep'), {
        id: `Bagian ${quote(section.title)} dimulai di langkah ${quote(section.beforeStep)} yang tidak ada di alur ini.`,
        en: `Section ${quote(section.title)} starts at step ${quote(section.beforeStep)}, which is not in this flow.`,
      });
    });
  });
  ctx.doc.caseFields?.forEach((field, i) => {
    if (field.step !== undefined && !allStepIds.has(field.step)) {
      ctx.report('field.unknown-step', pointerOf('caseFields', i, 'step'), {
        id: `Isian kasus ${quote(field.label)} diisi di langkah ${quote(field.step)} yang tidak ada.`,
        en: `Case field ${quote(field.label)} is collected at step ${quote(field.step)}, which does not exist.`,
      });
    }
    if (field.type === 'choice' && !(field.options && field.options.length > 0)) {
      ctx.report('field.choice-without-options', pointerOf('caseFields', i, 'options'), {
        id: `Isian pilihan ${quote(field.label)} belum punya daftar pilihan.`,
        en: `Choice field ${quote(field.label)} has no options.`,
      });
    }
  });
}

export function checkStepNumbersAndRequirements(ctx: RuleContext): void {
  ctx.doc.flows.forEach((flow, f) => {
    const firstByNumber = new Map<string, string>();
    flow.steps.forEach((step, s) => {
      const normalized = step.number?.trim().replace(/\.$/, '');
      if (normalized) {
        const first = firstByNumber.get(normalized);
        if (first !== undefined) {
          ctx.report('step.duplicate-number', pointerOf('flows', f, 'steps', s, 'number'), {
            id: `Nomor langkah ${quote(normalized)} dipakai dua kali di alur ini.`,
            en: `Step number ${quote(normalized)} is used twice in this flow.`,
          }, { number: normalized, first });
        } else firstByNumber.set(normalized, step.id);
      }
      step.requirements?.forEach((requirement, k) => {
        if (!isBlankText(requirement.text)) return;
        ctx.report('requirement.empty', pointerOf('flows', f, 'steps', s, 'requirements', k, 'text'), {
          id: `Langkah ${stepName(step)}: kelengkapan ke-${k + 1} kosong.`,
          en: `Step ${stepName(step)}: requirement ${k + 1} is empty.`,
        });
      });
    });
  });
}
