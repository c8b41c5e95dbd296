// Memory and CPU of a benchmark's child processes (a browser's), read from Linux's /proc.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Every process below `root` (its children, theirs, …), from /proc. */
export function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name is in parentheses and may hold spaces: ppid is after its ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (pid: number): void => {
    for (const [child, ppid] of parent) {
      if (ppid === pid) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

export function pssKb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU ticks (user + system) a process, or one thread (its task/TID/stat), has used so far. */
export function cpuTicks(pid: number, path = `/proc/${pid}/stat`): number {
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return -1;
  }
}

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
export const TICKS_PER_SECOND = 100;

/** A field of /proc/PID/status in kB (VmHWM: the peak resident set; VmRSS: now); 0 if gone. */
export function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Sets a process's peak resident set (VmHWM) back to its current size (Linux ≥ 4.0). */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // The process ended meanwhile.
  }
}

/**
 * What a process is, from its command line: a Chromium process's role (browser, renderer,
 * gpu-process, utility and its kind); null for another program. Chromium rewrites the
 * command line of the processes it forks as one string: split on spaces too.
 */
export function chromiumRole(pid: number): string | null {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]+/);
    const program = args[0]?.split('/').pop() ?? '?';
    if (!/^(chromium|chrome|headless_shell)$/.test(program)) return null;
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    if (type === undefined) return 'browser';
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
    return sub ? `${type} ${sub.split('.').pop()}` : type;
  } catch {
    return null;
  }
}
