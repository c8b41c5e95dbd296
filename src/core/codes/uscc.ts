// The unified social credit code (统一社会信用代码), GB 32100-2015 (spec §6).
import { NATIONAL_REGION_CODE, PROVINCE_PREFIXES } from './regions';

/** The 31 symbols of the code; a symbol's value is its index. No I, O, S, V, Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

/**
 * Registering authorities (1st character) and the categories under each (2nd character),
 * GB 32100-2015 Appendix A. 9 = market regulation: 1 enterprise, 2 individual business
 * (个体工商户), 3 farmers' cooperative.
 */
export const USCC_CATEGORIES: Readonly<
  Record<string, { en: string; categories: Record<string, string> }>
> = {
  '1': {
    en: 'institutional staffing',
    categories: {
      '1': 'government body',
      '2': 'public institution',
      '3': 'mass organisation',
      '9': 'other',
    },
  },
  '2': { en: 'foreign affairs', categories: { '1': 'foreign news agency office', '9': 'other' } },
  '3': {
    en: 'justice',
    categories: {
      '1': 'law firm',
      '2': 'notary office',
      '3': 'legal service office',
      '4': 'forensic institution',
      '5': 'arbitration commission',
      '9': 'other',
    },
  },
  '4': { en: 'culture', categories: { '1': 'foreign cultural centre', '9': 'other' } },
  '5': {
    en: 'civil affairs',
    categories: {
      '1': 'social organisation',
      '2': 'private non-enterprise unit',
      '3': 'foundation',
      '9': 'other',
    },
  },
  '6': {
    en: 'tourism',
    categories: {
      '1': 'foreign tourism office',
      '2': 'Hong Kong, Macao or Taiwan tourism office',
      '9': 'other',
    },
  },
  '7': {
    en: 'religious affairs',
    categories: { '1': 'place of worship', '2': 'religious college', '9': 'other' },
  },
  '8': { en: 'trade unions', categories: { '1': 'grassroots trade union', '9': 'other' } },
  '9': {
    en: 'market regulation',
    categories: { '1': 'enterprise', '2': 'individual business', '3': "farmers' cooperative" },
  },
  A: { en: 'military staffing', categories: { '1': 'military public institution', '9': 'other' } },
  N: {
    en: 'agriculture',
    categories: {
      '1': 'group collective',
      '2': 'village collective',
      '3': 'township collective',
      '9': 'other',
    },
  },
  Y: { en: 'other authorities', categories: { '1': 'other' } },
};

export interface CodeValidation {
  valid: boolean;
  /** One English sentence per problem found; empty when valid. */
  problems: string[];
}

export interface UsccValidation extends CodeValidation {
  /** Characters 1-2, e.g. "91", when both are known symbols. */
  category?: string;
  /** What the category is, e.g. "enterprise". */
  categoryName?: string;
  /** Characters 3-8, the administrative division code. */
  region?: string;
}

/** Whether every character of s is a USCC symbol. */
export function isUsccAlphabet(s: string): boolean {
  for (const ch of s) if (!USCC_ALPHABET.includes(ch)) return false;
  return true;
}

/** The check character for the first 17 characters of a USCC. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1 || !isUsccAlphabet(first17)) {
    throw new Error(
      `A USCC check character needs 17 characters from ${USCC_ALPHABET}, got "${first17}".`,
    );
  }
  let sum = 0;
  for (let i = 0; i < USCC_WEIGHTS.length; i++)
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a USCC: length, alphabet, authority and category, region, check character. */
export function validateUscc(code: string): UsccValidation {
  const problems: string[] = [];
  const chars = [...code];
  if (chars.length !== USCC_LENGTH) {
    problems.push(`The code has ${chars.length} characters; a unified social credit code has 18.`);
  }
  const bad = chars.flatMap((ch, i) =>
    USCC_ALPHABET.includes(ch) ? [] : [`${ch} at position ${i + 1}`],
  );
  if (bad.length > 0) {
    problems.push(
      `The code contains characters outside 0-9 and A-Z without I, O, S, V, Z: ${bad.join(', ')}.`,
    );
  }

  const result: UsccValidation = { valid: false, problems };
  const authority = chars[0];
  const categoryChar = chars[1];
  if (authority !== undefined) {
    const known = USCC_CATEGORIES[authority];
    if (known === undefined) {
      problems.push(
        `The 1st character ${authority} is not a registering authority (1-9, A, N or Y).`,
      );
    } else if (categoryChar !== undefined) {
      const name = known.categories[categoryChar];
      if (name === undefined) {
        problems.push(
          `The 2nd character ${categoryChar} is not a category under registering authority ${authority} (${known.en}).`,
        );
      } else {
        result.category = authority + categoryChar;
        result.categoryName = name;
      }
    }
  }

  if (chars.length >= 8) {
    const region = chars.slice(2, 8).join('');
    if (!/^\d{6}$/.test(region)) {
      problems.push(`Characters 3-8 (${region}) are not a 6-digit region code.`);
    } else if (region !== NATIONAL_REGION_CODE && !PROVINCE_PREFIXES.has(region.slice(0, 2))) {
      problems.push(`The region code ${region} does not start with a province code.`);
    } else {
      result.region = region;
    }
  }

  if (chars.length === USCC_LENGTH && bad.length === 0) {
    const expected = usccCheckCharacter(code.slice(0, 17));
    const actual = code.charAt(17);
    if (expected !== actual) {
      problems.push(
        `The check character is ${actual} but the first 17 characters give ${expected}.`,
      );
    }
  }
  result.valid = problems.length === 0;
  return result;
}
