// Counts the renders of each function component in the page, in any React build: React
// reports every commit to a DevTools hook it finds on window before it loads (this module
// must be imported before react-dom). A component rendered in a commit when its fiber
// performed work (React's PerformedWork flag) and is not the very fiber of the previous
// commit (a subtree React did not visit keeps its fibers, and their old flags).

interface Fiber {
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
}

const PERFORMED_WORK = 1;
const renders = new Map<string, number>();
let previous = new Set<Fiber>();

function visit(first: Fiber | null, seen: Set<Fiber>): void {
  for (let fiber = first; fiber !== null; fiber = fiber.sibling) {
    seen.add(fiber);
    const name = typeof fiber.type === 'function' ? fiber.type.name : '';
    if (name !== '' && fiber.flags & PERFORMED_WORK && !previous.has(fiber))
      renders.set(name, (renders.get(name) ?? 0) + 1);
    visit(fiber.child, seen);
  }
}

(window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map(),
  inject: () => 1,
  onCommitFiberRoot(_renderer: number, root: { current: Fiber }) {
    const seen = new Set<Fiber>();
    visit(root.current, seen);
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
}
