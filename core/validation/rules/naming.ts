import type { Step } from '../../../schemas/generated/sop.types';

/** How a message names a step: by its printed number when it has one, else by id. */
export function stepName(step: Step): string {
  const number = step.number?.trim().replace(/\.$/, '');
  return number ? number : step.id;
}

export function quote(text: string): string {
  // Messages are plain text; JSON quoting keeps hostile text visibly inert and on one line.
  return JSON.stringify(text.length > 80 ? text.slice(0, 77) + '...' : text);
}
