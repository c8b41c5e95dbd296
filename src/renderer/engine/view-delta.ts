// A dossier's view sent from the vault's worker to the page as what changed since the view
// the page already holds, not whole after every write: confirming one field changes that
// document, the check run and the deadlines, and the other documents, the accounts, the
// declared values… stay where they are. The worker remembers the last view it sent of each
// dossier (a version number each), compares the new one with it part by part (documents by
// id, deep-equal: model/share-equal.ts) and sends the parts that differ; the page merges
// them into the view it holds, so an unchanged part keeps its very objects and the panels
// showing it are not rendered again. Documents cross once: the slots, the others and the
// checks' input name them by id (or take them from the documents) and are rebuilt here.
import * as z from 'zod';
import type { DocumentKind } from '../../core/documents';
import type { DocumentView, DossierView } from '../model/contract';
import { deepEqual } from '../model/share-equal';

/** The view's parts other than its documents (and what is made of them). */
type Parts = Omit<DossierView, 'documents' | 'slots' | 'others' | 'input'> & {
  input: Omit<DossierView['input'], 'documents'>;
};

/** What crosses: the parts that changed since `base` (all of them when `base` is null). */
export interface ViewDelta {
  version: number;
  /** The version this delta applies to; null: the whole view. */
  base: number | null;
  parts: Partial<Parts>;
  /** The documents in order, by id. */
  order: string[];
  /** The documents new or changed since `base` (all when whole). */
  documents: DocumentView[];
  /** Each slot's document id. */
  slots: Record<string, string | null>;
  /** The ids of the documents in no slot. */
  others: string[];
}

/** The shape the page checks before merging (the parts' contents are the worker's own view). */
export const ViewDeltaSchema = z.object({
  version: z.number().int().min(1),
  base: z.number().int().min(1).nullable(),
  parts: z.record(z.string(), z.unknown()),
  order: z.array(z.string()),
  documents: z.array(z.looseObject({ info: z.looseObject({ id: z.string() }) })),
  slots: z.record(z.string(), z.string().nullable()),
  others: z.array(z.string()),
});

function partsOf(view: DossierView): Parts {
  const { documents: _d, slots: _s, others: _o, input, ...rest } = view;
  const { documents: _i, ...inputRest } = input;
  return { ...rest, input: inputRest };
}

/**
 * The delta from `prev` (the view sent as version `prev.version`, or null: none) to `next`,
 * as version `version`.
 */
export function encodeViewDelta(
  prev: { version: number; view: DossierView } | null,
  next: DossierView,
  version: number,
): ViewDelta {
  const before = prev ? partsOf(prev.view) : null;
  const after = partsOf(next);
  const parts: Partial<Record<keyof Parts, unknown>> = {};
  for (const key of Object.keys(after) as (keyof Parts)[])
    if (!before || !(key in before) || !deepEqual<unknown>(before[key], after[key]))
      parts[key] = after[key];
  const old = new Map(prev?.view.documents.map((d) => [d.info.id, d]));
  const documents = next.documents.filter((d) => {
    const was = old.get(d.info.id);
    return was === undefined || !deepEqual(was, d);
  });
  return {
    version,
    base: prev ? prev.version : null,
    parts: parts as Partial<Parts>,
    order: next.documents.map((d) => d.info.id),
    documents,
    slots: Object.fromEntries(
      Object.entries(next.slots).map(([kind, d]) => [kind, d?.info.id ?? null]),
    ),
    others: next.others.map((d) => d.info.id),
  };
}

/**
 * The view `delta` describes, merged into `prev` (the view of version `delta.base`; unused
 * when the delta is whole): what did not change is `prev`'s own objects.
 */
export function applyViewDelta(prev: DossierView | null, delta: ViewDelta): DossierView {
  if (delta.base !== null && prev === null)
    throw new Error('A partial dossier view came without the view it applies to.');
  const base = delta.base === null ? null : prev;
  const byId = new Map(base?.documents.map((d) => [d.info.id, d]));
  for (const d of delta.documents) byId.set(d.info.id, d);
  const doc = (id: string): DocumentView => {
    const found = byId.get(id);
    if (!found) throw new Error(`The dossier view names a document it did not send (${id}).`);
    return found;
  };
  const documents = delta.order.map(doc);
  const sameDocuments =
    base !== null &&
    documents.length === base.documents.length &&
    documents.every((d, i) => d === base.documents[i]);
  const before = base ? partsOf(base) : null;
  const parts = { ...before, ...delta.parts } as Parts;
  const slots = Object.fromEntries(
    Object.entries(delta.slots).map(([kind, id]) => [kind, id === null ? null : doc(id)]),
  ) as Record<DocumentKind, DocumentView | null>;
  const others = delta.others.map(doc);
  const input =
    base && sameDocuments && delta.parts.input === undefined
      ? base.input
      : { ...parts.input, documents: documents.map((d) => d.extracted) };
  return {
    ...parts,
    documents: sameDocuments ? base.documents : documents,
    slots:
      base &&
      Object.keys(slots).every((k) => slots[k as DocumentKind] === base.slots[k as DocumentKind])
        ? base.slots
        : slots,
    others:
      base && others.length === base.others.length && others.every((d, i) => d === base.others[i])
        ? base.others
        : others,
    input,
  };
}
