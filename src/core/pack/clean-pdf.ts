// Active content removed from a PDF before it leaves in a pack: JavaScript (document-level
// and in actions), the open action, additional actions (triggers on open, close, page
// view, field change), launch and other actions that open or send files, embedded and
// attached files, XFA forms and multimedia annotations. What is removed is counted for the
// manifest; objects nothing refers to any more are deleted so their bytes do not remain.
import {
  PDFDocument,
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import { PackFileError } from './errors';
import type { Conversion } from './manifest';

/** Actions that run code or open, send or fetch files. */
const ACTION_LABELS: Record<string, string> = {
  JavaScript: 'JavaScript',
  Launch: 'launch action',
  SubmitForm: 'form submission',
  ImportData: 'data import',
  GoToE: 'embedded-file link',
  GoToR: 'link to another file',
  RichMediaExecute: 'multimedia',
  Rendition: 'multimedia',
  Movie: 'multimedia',
  Sound: 'multimedia',
};
const ANNOTATION_LABELS: Record<string, string> = {
  FileAttachment: 'embedded file',
  RichMedia: 'multimedia',
  Screen: 'multimedia',
  Movie: 'multimedia',
  Sound: 'multimedia',
  '3D': 'multimedia',
};
const name = (n: string) => PDFName.of(n);

/**
 * Names that only active content uses: a PDF whose raw bytes hold one is rewritten even
 * when its parsed structure shows none (an object hidden from one reader may be seen by another).
 */
const RAW_MARKERS =
  /\/(?:JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)(?=[\s/<>[\]()%{}])/;

export function rawActiveContentMarker(bytes: Uint8Array): boolean {
  // latin1: one character per byte, so the regular expression sees the names as written.
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // Stream data (images, fonts, compressed content) is skipped: its bytes are not names.
  return RAW_MARKERS.test(text.replace(/stream\r?\n[\s\S]*?endstream/g, ''));
}

export interface PdfCleaning {
  /** "JavaScript" → 2, "open action" → 1, … (empty when the document had none). */
  removed: Map<string, number>;
}

/** One phrase for the manifest: "removed JavaScript (2), open action (1)". */
export function describeCleaning(removed: ReadonlyMap<string, number>): string {
  return `removed ${[...removed].map(([what, n]) => `${what} (${n})`).join(', ')}`;
}

/** Removes the active content from the document in place and says what it removed. */
export function removeActiveContent(doc: PDFDocument): PdfCleaning {
  const removed = new Map<string, number>();
  const count = (what: string) => removed.set(what, (removed.get(what) ?? 0) + 1);
  const context = doc.context;
  const seen = new Set<PDFObject>();
  let orphans = false;

  const resolve = (value: PDFObject | undefined): PDFObject | undefined =>
    value instanceof PDFRef ? context.lookup(value) : value;
  const dictOf = (value: PDFObject | undefined): PDFDict | undefined => {
    const resolved = resolve(value);
    if (resolved instanceof PDFDict) return resolved;
    if (resolved instanceof PDFStream) return resolved.dict;
    return undefined;
  };
  /** The label of an action that must go, or null. */
  const dangerousAction = (value: PDFObject | undefined): string | null => {
    const action = dictOf(value);
    if (!action) return null;
    if (action.has(name('JS'))) return 'JavaScript';
    const kind = action.get(name('S'));
    return kind instanceof PDFName ? (ACTION_LABELS[kind.decodeText()] ?? null) : null;
  };

  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined || object instanceof PDFRef || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item);
      return;
    }
    const dict = object instanceof PDFStream ? object.dict : object;
    if (!(dict instanceof PDFDict)) return;
    if (object instanceof PDFStream && dict.get(name('Type')) === name('EmbeddedFile'))
      orphans = true;
    // A file specification's embedded files (from the Names tree, an attachment or AF).
    if (dict.has(name('EF'))) {
      dict.delete(name('EF'));
      count('embedded file');
    }
    for (const key of ['OpenAction', 'AA']) {
      if (dict.has(name(key))) {
        // What the open action would run is named too ("open action", "JavaScript").
        const label = key === 'OpenAction' ? dangerousAction(dict.get(name(key))) : null;
        dict.delete(name(key));
        count(key === 'OpenAction' ? 'open action' : 'additional actions');
        if (label) count(label);
      }
    }
    // The name trees of document-level scripts and embedded files (the catalog's Names).
    if (dict.has(name('JavaScript'))) {
      dict.delete(name('JavaScript'));
      count('JavaScript');
    }
    if (dict.has(name('EmbeddedFiles'))) dict.delete(name('EmbeddedFiles'));
    if (dict.has(name('XFA'))) {
      dict.delete(name('XFA'));
      count('XFA form');
    }
    // A link's or outline item's action, and the chain of actions after an action.
    for (const key of ['A', 'Next']) {
      const value = dict.get(name(key));
      const label = dangerousAction(value);
      if (label) {
        dict.delete(name(key));
        count(label);
      } else if (resolve(value) instanceof PDFArray) {
        const chain = resolve(value) as PDFArray;
        for (let i = chain.size() - 1; i >= 0; i--) {
          const inner = dangerousAction(chain.get(i));
          if (inner) {
            chain.remove(i);
            count(inner);
          }
        }
      }
    }
    const annots = resolve(dict.get(name('Annots')));
    if (annots instanceof PDFArray) {
      for (let i = annots.size() - 1; i >= 0; i--) {
        const subtype = dictOf(annots.get(i))?.get(name('Subtype'));
        const label =
          subtype instanceof PDFName ? ANNOTATION_LABELS[subtype.decodeText()] : undefined;
        if (label) {
          annots.remove(i);
          count(label);
        }
      }
    }
    for (const value of dict.values()) visit(value);
  };

  for (const [, object] of context.enumerateIndirectObjects()) visit(object);
  // An embedded file's stream that nothing refers to still holds its bytes: deleted too.
  if (orphans && !removed.has('embedded file')) count('embedded file');
  if (removed.size > 0) deleteUnreachable(doc);
  return { removed };
}

/** Deletes the objects that neither the catalog nor the document information reach. */
export function deleteUnreachable(doc: PDFDocument): number {
  const context = doc.context;
  const reached = new Set<string>();
  const stack: PDFObject[] = [];
  const { Root, Info } = context.trailerInfo;
  for (const start of [Root, Info]) if (start) stack.push(start);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (reached.has(key)) continue;
      reached.add(key);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFArray) stack.push(...object.asArray());
    else if (object instanceof PDFDict) stack.push(...object.values());
    else if (object instanceof PDFStream || object instanceof PDFRawStream)
      stack.push(...object.dict.values());
  }
  let deleted = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref.toString())) {
      context.delete(ref);
      deleted++;
    }
  }
  return deleted;
}

export interface OpenedPdf {
  doc: PDFDocument;
  /** The PDF must be written again: active content was removed or its names were seen. */
  cleaned: Conversion | null;
}

/**
 * Opens a PDF for the pack with its active content removed, or refuses it naming the
 * file: damaged (its structure cannot be checked), or encrypted while holding active
 * content (which cannot be removed without its password).
 */
export async function openCleanPdf(sourceName: string, bytes: Uint8Array): Promise<OpenedPdf> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw new PackFileError(
      sourceName,
      `${sourceName} could not be read as a PDF (damaged file?), so it cannot be checked for scripts and attached files: print it to PDF again and add it again.`,
    );
  }
  const { removed } = removeActiveContent(doc);
  const hidden = removed.size === 0 && rawActiveContentMarker(bytes);
  if (doc.isEncrypted && (removed.size > 0 || hidden)) {
    throw new PackFileError(
      sourceName,
      `${sourceName} is an encrypted PDF holding ${removed.size > 0 ? [...removed.keys()].join(', ') : 'active content'}, ` +
        'which cannot be removed while it is encrypted: remove its password and add it again.',
    );
  }
  if (removed.size > 0)
    return { doc, cleaned: { step: 'pdf-clean', detail: describeCleaning(removed) } };
  if (hidden) {
    // Names of active content in the bytes that the parsed structure does not reach
    // (an older revision, an object another reader may pick): the rewrite leaves them out.
    deleteUnreachable(doc);
    return {
      doc,
      cleaned: { step: 'pdf-clean', detail: 'rewritten without unreferenced active content' },
    };
  }
  return { doc, cleaned: null };
}

/** Checks a written PDF again: anything active left means the file cannot go into the pack. */
export async function assertNoActiveContent(sourceName: string, bytes: Uint8Array): Promise<void> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const { removed } = removeActiveContent(doc);
  if (removed.size > 0) {
    throw new PackFileError(
      sourceName,
      `${sourceName} still holds ${[...removed.keys()].join(', ')} after cleaning, so it cannot go into the pack: print it to PDF again and add it again.`,
    );
  }
}
