import type { SopDocument } from '../../schemas/generated/sop.types';
import type { Diagnostic, LocalizedText } from './diagnostic';
import { severityOf, type SemanticRuleId } from './ruleCatalogue';

export interface ValidateOptions {
  /** 'publish' adds the checks a document must pass before it is frozen as a revision. */
  purpose?: 'edit' | 'publish';
}

export interface RuleContext {
  doc: SopDocument;
  options: ValidateOptions;
  report(ruleId: SemanticRuleId, pointer: string, message: LocalizedText, data?: Record<string, unknown>): void;
}

export type SemanticRule = (ctx: RuleContext) => void;

export function createRuleContext(doc: SopDocument, options: ValidateOptions, out: Diagnostic[]): RuleContext {
  return {
    doc,
    options,
    report(ruleId, pointer, message, data) {
      out.push({ ruleId, severity: severityOf(ruleId, options.purpose), pointer, message, ...(data ? { data } : {}) });
    },
  };
}
