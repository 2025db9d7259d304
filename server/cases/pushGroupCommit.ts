/**
 * Group commit for sync pushes. On two cores a push's cost is mostly per transaction (the round trips to
 * PostgreSQL, each a context switch on both sides, and the WAL flush at commit), not per command. So pushes
 * that arrive while earlier ones are being written wait, and go together in the next transaction: at low load
 * a push goes at once, alone; under load each transaction carries every push that queued meanwhile
 * (docs/scaling.md "Group commit"). The decisions are the same as one transaction per push in arrival order.
 */
import type { PushCommand, PushResult } from '../../core/sync/protocol';
import { pushCommands, pushTogether, type Push, type PushDeps, type Pusher } from './pushCommands';

export interface GroupCommitOptions {
  /** Transactions in flight at once: one can decide while another waits for its commit to be flushed. */
  maxInFlight?: number;
  /** Commands one transaction takes at most (a push is never split; one larger than this goes alone). */
  maxCommands?: number;
  /**
   * Commands waiting at most; a push that would queue beyond it is refused at once (`ServerBusy`). Waiting
   * longer than the devices' request timeout helps no one, and an overloaded server that admits everything
   * answers everyone late; refused, a device backs off and comes back (docs/scaling.md "Admission").
   */
  maxQueuedCommands?: number;
}

/** The queue is full: the push was not taken (nothing written); the device should try again after a while. */
export class ServerBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many pushes waiting');
  }
}

interface Waiting extends Push {
  resolve: (results: PushResult[]) => void;
  reject: (error: unknown) => void;
}

export const GROUP_MAX_IN_FLIGHT = 3;
export const GROUP_MAX_COMMANDS = 256;
/** About five seconds of work at the capacity measured on two cores (bench/results/server.json). */
export const GROUP_MAX_QUEUED_COMMANDS = 5_000;

export class PushGroupCommit {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxCommands: number;
  private readonly maxQueuedCommands: number;
  private queuedCommands = 0;
  /** Pushes and transactions so far (the group sizes, for logs and the benchmark). */
  readonly stats = { pushes: 0, transactions: 0, largestGroup: 0, refused: 0 };

  constructor(
    private readonly deps: PushDeps,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? GROUP_MAX_IN_FLIGHT;
    this.maxCommands = options.maxCommands ?? GROUP_MAX_COMMANDS;
    this.maxQueuedCommands = options.maxQueuedCommands ?? GROUP_MAX_QUEUED_COMMANDS;
  }

  push(who: Pusher, commands: readonly PushCommand[]): Promise<PushResult[]> {
    if (commands.length === 0) return Promise.resolve([]);
    // A push alone is always taken when nothing waits, however large (the route's body limit bounds it).
    if (this.queue.length > 0 && this.queuedCommands + commands.length > this.maxQueuedCommands) {
      this.stats.refused++;
      return Promise.reject(new ServerBusy(2));
    }
    this.queuedCommands += commands.length;
    return new Promise((resolve, reject) => {
      this.queue.push({ who, commands, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const group = this.takeGroup();
      this.inFlight++;
      void this.commit(group).finally(() => {
        this.inFlight--;
        this.startNext();
      });
    }
  }

  /** The oldest waiting pushes, in arrival order, up to `maxCommands` commands (at least one push). */
  private takeGroup(): Waiting[] {
    let commands = this.queue[0]!.commands.length;
    let count = 1;
    while (count < this.queue.length && commands + this.queue[count]!.commands.length <= this.maxCommands) {
      commands += this.queue[count]!.commands.length;
      count++;
    }
    this.queuedCommands -= commands;
    return this.queue.splice(0, count);
  }

  private async commit(group: Waiting[]): Promise<void> {
    this.stats.pushes += group.length;
    this.stats.transactions++;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    try {
      const results = await pushTogether(this.deps, group);
      group.forEach((push, i) => push.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One push's failure (a constraint its data breaks, say) must not fail the others that shared its
      // transaction: nothing of the group was written, so each goes again, alone, and fails or not on its own.
      for (const push of group) await pushCommands(this.deps, push.who, push.commands).then(push.resolve, push.reject);
    }
  }
}
