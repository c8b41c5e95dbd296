// A file is pages, a page is one or more documents: the parts of a file's text that are
// each one document, in page order. Each page is classified on its own; consecutive
// pages of one kind are one document (a two-page form); a page whose text falls into
// clusters of different kinds is split into regions (both ID sides on one photocopy).
import { classifyDocument, classifyWithScores, leaningKind } from '../classify';
import type { DetectedKind, DocumentKind } from '../documents';
import type { DocumentText, PageText, Region, TextItem } from '../extraction';
import { splitPage } from './regions';

export { boundsOf, splitPage, type Lean, type PageRegion } from './regions';

export interface DocumentPart {
  kind: DetectedKind;
  /** Indices (PageText.page) of the pages the document is on, in order. */
  pages: number[];
  /** Where on its page the document is, when it is only a part of that page. */
  region?: Region;
  /** The document's own text: its pages, or its region's lines only. */
  text: DocumentText;
}

function classifyItems(source: DocumentText['source'], page: PageText) {
  return (items: readonly TextItem[]): DetectedKind =>
    classifyDocument({ source, pages: [{ ...page, items: [...items] }] });
}

function leanItems(source: DocumentText['source'], page: PageText) {
  return (items: readonly TextItem[]): DocumentKind | null =>
    leaningKind(classifyWithScores({ source, pages: [{ ...page, items: [...items] }] }).scores);
}

/** The documents a file's text holds, in page order (at least one: an empty file's page). */
export function segmentText(text: DocumentText): DocumentPart[] {
  const parts: DocumentPart[] = [];
  const { source } = text;
  for (const page of text.pages) {
    const regions = splitPage(page, classifyItems(source, page), leanItems(source, page));
    if (regions !== null) {
      for (const r of regions) {
        parts.push({
          kind: r.kind,
          pages: [page.page],
          region: r.region,
          text: { source, pages: [{ ...page, items: r.items }] },
        });
      }
      continue;
    }
    const kind = classifyDocument({ source, pages: [page] });
    const previous = parts[parts.length - 1];
    if (previous && previous.region === undefined && kind !== 'unknown' && previous.kind === kind) {
      previous.pages.push(page.page);
      previous.text = { source, pages: [...previous.text.pages, page] };
    } else {
      parts.push({ kind, pages: [page.page], text: { source, pages: [page] } });
    }
  }
  if (parts.length === 0) parts.push({ kind: 'unknown', pages: [0], text });
  return parts;
}
