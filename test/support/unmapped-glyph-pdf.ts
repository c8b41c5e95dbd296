// A text-layer PDF whose ToUnicode maps send one character to a private-use code point:
// the glyph is printed (the image shows it) but the layer does not say which character it
// is, as PDF writers that map a rare character to the user-defined area of their encoding
// (GBK's PUA) leave it. pdfjs gives that code point for it, the rest of the layer as
// printed. (An entry simply left out is no such case: pdfjs then gives the glyph's code as
// a character, 彧 coming back as `e`.)
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * The PDF with every ToUnicode bfchar entry mapping to `character` edited: `edit` gives
 * the entry's new line, or null to leave it out (throws if there was none).
 */
async function editEntriesFor(
  bytes: Uint8Array,
  character: string,
  edit: (line: string) => string | null,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  const target = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  let edited = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : undefined;
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = new TextDecoder().decode(decodePDFRawStream(stream).decode());
    const changed = cmap.replace(
      /(\d+) beginbfchar\n([\s\S]*?)endbfchar/g,
      (_, _count, body: string) => {
        const kept = body
          .split('\n')
          .filter(Boolean)
          .flatMap((l) => {
            if (!l.toUpperCase().endsWith(`<${target}>`)) return [l];
            edited++;
            const line = edit(l);
            return line === null ? [] : [line];
          });
        return `${kept.length} beginbfchar\n${kept.map((l) => `${l}\n`).join('')}endbfchar`;
      },
    );
    if (changed !== cmap)
      object.set(PDFName.of('ToUnicode'), pdf.context.register(pdf.context.flateStream(changed)));
  }
  if (edited === 0) throw new Error(`no ToUnicode entry maps to ${character}`);
  return pdf.save();
}

/**
 * The PDF with every ToUnicode entry mapping to `character` sent to `privateUse` instead
 * (throws if there was none).
 */
export function withPrivateUseFor(
  bytes: Uint8Array,
  character: string,
  privateUse = 0xe000,
): Promise<Uint8Array> {
  const pua = `<${privateUse.toString(16).toUpperCase()}>`;
  return editEntriesFor(bytes, character, (l) => l.replace(/<[^<]*>$/, pua));
}

/**
 * The PDF with every ToUnicode entry mapping to `character` left out (throws if there
 * was none): pdfjs then gives the glyph's code as the character, 彧 coming back as `e`.
 */
export function withoutEntryFor(bytes: Uint8Array, character: string): Promise<Uint8Array> {
  return editEntriesFor(bytes, character, () => null);
}
