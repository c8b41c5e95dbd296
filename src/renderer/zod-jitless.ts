// zod must run "jitless" in the renderer and its workers: its JIT probes `new Function`,
// which the CSP (no 'unsafe-eval') refuses and reports as a violation even though zod
// catches the error; and the probe runs as soon as a module creates an object schema. zod
// reads its config from this global, so this module is imported before any that uses zod.
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
