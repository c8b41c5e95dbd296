// The fields a document in the dossier prints (src/core/printed-fields), from what was read
// or confirmed: the review lists them and the slot counts them.
import { printedFields } from '../../../core/printed-fields';
import type { DocumentView } from '../../model/contract';

export function printedFieldsOf(doc: DocumentView): string[] {
  const read = new Set(
    doc.fields.filter((f) => f.value !== null || f.confirmedValue !== null).map((f) => f.field),
  );
  return printedFields(doc.info.kind, (field) => read.has(field));
}

/** Fields read (or entered) of those the document prints: "读取到 6/6 个字段". */
export function fieldsReadOf(doc: DocumentView): {
  read: number;
  total: number;
  confirmed: number;
} {
  const printed = printedFieldsOf(doc);
  const has = (f: DocumentView['fields'][number]) => f.value !== null || f.confirmedValue !== null;
  const counted = doc.fields.filter((f) => printed.includes(f.field) || has(f));
  const total = new Set([...printed, ...counted.map((f) => f.field)]).size;
  return {
    read: counted.filter(has).length,
    total: doc.info.kind === 'unknown' ? doc.fields.length : total,
    confirmed: doc.fields.filter((f) => f.confirmedValue !== null).length,
  };
}
