// Where the renderer main thread's long tasks come from, from a Chromium trace (CDP
// tracing through playwright-core) of a phase of `bench:ui`: every task of the page's main
// thread over 50 ms, what ran in it by trace event (scripts, style, layout, paint, GC) and
// by the JS sampling profiler's frames (inclusive time per function, per source file).
// Used by bench/ui-profile.ts; the build it profiles is not minified, so frames keep names.

/** The categories the analysis needs: tasks, timeline events, JS samples. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      functionName?: string;
      url?: string;
      type?: string;
      startTime?: number;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName?: string; url?: string; lineNumber?: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

export interface LongTaskSource {
  /** A trace event name (Layout, MajorGC, …) or, for scripts, `JS function @ file`. */
  source: string;
  ms: number;
}

export interface LongTaskProfile {
  count: number;
  longestMs: number;
  totalMs: number;
  /** Self time inside long tasks by trace event (JS counted by its sampled functions). */
  byEvent: LongTaskSource[];
  /** Inclusive time inside long tasks by JS function (a function counted once per sample). */
  byFunction: LongTaskSource[];
  /** The 12 longest tasks, each with its 4 heaviest functions (inclusive). */
  longest: { ms: number; what: string }[];
}

/** Trace events that only say a script ran: their time is in the JS samples. */
const SCRIPT_EVENTS =
  /^(FunctionCall|EvaluateScript|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|v8\.|V8\.Execute|RunTask)/;

const file = (url: string | undefined): string => (url ?? '').split('/').pop()?.split('?')[0] ?? '';

/** Functions that only pass the call along: not where time goes. */
const PASS_THROUGH =
  /^(\(root\)|\(program\)|\(idle\)|runMicrotasks|\(anonymous\)|performWorkUntilDeadline|flushWork|workLoop|workLoopSync|workLoopConcurrent|performWorkOnRoot.*|performSyncWorkOnRoot|flushSyncWorkAcrossRoots.*|processRootScheduleInMicrotask|scheduleTaskForRootDuringMicrotask|beginWork|performUnitOfWork|renderRootSync|renderRootConcurrent|callCallback|invokeGuardedCallback.*|dispatchEvent.*|batchedUpdates.*)$/;

/** The long tasks (over `overMs`) of the trace's busiest renderer main thread, and what ran in them. */
export function profileLongTasks(events: readonly TraceEvent[], overMs = 50): LongTaskProfile {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // The page's main thread: the renderer main thread with the most task time.
  const taskTime = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    if (threadNames.get(key) !== 'CrRendererMain') continue;
    taskTime.set(key, (taskTime.get(key) ?? 0) + (e.dur ?? 0));
  }
  const main = [...taskTime].sort((a, b) => b[1] - a[1])[0]?.[0];
  const empty = { count: 0, longestMs: 0, totalMs: 0, byEvent: [], byFunction: [], longest: [] };
  if (main === undefined) return empty;
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > overMs * 1000);

  // The main thread's JS samples: time and stack (leaf first).
  const [pid, tid] = main.split(':').map(Number);
  const profileIds = new Set(
    events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id),
  );
  const nodes = new Map<number, { name: string; parent?: number }>();
  const samples: { ts: number; node: number }[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && profileIds.has(e.id))
      clock.set(e.id!, e.args?.data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || !profileIds.has(e.id)) continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? [])
      nodes.set(n.id, {
        name: `${n.callFrame.functionName || '(anonymous)'} @ ${file(n.callFrame.url)}`.replace(
          / @ $/,
          '',
        ),
        ...(n.parent !== undefined ? { parent: n.parent } : {}),
      });
    let t = clock.get(e.id!) ?? e.ts;
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node });
    });
    clock.set(e.id!, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  const stack = (id: number): string[] => {
    const out: string[] = [];
    for (let n: number | undefined = id; n !== undefined; n = nodes.get(n)?.parent)
      out.push(nodes.get(n)?.name ?? '?');
    return out;
  };
  const interval = samples.length > 1 ? (samples.at(-1)!.ts - samples[0]!.ts) / samples.length : 0;

  const byEvent = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const longest: { ms: number; what: string }[] = [];
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  let s = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    // Self time of the task's events: each event less its direct children.
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
    const self = new Map<TraceEvent, number>(inside.map((e) => [e, e.dur!]));
    const open: TraceEvent[] = [];
    let taskSelf = task.dur!;
    for (const e of inside) {
      while (open.length > 0 && open.at(-1)!.ts + open.at(-1)!.dur! <= e.ts) open.pop();
      const parent = open.at(-1);
      if (parent) self.set(parent, self.get(parent)! - e.dur!);
      else taskSelf -= e.dur!;
      open.push(e);
    }
    add(byEvent, '(task, outside any event)', Math.max(0, taskSelf));
    for (const [e, us] of self) {
      // Script events are attributed by their JS samples below.
      if (SCRIPT_EVENTS.test(e.name)) continue;
      add(byEvent, e.name, us);
    }
    // Samples inside the task.
    while (s < samples.length && samples[s]!.ts < task.ts) s++;
    const mine = new Map<string, number>();
    for (let i = s; i < samples.length && samples[i]!.ts < end; i++) {
      const frames = stack(samples[i]!.node);
      const leaf = frames[0] ?? '?';
      if (leaf.startsWith('(idle)')) continue;
      add(byEvent, `JS ${leaf}`, interval);
      for (const f of new Set(frames)) {
        if (PASS_THROUGH.test(f.split(' @ ')[0]!)) continue;
        add(byFunction, f, interval);
        add(mine, f, interval);
      }
    }
    const what = [...mine]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([f, us]) => `${f} ${Math.round(us / 1000)}`)
      .join('; ');
    longest.push({ ms: Math.round(task.dur! / 1000), what });
  }
  const top = (m: Map<string, number>, n: number): LongTaskSource[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([source, us]) => ({ source, ms: Math.round(us / 1000) }));
  const durations = tasks.map((t) => t.dur! / 1000);
  return {
    count: tasks.length,
    longestMs: Math.round(Math.max(0, ...durations)),
    totalMs: Math.round(durations.reduce((a, b) => a + b, 0)),
    byEvent: top(byEvent, 20),
    byFunction: top(byFunction, 30),
    longest: longest.sort((a, b) => b.ms - a.ms).slice(0, 12),
  };
}

/**
 * Every thread of the trace: its task time (RunTask and the like, outermost events only)
 * and its 6 busiest events by self time, busiest thread first.
 */
export function threadTasks(
  events: readonly TraceEvent[],
): { thread: string; taskMs: number; events: LongTaskSource[] }[] {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const out: { thread: string; taskMs: number; events: LongTaskSource[] }[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const open: TraceEvent[] = [];
    let outer = 0;
    for (const e of list) {
      while (open.length > 0 && open.at(-1)!.ts + open.at(-1)!.dur! <= e.ts) open.pop();
      const parent = open.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
      else outer += e.dur!;
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
      open.push(e);
    }
    out.push({
      thread: `${key.split(':')[0]}/${names.get(key) ?? '?'}`,
      taskMs: Math.round(outer / 1000),
      events: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([source, us]) => ({ source, ms: Math.round(us / 1000) })),
    });
  }
  return out.sort((a, b) => b.taskMs - a.taskMs);
}
