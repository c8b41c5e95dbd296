// Which characters are ideographs: one definition for every module that asks. HAN_CHAR
// and HAS_HAN follow Unicode's Script=Han (the unified ideographs and their extensions,
// the compatibility ideographs, the radicals, 〇 and 々); CJK_UNIFIED is the narrower
// block range U+3400-U+9FFF (Extension A and the unified ideographs: every ideograph of
// the OCR's alphabet, but not 〇, 々 or the radicals), kept where a module was measured with it.

/** The string is one Han character. */
export const HAN_CHAR = /^\p{Script=Han}$/u;

/** The string holds a Han character somewhere. */
export const HAS_HAN = /\p{Script=Han}/u;

/** The string holds a character of U+3400-U+9FFF somewhere. */
export const CJK_UNIFIED = /[\u3400-\u9fff]/u;
