// Which Chromium the project drives: Debian's unless DOSSIER_CHROMIUM names another
// Chromium or Chrome binary. Apart from chromium.ts so the prerequisite step can read it
// without loading playwright-core.
const chosen = process.env.DOSSIER_CHROMIUM?.trim();

/** Where the Chromium path came from: the user's variable or the Debian default. */
export const CHROMIUM_SOURCE: 'DOSSIER_CHROMIUM' | 'debian' = chosen
  ? 'DOSSIER_CHROMIUM'
  : 'debian';

export const CHROMIUM_PATH = chosen || '/usr/bin/chromium';
