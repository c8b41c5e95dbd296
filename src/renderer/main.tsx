// The renderer's entry. zod must run "jitless" here: its JIT probes `new Function`, which
// the CSP (no 'unsafe-eval') refuses and reports as a violation even though zod catches
// the error; and the probe runs as soon as a module creates an object schema. zod reads
// its config from this global, so it is set before any module that uses zod is loaded.
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

void import('./shell/boot');
