// Run by `npm test` before the suites (package.json "pretest"): finds each tool from
// outside npm that the tests need. As root (or with passwordless sudo) where apt-get
// exists it installs what is missing; otherwise it stops at once with one sentence per
// missing tool naming the command to run. Idempotent, and fast when all is present.
// `tsx scripts/prereqs.ts chromium` checks Chromium alone: the `pre…` step of every other
// npm script that drives it (fixtures, examples, the browser benchmarks).
//
// Only Chromium comes from outside npm: the end-to-end suites drive it and the fixture
// renderer prints documents with it (playwright-core brings no browser of its own here).
// Everything else the tests read with is an npm package: pdfjs-dist for the report PDF,
// 7zip-bin's 7za as the independent zip reader, npm font packages for the fixtures.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { CHROMIUM_PATH, CHROMIUM_SOURCE } from './chromium-path';
import { SEVEN_ZIP_PATH } from './seven-zip';

interface Requirement {
  name: string;
  /** Where it is looked for. */
  at: string;
  present(): boolean;
  /** Debian packages that provide it, or undefined where only the user can act. */
  aptPackages?: readonly string[];
  /** Fixes that need no privilege (e.g. an execute bit); true when it is then present. */
  repair?(): boolean;
  /** One sentence: what is missing, why the tests need it, and the command to run. */
  sentence: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const CHROMIUM_NEED = 'the end-to-end tests, the fixture renderer and the benchmarks drive it';

const REQUIREMENTS: readonly Requirement[] = [
  {
    name: 'Chromium',
    at: CHROMIUM_PATH,
    present: () => isExecutable(CHROMIUM_PATH),
    // An explicit DOSSIER_CHROMIUM is the user's choice: never installed over.
    aptPackages: CHROMIUM_SOURCE === 'DOSSIER_CHROMIUM' ? undefined : ['chromium'],
    sentence:
      CHROMIUM_SOURCE === 'DOSSIER_CHROMIUM'
        ? `DOSSIER_CHROMIUM=${CHROMIUM_PATH} is not an executable file (${CHROMIUM_NEED}): point it at a Chromium or Chrome binary, or unset it and run \`sudo apt-get install chromium\`.`
        : `Chromium is missing at ${CHROMIUM_PATH} (${CHROMIUM_NEED}): run \`sudo apt-get install chromium\`, or set DOSSIER_CHROMIUM=/path/to/chrome to use another Chromium.`,
  },
  {
    name: '7za',
    at: SEVEN_ZIP_PATH,
    present: () => isExecutable(SEVEN_ZIP_PATH),
    // npm unpacks the binary without its execute bit.
    repair: () => {
      try {
        chmodSync(SEVEN_ZIP_PATH, 0o755);
      } catch {
        return false;
      }
      return isExecutable(SEVEN_ZIP_PATH);
    },
    sentence: `7-Zip's 7za is missing or not executable at ${SEVEN_ZIP_PATH} (the pack tests read packs back with it): run \`npm install\`, then \`chmod +x ${SEVEN_ZIP_PATH}\`.`,
  },
];

function canRunAsRoot(): 'root' | 'sudo' | undefined {
  if (process.getuid?.() === 0) return 'root';
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : undefined;
}

function hasAptGet(): boolean {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function aptInstall(packages: readonly string[], as: 'root' | 'sudo'): void {
  const run = (args: string[]) =>
    execFileSync(as === 'root' ? args[0]! : 'sudo', as === 'root' ? args.slice(1) : args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log(`prereqs: installing ${packages.join(' ')} with apt-get`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
}

/** The requirements named on the command line (case aside), or all of them. */
function wanted(names: readonly string[]): readonly Requirement[] | string {
  if (names.length === 0) return REQUIREMENTS;
  const unknown = names.filter(
    (n) => !REQUIREMENTS.some((r) => r.name.toLowerCase() === n.toLowerCase()),
  );
  if (unknown.length > 0)
    return `prereqs: no requirement named ${unknown.join(', ')} (known: ${REQUIREMENTS.map((r) => r.name.toLowerCase()).join(', ')}).`;
  return REQUIREMENTS.filter((r) => names.some((n) => r.name.toLowerCase() === n.toLowerCase()));
}

function main(): number {
  const checked = wanted(process.argv.slice(2));
  if (typeof checked === 'string') {
    console.error(checked);
    return 2;
  }
  let missing = checked.filter((r) => !r.present() && !(r.repair?.() ?? false));
  const installable = [...new Set(missing.flatMap((r) => r.aptPackages ?? []))];
  if (installable.length > 0) {
    const as = canRunAsRoot();
    if (as && hasAptGet()) {
      aptInstall(installable, as);
      missing = missing.filter((r) => !r.present());
    }
  }
  if (missing.length === 0) {
    console.log(`prereqs: ${checked.map((r) => `${r.name} at ${r.at}`).join(', ')}`);
    return 0;
  }
  for (const r of missing) console.error(r.sentence);
  return 1;
}

process.exitCode = main();
