// Rare characters of names that OCR, trained mostly on common text, reads as a common
// look-alike with full confidence: 逄 as 逢, 佘 as 余, 眭 as 睡, 隗 as 隐 (seen on phone
// photos, scans and image-only PDFs of the layout families). A name read by OCR that
// holds the common one may hold the rare one: the glyph's confidence cannot tell them
// apart, so the value is not trusted at 0.9 or more and a person checks it. A text-layer
// PDF gives its characters exactly and is not concerned.

/** The common character OCR returns → the rare one it may stand for. */
export const RARE_LOOK_ALIKES: Readonly<Record<string, string>> = {
  逢: '逄',
  余: '佘',
  睡: '眭',
  睦: '眭',
  隐: '隗',
  元: '亓',
  阀: '阚',
  阙: '阚',
  雾: '霁',
  赞: '赟',
  全: '仝',
  洗: '冼',
};

/** The most a compared name holding such a character is trusted when read by OCR. */
export const LOOK_ALIKE_CONFIDENCE = 0.85;

/** The characters of a value that may stand for a rare look-alike, with that look-alike. */
export function rareLookAlikes(value: string): { read: string; mayBe: string }[] {
  return [...value].flatMap((ch) => {
    const mayBe = RARE_LOOK_ALIKES[ch];
    return mayBe === undefined ? [] : [{ read: ch, mayBe }];
  });
}
