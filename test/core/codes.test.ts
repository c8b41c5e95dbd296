import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOOK_ALIKES,
  proposeIdNumberCorrections,
  proposeUsccCorrections,
} from '../../src/core/codes/correct';
import {
  birthDateFromIdNumber,
  idCheckDigit,
  validateIdNumber,
} from '../../src/core/codes/id-number';
import { PROVINCE_PREFIXES } from '../../src/core/codes/regions';
import {
  USCC_ALPHABET,
  USCC_CATEGORIES,
  usccCheckCharacter,
  validateUscc,
} from '../../src/core/codes/uscc';

const provinces = [...PROVINCE_PREFIXES];
const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) =>
  fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const usccSymbol = fc.constantFrom(...USCC_ALPHABET);

const validUscc = fc
  .tuple(
    fc.constantFrom(
      ...Object.entries(USCC_CATEGORIES).flatMap(([a, { categories }]) =>
        Object.keys(categories).map((c) => a + c),
      ),
    ),
    fc.constantFrom(...provinces),
    digits(4),
    fc.array(usccSymbol, { minLength: 9, maxLength: 9 }).map((s) => s.join('')),
  )
  .map(([category, province, county, body]) => {
    const first17 = category + province + county + body;
    return first17 + usccCheckCharacter(first17);
  });

const validId = fc
  .tuple(
    fc.constantFrom(...provinces),
    digits(4),
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    digits(3),
  )
  .map(([province, county, birth, sequence]) => {
    const first17 =
      province + county + birth.toISOString().slice(0, 10).replaceAll('-', '') + sequence;
    return first17 + idCheckDigit(first17);
  });

/** Any character a scan could give in place of another: symbols, look-alikes, noise. */
const anyChar = fc.constantFrom(...(USCC_ALPHABET + 'IOSVZolxX-· 中'));

function substitute(code: string, at: number, ch: string): string {
  return code.slice(0, at) + ch + code.slice(at + 1);
}
function transpose(code: string, at: number): string {
  return code.slice(0, at) + code.charAt(at + 1) + code.charAt(at) + code.slice(at + 2);
}
function differingPositions(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('USCC (GB 32100-2015)', () => {
  it('validates the standard example 91350100M000100Y43', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    const result = validateUscc('91350100M000100Y43');
    expect(result).toMatchObject({
      valid: true,
      problems: [],
      category: '91',
      region: '350100',
      categoryName: 'enterprise',
    });
  });

  it('names each problem in one sentence', () => {
    expect(validateUscc('91350100M000100Y44').problems).toEqual([
      'The check character is 4 but the first 17 characters give 3.',
    ]);
    expect(validateUscc('9135010').problems[0]).toBe(
      'The code has 7 characters; a unified social credit code has 18.',
    );
    expect(validateUscc('9135O100M000100Y43').problems[0]).toMatch(/O at position 5/);
    expect(validateUscc('Q1350100M000100Y43').problems.join(' ')).toMatch(
      /1st character Q is not a registering authority/,
    );
    expect(validateUscc('94350100M000100Y43').problems.join(' ')).toMatch(
      /2nd character 4 is not a category/,
    );
    expect(validateUscc('91990100M000100Y43').problems.join(' ')).toMatch(/region code 990100/);
  });

  it('accepts the letter authorities A, N and Y', () => {
    for (const prefix of ['A1', 'N2', 'Y1']) {
      const first17 = `${prefix}110105MA0000001`;
      expect(validateUscc(first17 + usccCheckCharacter(first17)).valid).toBe(true);
    }
  });

  it('reads the category of an individual business', () => {
    const first17 = '92330106MA2B2XXX2';
    expect(validateUscc(first17 + usccCheckCharacter(first17))).toMatchObject({
      valid: true,
      category: '92',
      categoryName: 'individual business',
    });
  });

  it('validates every generated valid code', () => {
    fc.assert(fc.property(validUscc, (code) => validateUscc(code).valid));
  });

  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), anyChar, (code, at, ch) => {
        fc.pre(code.charAt(at) !== ch);
        return !validateUscc(substitute(code, at, ch)).valid;
      }),
    );
  });

  it('rejects every adjacent transposition of two different characters', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(16), (code, at) => {
        fc.pre(code.charAt(at) !== code.charAt(at + 1));
        return !validateUscc(transpose(code, at)).valid;
      }),
    );
  });
});

describe('ID number (GB 11643-1999)', () => {
  it('validates the standard example 11010519491231002X', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(validateIdNumber('11010519491231002X', '1949-12-31', '2026-11-24')).toMatchObject({
      valid: true,
      birthDate: '1949-12-31',
      region: '110105',
    });
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
  });

  it('names each problem in one sentence', () => {
    expect(validateIdNumber('110105194912310021').problems).toEqual([
      'The check digit is 1 but the first 17 digits give X.',
    ]);
    expect(validateIdNumber('11010519491231002X', '1949-12-30').problems).toEqual([
      "The birth date in the ID number (1949-12-31) differs from the card's birth date (1949-12-30).",
    ]);
    expect(validateIdNumber('11010519490230002X').problems[0]).toBe(
      'Digits 7-14 of the ID number (19490230) are not a real date.',
    );
    expect(validateIdNumber('99010519491231002X').problems[0]).toMatch(/region code 990105/);
    expect(validateIdNumber('11010519491231002x').problems[0]).toMatch(/capital X/);
    const first17 = '11010520300101001';
    expect(
      validateIdNumber(first17 + idCheckDigit(first17), undefined, '2026-11-24').problems[0],
    ).toMatch(/in the future/);
    expect(birthDateFromIdNumber('110105194902290021')).toBeNull();
  });

  it('validates every generated valid number, with its own birth date', () => {
    fc.assert(
      fc.property(
        validId,
        (id) => validateIdNumber(id, birthDateFromIdNumber(id), '2026-11-24').valid,
      ),
    );
  });

  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), anyChar, (id, at, ch) => {
        fc.pre(id.charAt(at) !== ch);
        return !validateIdNumber(substitute(id, at, ch)).valid;
      }),
    );
  });

  it('rejects every adjacent transposition of two different characters', () => {
    fc.assert(
      fc.property(validId, fc.nat(16), (id, at) => {
        fc.pre(id.charAt(at) !== id.charAt(at + 1));
        return !validateIdNumber(transpose(id, at)).valid;
      }),
    );
  });
});

describe('correction proposals', () => {
  it('proposes the one look-alike reading that makes a code valid', () => {
    expect(proposeUsccCorrections('9135O100M000100Y43')).toEqual({
      corrections: [
        {
          field: 'creditCode',
          from: '9135O100M000100Y43',
          to: '91350100M000100Y43',
          reason: 'checksum',
          note: 'Reading O at position 5 as 0 makes the credit code valid, check character included.',
        },
      ],
      note: null,
    });
    // Two characters that cannot stand in an ID number, each with one look-alike that can:
    // both are read so (this reading proposed nothing before, no single change making it valid).
    expect(proposeIdNumberCorrections('11010519491231OO2X', 'id').corrections).toEqual([
      expect.objectContaining({ from: '11010519491231OO2X', to: '11010519491231002X' }),
    ]);
    expect(
      proposeIdNumberCorrections('110105194912310O2X', 'legalRepId').corrections[0],
    ).toMatchObject({
      field: 'legalRepId',
      to: '11010519491231002X',
      reason: 'checksum',
    });
  });

  it('completes a missing check character', () => {
    expect(proposeUsccCorrections('91350100M000100Y4').corrections[0]).toMatchObject({
      to: '91350100M000100Y43',
      reason: 'missing-check-character',
    });
    expect(proposeIdNumberCorrections('11010519491231002').corrections[0]).toMatchObject({
      to: '11010519491231002X',
      reason: 'missing-check-character',
    });
  });

  it('proposes nothing for a valid code', () => {
    expect(proposeUsccCorrections('91350100M000100Y43')).toEqual({ corrections: [], note: null });
  });

  it('proposes none and says so when several readings fit', () => {
    const raw = ambiguousUscc();
    const proposal = proposeUsccCorrections(raw);
    expect(proposal.corrections).toEqual([]);
    expect(proposal.note).toMatch(/^2 look-alike readings make the credit code valid/);
  });

  it('every proposal is valid and differs from the reading in one position, or only appends the check character', () => {
    const lookAlikeMutation = fc.oneof(validUscc, validId).chain((code) =>
      fc.nat(code.length - 1).map((at) => {
        const options = LOOK_ALIKES.get(code.charAt(at)) ?? [];
        return { code, raw: options[0] === undefined ? code : substitute(code, at, options[0]) };
      }),
    );
    fc.assert(
      fc.property(lookAlikeMutation, ({ code, raw }) => {
        const isUscc = validateUscc(code).valid;
        const { corrections } = isUscc
          ? proposeUsccCorrections(raw)
          : proposeIdNumberCorrections(raw);
        for (const c of corrections) {
          expect(c.from).toBe(raw);
          expect(isUscc ? validateUscc(c.to).valid : validateIdNumber(c.to).valid).toBe(true);
          expect(differingPositions(c.from, c.to)).toBe(1);
          // The original reading is always a candidate, so a single proposal restores it.
          expect(c.to).toBe(code);
        }
      }),
    );
  });

  it('a dropped check character is always proposed back', () => {
    fc.assert(
      fc.property(fc.oneof(validUscc, validId), (code) => {
        const raw = code.slice(0, 17);
        const isUscc = validateUscc(code).valid;
        const { corrections } = isUscc
          ? proposeUsccCorrections(raw)
          : proposeIdNumberCorrections(raw);
        expect(corrections).toEqual([
          expect.objectContaining({ from: raw, to: code, reason: 'missing-check-character' }),
        ]);
      }),
    );
  });

  it('proposes the one letter or digit for a character that is none (#, an ideograph)', () => {
    for (const misread of ['9135010#M000100Y43', '9135010〇M000100Y43', '91350100M000100Y4#']) {
      expect(proposeUsccCorrections(misread).corrections, misread).toEqual([
        expect.objectContaining({ from: misread, to: '91350100M000100Y43', reason: 'checksum' }),
      ]);
    }
    // Two such characters: 31 x 31 readings, none proposed.
    expect(proposeUsccCorrections('9135010#M000100#43').corrections).toEqual([]);
    // An ID number is left to its own digits' look-alikes.
    expect(proposeIdNumberCorrections('1101051949123100#X').corrections).toEqual([]);
  });

  it('proposes the one symbol for a letter or digit that cannot stand where it was read', () => {
    // Q is a credit code's letter, but no registering authority: only 9 there fits.
    // Old code: Q counted as possible anywhere, no look-alike of it, nothing proposed.
    expect(proposeUsccCorrections('Q1350100M000100Y43').corrections).toEqual([
      expect.objectContaining({
        to: '91350100M000100Y43',
        reason: 'checksum',
        note: expect.stringContaining('cannot stand at position 1') as unknown,
      }),
    ]);
    // Two such characters: nothing.
    expect(proposeUsccCorrections('Q13501Q0M000100Y43').corrections).toEqual([]);
  });

  it('reads several characters that cannot stand in the code as their one look-alike each', () => {
    expect(proposeUsccCorrections('9135O1OOM000100Y43').corrections).toEqual([
      expect.objectContaining({ to: '91350100M000100Y43', reason: 'checksum' }),
    ]);
    expect(proposeIdNumberCorrections('11O105I9491231002X').corrections).toEqual([
      expect.objectContaining({ to: '11010519491231002X', reason: 'checksum' }),
    ]);
    // The forced reading failing its checksum, or a character with no look-alike: nothing.
    expect(proposeIdNumberCorrections('11010519491231OO3X').corrections).toEqual([]);
    expect(proposeIdNumberCorrections('110105194912X1OO2X').corrections).toEqual([]);
    // B is a credit code's letter: only O and I are out of place, and they alone do not fit.
    expect(proposeUsccCorrections('9135O1I0M000100Y4B').corrections).toEqual([]);
  });

  it('never mutates its input', () => {
    const raw = '9135O100M000100Y43';
    proposeUsccCorrections(raw);
    expect(raw).toBe('9135O100M000100Y43');
  });
});

/** A reading with two look-alike characters, each of which alone makes the code valid. */
function ambiguousUscc(): string {
  for (let n = 0; n < 100000; n++) {
    const body = `91110105MA${String(1000000 + n).slice(1)}`; // 16 characters
    for (const seventeenth of ['B', '8', 'G', '6']) {
      const first17 = body + seventeenth;
      const code = first17 + usccCheckCharacter(first17);
      // Put a look-alike in place of one character and keep the reading when a second
      // look-alike reading elsewhere also validates.
      for (let at = 10; at < 16; at++) {
        const alternative = LOOK_ALIKES.get(code.charAt(at))?.[0];
        if (alternative === undefined) continue;
        const raw = substitute(code, at, alternative);
        const proposal = proposeUsccCorrections(raw);
        if (proposal.note?.startsWith('2 look-alike')) return raw;
      }
    }
  }
  throw new Error('No ambiguous reading found in the search range.');
}
