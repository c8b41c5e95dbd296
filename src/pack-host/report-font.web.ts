// The report's CJK font in the renderer: the app bundles NotoSansHans-Regular.otf from
// @embedpdf/fonts-sc as a local asset and passes its URL here (never a remote URL: the
// app is offline, and its CSP refuses other origins anyway).
import type { ReportFont } from '../core/pack/report-font';
import { reportFontFromBytes } from './fontkit-adapter';

let cached: Promise<ReportFont> | undefined;

export function loadReportFontFromUrl(url: string): Promise<ReportFont> {
  cached ??= fetch(url).then(async (response) => {
    if (!response.ok)
      throw new Error(`The report font could not be loaded from ${url} (HTTP ${response.status}).`);
    return reportFontFromBytes(new Uint8Array(await response.arrayBuffer()));
  });
  // A failed load is not remembered: the next export tries again.
  cached.catch(() => (cached = undefined));
  return cached;
}
