// The renderer's entry: zod's "jitless" config first (zod-jitless.ts), then the app.
import './zod-jitless';

void import('./shell/boot');
