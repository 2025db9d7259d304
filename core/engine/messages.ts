/** Text in both interface languages; user data inside it is plain text, never HTML. */
export interface LocalizedText {
  id: string;
  en: string;
}

export type RejectionCode =
  | 'case.exists'
  | 'case.missing'
  | 'case.closed'
  | 'case.notReturned'
  | 'revision.stale'
  | 'sop.notPublished'
  | 'sop.mismatch'
  | 'sop.noFlow'
  | 'sop.noStart'
  | 'step.unknown'
  | 'step.notActive'
  | 'step.wrongActor'
  | 'step.isDecision'
  | 'step.notDecision'
  | 'step.awaitingSignOff'
  | 'step.noSignOff'
  | 'step.notAsked'
  | 'step.started'
  | 'signOff.outOfOrder'
  | 'branch.unknown'
  | 'requirement.unticked'
  | 'requirement.unknown'
  | 'waiver.noReason'
  | 'field.invalid'
  | 'field.unknown'
  | 'return.notEarlier'
  | 'return.noReason'
  | 'cancel.noReason'
  | 'command.invalid';

export interface Rejection {
  code: RejectionCode;
  message: LocalizedText;
  /** Per-item problems (fields, requirements), keyed by id, for forms to show beside each control. */
  details?: Record<string, LocalizedText>;
}

export function reject(code: RejectionCode, id: string, en: string, details?: Record<string, LocalizedText>): Rejection {
  return details ? { code, message: { id, en }, details } : { code, message: { id, en } };
}
