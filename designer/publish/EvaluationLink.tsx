import type { SopDocument } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';

export type LinkedEvaluation = NonNullable<NonNullable<SopDocument['revision']['changeNotes']>[number]['evaluation']>;

/**
 * The address of an evaluation as a link target, or undefined when it is not
 * one we may follow: only http(s) (absolute, or relative to this page, like
 * the runtime's `../runtime/#/monev/…`). A `javascript:` or `data:` address
 * written into a document is shown as nothing rather than made clickable.
 */
export function safeEvaluationHref(url: string | undefined, base: string = globalThis.location?.href ?? 'http://localhost/'): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** "Menindaklanjuti evaluasi: <title>", the title a link back to the evaluation in the runtime when its address is known. */
export function EvaluationLink({ evaluation }: { evaluation: LinkedEvaluation }) {
  const t = useT();
  const href = safeEvaluationHref(evaluation.url);
  return (
    <p className="revision-list__evaluation">
      {t('designer.history.evaluation')}{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          <UserText>{evaluation.title}</UserText>
        </a>
      ) : (
        <UserText>{evaluation.title}</UserText>
      )}
    </p>
  );
}
