/**
 * A small in-memory driver for tests: issues commands against one case,
 * keeping the events and the folded state, as the storage layer does.
 */
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { decide, type DecideOptions } from '../decide';
import { applyEvent } from '../fold';
import type { CaseCommand, CaseEvent, CaseState, DecideResult } from '../types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<CaseCommand, 'id' | 'caseId' | 'at' | 'expectedRevision'> & {
  id?: string;
  at?: string;
  expectedRevision?: number;
};

export class CaseDriver {
  events: CaseEvent[] = [];
  state: CaseState | undefined;
  commands: CaseCommand[] = [];
  private counter = 0;
  /** Advanced by one minute per command unless a command gives its own time. */
  clock: number;

  constructor(
    readonly sop: SopDocument,
    readonly caseId = 'case-1',
    start = '2025-06-02T01:00:00.000Z',
    readonly options: DecideOptions = {},
  ) {
    this.clock = Date.parse(start);
  }

  /** Fills in id, case id, time and the expected revision. */
  build(input: CommandInput): CaseCommand {
    this.clock += 60_000;
    return {
      id: input.id ?? `cmd-${++this.counter}`,
      caseId: this.caseId,
      at: input.at ?? new Date(this.clock).toISOString(),
      ...(input.type === 'case.start' ? {} : { expectedRevision: input.expectedRevision ?? this.state?.revision ?? 0 }),
      ...input,
    } as CaseCommand;
  }

  /** Decides and, when accepted, applies; returns the decision. */
  send(command: CaseCommand): DecideResult {
    const result = decide(this.sop, this.state, command, this.options);
    if (result.ok && result.events.length > 0) {
      for (const event of result.events) this.state = applyEvent(this.state, event);
      this.events.push(...result.events);
      this.commands.push(command);
    }
    return result;
  }

  run(input: CommandInput): DecideResult {
    return this.send(this.build(input));
  }

  /** Like run, but throws with the rejection message when refused. */
  ok(input: CommandInput): CaseEvent[] {
    const result = this.run(input);
    if (!result.ok) throw new Error(`${input.type} rejected: ${result.rejection.code}: ${result.rejection.message.en}`);
    return result.events;
  }

  get current(): CaseState {
    if (!this.state) throw new Error('The case has not started');
    return this.state;
  }

  activeStepIds(): string[] {
    return this.current.visits.filter((v) => v.status === 'active').map((v) => v.stepId);
  }
}
