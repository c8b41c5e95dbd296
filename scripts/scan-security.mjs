// `npm run scan:security`: @doyensec/electronegativity over the Electron code (src/ by
// default), failing on any HIGH or MEDIUM finding. The scanner would fetch translations
// and Electron's release list from the web: this wrapper refuses every connection in its
// own process, and skips the one check that only works online (AvailableSecurityFixes:
// Electron updates are tracked through npm instead).
// Usage: node scripts/scan-security.mjs [DIR] [--json]
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const offline = () => {
  throw new Error('the security scan runs offline');
};
for (const mod of [http, https]) mod.request = mod.get = offline;
net.connect = net.createConnection = tls.connect = dns.lookup = offline;
globalThis.fetch = () => Promise.reject(new Error('the security scan runs offline'));

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const json = args.includes('--json');
const input = resolve(args.find((a) => !a.startsWith('--')) ?? 'src');
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;

// The scanner prints a banner and translation notices through console.log: keep stdout for results.
const log = console.log;
console.log = () => {};
const run = require('@doyensec/electronegativity');
let result;
try {
  result = await run({
    input,
    ...(process.env.SCAN_NO_VERSION ? {} : { electronVersionOverride: electronVersion }),
    isRelative: true,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  console.log = log;
}

const findings = result.issues.map((e) => ({
  id: e.id,
  severity: e.severity.name,
  confidence: e.confidence.name,
  file: e.file,
  line: e.location.line,
  column: e.location.column,
  description: e.description,
  manualReview: e.manualReview,
}));
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
// A file the scanner could not parse was not scanned: that fails the scan too.
const unparsed = result.errors
  .filter((e) => !e.tolerable)
  .map((e) => ({ file: e.file, message: e.message }));

if (json) {
  console.log(
    JSON.stringify(
      {
        input,
        electronVersion,
        checks: result.globalChecks + result.atomicChecks,
        findings,
        unparsed,
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `electronegativity on ${input} (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings`,
  );
  for (const f of findings) {
    console.log(
      `${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id.padEnd(36)} ${f.file}:${f.line}:${f.column}  ${f.description}`,
    );
  }
  for (const u of unparsed) console.log(`UNPARSED      ${u.file}: ${u.message}`);
  console.log(
    blocking.length === 0
      ? 'No HIGH or MEDIUM finding.'
      : `${blocking.length} HIGH or MEDIUM finding(s): fix them or review them in the README's Security model.`,
  );
}
process.exitCode = blocking.length === 0 && unparsed.length === 0 ? 0 : 1;
