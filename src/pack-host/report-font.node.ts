// The report's CJK font in Node: Noto Sans SC (GB2312 coverage, OFL) shipped by the npm
// package @embedpdf/fonts-sc, read from node_modules, so nothing is fetched at run time.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportFont } from '../core/pack/report-font';
import { reportFontFromBytes } from './fontkit-adapter';

/** Path of the OpenType font file (also registered with the canvas for watermarks). */
export function reportFontPath(): string {
  const main = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return join(dirname(main), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

let cached: Promise<ReportFont> | undefined;

export function loadReportFont(): Promise<ReportFont> {
  cached ??= readFile(reportFontPath()).then((bytes) => reportFontFromBytes(new Uint8Array(bytes)));
  return cached;
}
