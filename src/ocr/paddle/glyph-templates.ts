// The visual judge's bitmaps (glyph-judge.ts) from the generated asset (glyph-templates.
// data.ts, scripts/glyph-templates.ts): per character, one smoothed bitmap per face. A
// character's bitmaps are unpacked when it is first judged: a page without a character
// that has look-alikes costs nothing.
import { GLYPH_TEMPLATE_DATA } from './glyph-templates.data';
import { GRID, unpackBits, type GlyphTemplates, type GlyphVector } from './glyph-judge';

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The bitmaps of every face, or of all but `leaveOut` (faces a measurement tests on). */
export function glyphTemplates(leaveOut: readonly string[] = []): GlyphTemplates {
  const { faces, chars, bits } = GLYPH_TEMPLATE_DATA;
  const list = [...chars];
  const per = (GRID * GRID) / 8;
  let all: Uint8Array | undefined;
  const known = new Map<string, (GlyphVector | undefined)[]>();
  /** The character's bitmap in each face kept (undefined where not drawn); null: unknown. */
  const byFace = (ch: string): (GlyphVector | undefined)[] | null => {
    const had = known.get(ch);
    if (had) return had;
    const i = list.indexOf(ch);
    if (i < 0) return null;
    all ??= decodeBase64(bits);
    const out: (GlyphVector | undefined)[] = [];
    faces.forEach((face: string, f) => {
      if (leaveOut.includes(face)) return;
      const at = (f * list.length + i) * per;
      const b = all!.subarray(at, at + per);
      out.push(b.some((x) => x !== 0) ? unpackBits(b) : undefined);
    });
    known.set(ch, out);
    return out;
  };
  const drawn = new Map<string, GlyphVector[]>();
  return {
    get(ch) {
      const faces = byFace(ch);
      if (!faces) return undefined;
      let list = drawn.get(ch);
      if (!list) drawn.set(ch, (list = faces.filter((t) => t !== undefined)));
      return list;
    },
    byFace: (ch) => byFace(ch) ?? [],
  };
}
