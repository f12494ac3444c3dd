import { readdirSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Resident memory of a server process and its descendants, from /proc (Linux): `next start`
 * may fork workers, so the tree is summed. Values in KiB as the kernel reports them.
 */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (2nd field) may contain spaces: the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while listing
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Current RSS of the tree (KiB). */
export function treeRss(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + statusField(pid, "VmRSS"), 0);
}

/** Peak RSS (VmHWM) of the tree's processes since start or since the last resetPeak (KiB). */
export function treePeak(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + statusField(pid, "VmHWM"), 0);
}

/** Resets VmHWM to the current RSS (clear_refs value 5, Linux >= 4.0); false where not allowed. */
export function resetPeak(rootPid: number): boolean {
  try {
    for (const pid of processTree(rootPid)) writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Samples the tree's RSS every `everyMs` until stopped; returns the highest sample (KiB). */
export function sampleRss(rootPid: number, everyMs = 50): { stop(): number } {
  let peak = treeRss(rootPid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(rootPid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(rootPid));
    },
  };
}

/** CPU time (user + system, ms) the tree's processes have used so far: a figure the other load on a shared machine inflates far less than wall time. */
export function treeCpuMs(rootPid: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  return processTree(rootPid).reduce((sum, pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime + stime, plus cutime + cstime: the CPU of children it has reaped, so that a
      // PostgreSQL backend or worker ending during a measurement does not take its time away.
      return (
        sum +
        ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond
      );
    } catch {
      return sum;
    }
  }, 0);
}
