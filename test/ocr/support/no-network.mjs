// Preloaded with `node --import` (and so in every worker thread, which inherits
// execArgv): any attempt to open a network connection or fetch is refused and logged
// as a line "NETWORK-ATTEMPT <what>" on stderr, so a test can fail on it.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';

const report = (what) => {
  process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
  return new Error(`network access attempted: ${what}`);
};
const originalFetch = globalThis.fetch;
globalThis.fetch = (input) => {
  const url = typeof input === 'string' ? input : (input?.url ?? String(input));
  // file: and data: URLs read local bytes; anything else would leave the machine.
  if (/^(file|data|blob):/.test(url)) return originalFetch(input);
  return Promise.reject(report(`fetch ${url}`));
};
net.Socket.prototype.connect = function connect() {
  throw report('net.Socket.connect');
};
net.connect = net.createConnection = () => {
  throw report('net.connect');
};
tls.connect = () => {
  throw report('tls.connect');
};
for (const [name, mod] of [
  ['http', http],
  ['https', https],
]) {
  mod.request = mod.get = () => {
    throw report(`${name}.request`);
  };
}
dns.lookup = () => {
  throw report('dns.lookup');
};
