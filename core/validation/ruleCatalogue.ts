import type { Severity } from './diagnostic';

/**
 * Every semantic rule, by stable id. Ids never change meaning once published:
 * agencies' scripts filter CLI output by them. `publishSeverity`, when set,
 * replaces `severity` when the document is checked for publishing: what a
 * drafter may leave open while transcribing (an illegible branch) must be
 * settled before clerks run it.
 */
export const semanticRules = {
  'sop.no-flows': { severity: 'error', summary: 'A complete SOP has at least one flowchart.' },
  'sop.incomplete': { severity: 'info', summary: 'The document is marked incomplete.' },
  'id.duplicate': { severity: 'error', summary: 'Ids of flows, steps, edges, actors, sections, fields and requirements are unique in the document.' },
  'lane.unknown-actor': { severity: 'error', summary: 'A lane names an actor that is not declared.' },
  'lane.duplicate': { severity: 'error', summary: 'An actor has at most one lane per flow.' },
  'flow.empty': { severity: 'error', summary: 'A flow has at least one step.' },
  'flow.start-count': { severity: 'error', summary: 'A flow has exactly one start step.' },
  'flow.no-end': { severity: 'error', summary: 'A flow has an end step (or an edge leaving the SOP).' },
  'step.unreachable': { severity: 'error', summary: 'Every step is reachable from the start.' },
  'step.no-path-to-end': { severity: 'error', summary: 'An end is reachable from every step.' },
  'step.exit-count': { severity: 'error', summary: 'Start, process and connector steps have exactly one outgoing edge.' },
  'step.actor-unknown': { severity: 'error', summary: "A step's actor has a lane in the flow or is declared external." },
  'step.duplicate-number': { severity: 'warning', summary: 'Step numbers are unique within a flow.' },
  'end.has-exits': { severity: 'warning', summary: 'An end step has no outgoing edge.' },
  'decision.exit-count': { severity: 'error', summary: 'A decision has two or more outgoing edges.' },
  'decision.label-missing': { severity: 'error', summary: "Every edge out of a decision has a label (Ya/Tidak...)." },
  'decision.label-duplicate': { severity: 'error', summary: "A decision's edge labels are distinct." },
  'edge.missing-step': { severity: 'error', summary: 'Edges start and end at existing steps of the same flow.' },
  'edge.duplicate': { severity: 'warning', summary: 'Two edges join the same pair of steps.' },
  'section.unknown-step': { severity: 'error', summary: 'A section starts at an existing step of its flow.' },
  'field.unknown-step': { severity: 'error', summary: 'A case field is collected at an existing step.' },
  'field.choice-without-options': { severity: 'error', summary: 'A choice field lists its options.' },
  'requirement.empty': { severity: 'warning', summary: 'A requirement has text.' },
  'waktu.unparsed': { severity: 'warning', summary: 'The Waktu text could not be understood; it is kept as written and not summed.' },
  'waktu.parsed-stale': { severity: 'warning', summary: 'The stored parsed Waktu disagrees with its raw text.' },
  'total.mismatch': { severity: 'warning', summary: 'The stated total differs from the total computed from the steps.' },
  'total.unreadable': { severity: 'warning', summary: 'The stated total could not be understood.' },
  'publish.incomplete': { severity: 'error', summary: 'A document marked incomplete is not published.' },
  'identity.missing-field': { severity: 'warning', summary: 'Identity fields required for publishing are filled in.' },
  'identity.illegible-duplicate': { severity: 'error', summary: 'identity.illegible names each field at most once.' },
  'split.fan-out': { severity: 'error', summary: 'A parallel split has outgoing edges into at least two different lanes.' },
  'join.without-split': { severity: 'error', summary: 'A join that waits for all paths has at least two incoming paths from one parallel split.' },
  'signoff.unknown-actor': { severity: 'error', summary: "A sign-off's actor is one of its step's actors." },
  'edge.target-unknown': { severity: 'warning', publishSeverity: 'error', summary: 'An edge whose target is illegible in the source: allowed in a draft, settled before publishing.' },
  'edge.label-unknown': { severity: 'warning', publishSeverity: 'error', summary: 'An edge whose label is illegible in the source: allowed in a draft, settled before publishing.' },
  'edge.inferred': { severity: 'warning', publishSeverity: 'error', summary: 'An edge whose label or target the drafter inferred: allowed in a draft, confirmed before publishing.' },
  'edge.inferred-duplicate': { severity: 'error', summary: 'An edge lists each inferred part at most once.' },
  'sop.migrated': { severity: 'info', summary: 'The document was written in an earlier schema version and was upgraded in memory (core/migrations).' },
} as const satisfies Record<string, { severity: Severity; publishSeverity?: Severity; summary: string }>;

/** The severity of a rule's diagnostics for this purpose of validation. */
export function severityOf(ruleId: SemanticRuleId, purpose: 'edit' | 'publish' | undefined): Severity {
  const rule: { severity: Severity; publishSeverity?: Severity } = semanticRules[ruleId];
  return purpose === 'publish' && rule.publishSeverity ? rule.publishSeverity : rule.severity;
}

export type SemanticRuleId = keyof typeof semanticRules;
