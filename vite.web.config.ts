// `npm run web` / `npm run dev`: the same renderer build as the app, served by Vite on
// 127.0.0.1 with the app's response headers (Content-Security-Policy included).
import { defineConfig } from 'vite';
import { rendererConfig } from './electron.vite.config.ts';
import { APP_RESPONSE_HEADERS } from './src/main/policy/csp.ts';

export default defineConfig({
  ...rendererConfig('out/web'),
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: false,
    headers: { ...APP_RESPONSE_HEADERS },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
