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

/** Chromium's process type (--type=renderer, gpu-process, utility…); 'browser' without one. */
function processType(pid: number): string {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
    // Node (the bench, the CLI) is named by its own executable.
    return cmdline.includes('chromium') || type !== 'browser' ? type : 'node';
  } catch {
    return '?';
  }
}

/** Each thread of `pid`: its name (/proc comm) and CPU ticks so far. */
function threadTicks(pid: number): { tid: string; name: string; ticks: number }[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => ({
      tid,
      name: readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim(),
      ticks: cpuTicks(Number(tid), `/proc/${pid}/task/${tid}/stat`),
    }));
  } catch {
    return [];
  }
}

/** How often the peak memory is sampled (ms); CPU ticks every 200 ms. */
const PSS_EVERY_MS = 1000;

/**
 * Samples `pids()` every 200 ms until stopped: the peak of their summed PSS (MB, read
 * every PSS_EVERY_MS: a shorter peak can be missed), and the
 * CPU seconds they used meanwhile (each process's last sample less its first; a process's
 * last 200 ms before it ends can be missed), also by process type and thread name
 * (renderer/CrRendererMain is the page's main thread, renderer/DedicatedWorker its
 * workers). CPU time is what the machine's load from other jobs changes least, where wall
 * time can double.
 */
export function sampleProcesses(
  pids: () => number[],
  what: { pss: boolean; cpu: boolean } = { pss: true, cpu: true },
): {
  stop(): { peakMb: number; cpuSeconds: number; cpuByThread: Record<string, number> };
} {
  let peakKb = 0;
  let lastPss = -Infinity;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const threadFirst = new Map<string, number>();
  const threadLast = new Map<string, { name: string; ticks: number }>();
  const types = new Map<number, string>();
  const sample = (final = false): void => {
    let kb = 0;
    // PSS (smaps_rollup) costs the bench ~20 ms per 100 MB of the browser's memory (250 ms
    // a sample at 1.4 GB), far more than CPU ticks: every 200 ms it kept the bench's event
    // loop busy all the time (the stand-in relay's requests waited for it, 0.2-2 s each)
    // and took a core from the app. Read every PSS_EVERY_MS only.
    const pss = what.pss && (final || performance.now() - lastPss >= PSS_EVERY_MS);
    if (pss) lastPss = performance.now();
    for (const pid of pids()) {
      if (pss) kb += pssKb(pid);
      if (!what.cpu) continue;
      const ticks = cpuTicks(pid);
      if (ticks < 0) continue;
      if (!first.has(pid)) first.set(pid, ticks);
      last.set(pid, ticks);
      if (!types.has(pid)) types.set(pid, processType(pid));
      for (const t of threadTicks(pid)) {
        if (t.ticks < 0) continue;
        const key = `${pid}/${t.tid}`;
        if (!threadFirst.has(key)) threadFirst.set(key, t.ticks);
        threadLast.set(key, { name: `${types.get(pid)}/${t.name}`, ticks: t.ticks });
      }
    }
    peakKb = Math.max(peakKb, kb);
  };
  sample();
  const timer = setInterval(sample, 200);
  let result:
    { peakMb: number; cpuSeconds: number; cpuByThread: Record<string, number> } | undefined;
  return {
    stop() {
      if (result) return result;
      clearInterval(timer);
      sample(true);
      let ticks = 0;
      for (const [pid, end] of last) ticks += end - (first.get(pid) ?? end);
      const byThread = new Map<string, number>();
      for (const [key, { name, ticks: end }] of threadLast) {
        const used = end - (threadFirst.get(key) ?? end);
        if (used > 0) byThread.set(name, (byThread.get(name) ?? 0) + used);
      }
      result = {
        peakMb: Math.round(peakKb / 1024),
        cpuSeconds: +(ticks / TICKS_PER_SECOND).toFixed(1),
        cpuByThread: Object.fromEntries(
          [...byThread]
            .sort((a, b) => b[1] - a[1])
            .map(([name, t]) => [name, +(t / TICKS_PER_SECOND).toFixed(1)]),
        ),
      };
      return result;
    },
  };
}
