// The text a tuned set's file gives (PDF text layer or OCR), read once and kept beside the
// set in tuned-text/<file>.json, then extracted again on every run: shared by
// bench/ocr-replay.ts and bench/ocr-fonts.ts, so a reader change is judged in seconds.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentKind } from '../src/core/documents';
import type { DocumentText, ExtractedDocument } from '../src/core/extraction';
import { extractDocument } from '../src/core/extract';
import { segmentText } from '../src/core/segment';
import { readDocuments, type ReadDocumentDeps } from '../src/ocr/read-document';
import type { ReplayEntry } from './ocr-read';

/** The documents a text holds, as src/ocr/read-document.ts reads them (no image inspection). */
function documentsOf(text: DocumentText, file: string): ExtractedDocument[] {
  const parts = segmentText(text);
  if (parts.length <= 1) return [extractDocument(text, file)];
  return parts.map((part) => ({
    ...extractDocument(part.text, file, part.kind === 'unknown' ? {} : { kind: part.kind }),
    page: part.pages[0]!,
  }));
}

/** The documents of bench:ocr's entry, extracted again from the texts they were read from. */
function documentsOfEntry(entry: ReplayEntry, file: string): ExtractedDocument[] {
  return entry.documents.map((d) => {
    const kind = d.kind === 'unknown' ? {} : { kind: d.kind as DocumentKind };
    return {
      ...extractDocument(d.text, file, d.several ? kind : {}),
      ...(d.page === undefined ? {} : { page: d.page }),
    };
  });
}

/**
 * The documents of `dir`/`file`, extracted from the text kept in `cache` (read with `deps`
 * and kept there first when it is not, or when `refresh` asks for a new reading).
 */
export async function replayedDocuments(
  dir: string,
  cache: string,
  file: string,
  deps: ReadDocumentDeps,
  refresh = false,
): Promise<ExtractedDocument[]> {
  const path = join(cache, `${file}.json`);
  if (!refresh && existsSync(path)) {
    const kept = JSON.parse(await readFile(path, 'utf8')) as DocumentText | ReplayEntry;
    return 'documents' in kept ? documentsOfEntry(kept, file) : documentsOf(kept, file);
  }
  let seen: DocumentText | undefined;
  const bytes = new Uint8Array(await readFile(join(dir, file)));
  await readDocuments(
    { name: file, bytes },
    {
      ...deps,
      onText: (t) => {
        seen = t;
      },
    },
  );
  if (!seen) throw new Error(`${file}: no text`);
  await writeFile(path, JSON.stringify(seen));
  return documentsOf(seen, file);
}
