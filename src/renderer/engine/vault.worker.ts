// The vault's worker. zod must run "jitless" here as in the page (zod-jitless.ts), so that
// import comes first, before the vault's modules make their schemas.
import '../zod-jitless';
import { expose } from 'comlink';
import { createVaultHost } from './host';

expose(createVaultHost());
