// CPU time of a process and its descendants, from Linux's /proc: the cost of a
// command in CPU milliseconds, which a busy machine changes far less than it
// changes wall-clock throughput. Elsewhere (no /proc) it reports undefined.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, plus cutime + cstime (children already reaped), in ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields resume after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return { pid, ppid: n(4), ticks: n(14) + n(15) + n(16) + n(17) };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds used so far by `rootPid` and every live descendant (and the children it reaped). */
export function cpuMsOfProcessTree(rootPid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const stats = entries.filter((name) => /^\d+$/.test(name)).map((name) => readStat(Number(name))).filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return undefined;
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const next = queue.pop()!;
    ticks += next.ticks;
    queue.push(...(children.get(next.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The parent of a process (the postmaster, given one of its backends). */
export function parentPid(pid: number): number | undefined {
  return readStat(pid)?.ppid;
}
