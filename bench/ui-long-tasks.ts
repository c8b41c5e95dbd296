// The renderer main thread's long tasks in a phase of bench:ui (bench/ui-scans.ts), two
// ways:
//   - the Long Tasks API in the page: tasks over 50 ms of wall time, as a person would feel
//     them; on a loaded machine a task waits for a core and grows, so these counts follow
//     the load;
//   - a light Chromium trace (CDP, 'toplevel' only) of the same phases: each main-thread
//     task's own CPU time (the trace's thread duration), which the machine's load changes
//     far less. A task over 50 ms of CPU is one that no idle machine would run under 50 ms.
// Phases are cut on the page's clock: each cut is also a performance mark, which the trace
// records, so the page's times and the trace's line up.
import type { Browser, Page } from 'playwright-core';

/** Main-thread long tasks (over 50 ms) of one phase: how many, the longest, their sum (ms). */
export interface LongTasks {
  count: number;
  longestMs: number;
  totalMs: number;
  /** The scripts of long animation frames, by time summed (ms), the 5 largest. */
  scripts?: { script: string; ms: number }[];
  /** From the trace: the main thread's tasks by their own CPU time (absent without one). */
  cpu?: TaskCpu;
}

export interface TaskCpu {
  /** Tasks that used over 50 ms of the main thread's CPU. */
  over50ms: number;
  /** The most CPU one task used (ms). */
  longestMs: number;
  /** CPU of the tasks over 50 ms of wall time (the Long Tasks API's), summed (ms). */
  longTasksMs: number;
  /** CPU of every main-thread task in the phase, summed (ms). */
  allMs: number;
  /** The five largest CPU times of one task (ms), largest first. */
  top: number[];
}

/** A phase on the page's clock (performance.now(), ms). */
export interface PhaseWindow {
  from: number;
  to: number;
}

/**
 * Records every long task of the page's main thread from its first script on (the
 * Long Tasks API reports tasks over 50 ms; workers' tasks are not the page's).
 */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts that ran in them (where the time went).
  window.__frameScripts = [];
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries())
      for (const s of frame.scripts ?? [])
        window.__frameScripts.push([
          s.startTime,
          s.duration,
          (s.invokerType || '') + ' ' + (s.invoker || '').slice(0, 60) + ' @ ' +
            (s.sourceURL || '').split('/').pop() + (s.sourceFunctionName ? ' ' + s.sourceFunctionName : ''),
        ]);
  }).observe({ type: 'long-animation-frame', buffered: true });
`;

const MARK = 'bench-now:';

/**
 * performance.now() in the page: phases are cut on the page's own clock. The cut is also
 * a mark (its time in its name), which lines the trace up with the page's clock.
 */
export const pageNow = (page: Page): Promise<number> =>
  page.evaluate((mark) => {
    const now = performance.now();
    performance.mark(mark + String(now));
    return now;
  }, MARK);

/** The long tasks that started within the windows (the page's clock), summed over them. */
export async function longTasksWithin(
  page: Page,
  windows: readonly PhaseWindow[],
): Promise<LongTasks> {
  const inside = (t: number) => windows.some((w) => t >= w.from && t <= w.to);
  const all = await page.evaluate(
    () => (window as unknown as { __longTasks: [number, number][] }).__longTasks,
  );
  const within = all.filter(([start]) => inside(start)).map(([, d]) => d);
  const scripts = await page.evaluate(
    () => (window as unknown as { __frameScripts: [number, number, string][] }).__frameScripts,
  );
  const bySource = new Map<string, number>();
  for (const [start, ms, script] of scripts)
    if (inside(start)) bySource.set(script, (bySource.get(script) ?? 0) + ms);
  return {
    count: within.length,
    longestMs: Math.round(Math.max(0, ...within)),
    totalMs: Math.round(within.reduce((a, b) => a + b, 0)),
    scripts: [...bySource]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([script, ms]) => ({ script, ms: Math.round(ms) })),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** A task of the thread's scheduler, as the 'toplevel' category names it. */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** One main-thread task: start on the page's clock, wall and CPU time (ms). */
export interface MainTask {
  at: number;
  ms: number;
  cpuMs: number;
}

/**
 * The main-thread tasks of a trace, on the page's clock: the renderer main thread that
 * recorded the page's marks; its RunTask events, each with its thread (CPU) duration.
 */
export function mainTasks(events: readonly TraceEvent[]): MainTask[] {
  const mark = events.find((e) => e.name.startsWith(MARK));
  if (!mark) return [];
  // The trace's clock (µs) less the page's (ms) at the mark.
  const offsetUs = mark.ts - Number(mark.name.slice(MARK.length)) * 1000;
  // Tasks as the scheduler runs them (a task run inside another, a nested loop, is part
  // of the outer one).
  const runs = events
    .filter(
      (e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && TASK_EVENTS.has(e.name),
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: MainTask[] = [];
  let end = -Infinity;
  for (const e of runs) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    tasks.push({
      at: (e.ts - offsetUs) / 1000,
      ms: (e.dur ?? 0) / 1000,
      cpuMs: (e.tdur ?? 0) / 1000,
    });
  }
  return tasks;
}

/** The tasks within the windows, by their CPU time. */
export function taskCpuWithin(
  tasks: readonly MainTask[],
  windows: readonly PhaseWindow[],
): TaskCpu {
  const mine = tasks.filter((t) => windows.some((w) => t.at >= w.from && t.at <= w.to));
  const sum = (ts: MainTask[]) => Math.round(ts.reduce((n, t) => n + t.cpuMs, 0));
  return {
    over50ms: mine.filter((t) => t.cpuMs > 50).length,
    longestMs: Math.round(Math.max(0, ...mine.map((t) => t.cpuMs))),
    longTasksMs: sum(mine.filter((t) => t.ms > 50)),
    allMs: sum(mine),
    top: mine
      .map((t) => Math.round(t.cpuMs))
      .sort((a, b) => b - a)
      .slice(0, 5),
  };
}

/**
 * Starts a light trace of the page (task events only, with their CPU time; the marks);
 * answers its stop, which answers the main thread's tasks.
 */
export async function traceMainTasks(
  browser: Browser,
  page: Page,
): Promise<() => Promise<MainTask[]>> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  return async () => {
    const buffer = await browser.stopTracing();
    const trace = JSON.parse(buffer.toString('utf8')) as
      { traceEvents: TraceEvent[] } | TraceEvent[];
    return mainTasks(Array.isArray(trace) ? trace : trace.traceEvents);
  };
}
