// `node --import` this file: every CommonJS file that an ESM import loads is appended, one URL
// a line, to the file RECORD_CJS_IMPORTS names. Node scans such a file for its export names
// (cjs-module-lexer) before it runs; a package that is required is not scanned.
import { register } from 'node:module';

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  if (result.format === 'commonjs' && process.env.RECORD_CJS_IMPORTS) {
    appendFileSync(process.env.RECORD_CJS_IMPORTS, url + '\\n');
  }
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
