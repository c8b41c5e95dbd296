// Counts the renders of each function component in the page, in any React build: React
// reports every commit to a DevTools hook it finds on window before it loads (this module
// must be imported before react-dom). A component rendered in a commit when its fiber
// performed work (React's PerformedWork flag) and is not the very fiber of the previous
// commit (a subtree React did not visit keeps its fibers, and their old flags).
// A commit that comes in the same run of script as the one before it (before the microtask
// queued at that one ran) is a cascade: React rendered again, synchronously, for state set
// while committing (a layout effect), and both are one main-thread task.

interface Fiber {
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
}

const PERFORMED_WORK = 1;
const renders = new Map<string, number>();
let previous = new Set<Fiber>();
/** The components rendered in cascaded commits, by name. */
const cascaded = new Map<string, number>();
/** True from a commit until the script that ran it has finished (its microtask). */
let committing = false;

function visit(first: Fiber | null, seen: Set<Fiber>, cascade: boolean): void {
  for (let fiber = first; fiber !== null; fiber = fiber.sibling) {
    seen.add(fiber);
    const name = typeof fiber.type === 'function' ? fiber.type.name : '';
    if (name !== '' && fiber.flags & PERFORMED_WORK && !previous.has(fiber)) {
      renders.set(name, (renders.get(name) ?? 0) + 1);
      if (cascade) cascaded.set(name, (cascaded.get(name) ?? 0) + 1);
    }
    visit(fiber.child, seen, cascade);
  }
}

(window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map(),
  inject: () => 1,
  onCommitFiberRoot(_renderer: number, root: { current: Fiber }) {
    const cascade = committing;
    if (!committing) {
      committing = true;
      queueMicrotask(() => (committing = false));
    }
    const seen = new Set<Fiber>();
    visit(root.current, seen, cascade);
    previous = seen;
  },
  onCommitFiberUnmount: () => undefined,
  onPostCommitFiberRoot: () => undefined,
  checkDCE: () => undefined,
};

/** Renders of each named function component since the last reset. */
export function renderCounts(): Record<string, number> {
  return Object.fromEntries(renders);
}

export function resetRenderCounts(): void {
  renders.clear();
  cascaded.clear();
}

/**
 * The components rendered in commits that cascaded from the commit before them, in the
 * same task, since the last reset, by name (a cascaded commit in which React rendered no
 * component, having bailed out of the update, costs next to nothing and is not named).
 */
export function cascades(): Record<string, number> {
  return Object.fromEntries(cascaded);
}
