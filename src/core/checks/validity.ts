// Checks of validity periods: the ID card, the declared ID expiry, the business license
// term, and whether the ID card's span fits its holder's age (spec §3).
import { birthDateFromIdNumber } from '../codes/id-number';
import { addYearsIso, ageOn, daysBetween, isIsoDate, isLongTerm } from '../dates';
import { diffChars } from '../diff';
import { fieldOf } from './context';
import { fail, missingValue, notReadAll, pass, skip, warn, type Check } from './result';

const notADate = (value: string, what: string, whatZh: string) =>
  fail(
    `${what} "${value}" is not a date (YYYY-MM-DD) or long-term: correct it against the image.`,
    `${whatZh}“${value}”不是有效日期或“长期”：请对照原图更正。`,
  );

export const idValidity: Check = (ctx) => {
  const until = fieldOf(ctx.docs.byKind['id-card-back'], 'validUntil');
  if (until === null) return missingValue('id-card-back', 'validUntil', ctx);
  const subjects = [{ kind: 'id-card-back', field: 'validUntil' }];
  const values = [until, ctx.today];
  const min = ctx.pack.idCard.minValidDays;
  if (isLongTerm(until)) {
    return pass('The ID card is valid long-term.', '身份证长期有效。', { values, subjects });
  }
  if (!isIsoDate(until))
    return {
      ...notADate(until, "The ID card's validity end", '身份证有效期截止日'),
      values,
      subjects,
    };
  const left = daysBetween(ctx.today, until);
  if (left < 0) {
    return fail(
      `The ID card expired on ${until}, ${-left} days before ${ctx.today}.`,
      `身份证已于${until}过期（早于${ctx.today} ${-left}天）。`,
      { values, subjects },
    );
  }
  if (left < min) {
    return fail(
      `The ID card is valid until ${until}, only ${left} days after ${ctx.today}; the platform needs at least ${min}.`,
      `身份证有效期至${until}，距${ctx.today}仅剩${left}天，平台要求至少${min}天。`,
      { values, subjects },
    );
  }
  return pass(
    `The ID card is valid until ${until}, ${left} days after ${ctx.today} (at least ${min} needed).`,
    `身份证有效期至${until}，距${ctx.today}还有${left}天（要求至少${min}天）。`,
    { values, subjects },
  );
};

export const idDeclaredExpiry: Check = (ctx) => {
  const declared = ctx.input.declared.idValidUntil?.trim() ?? '';
  const subjects = [
    { kind: 'id-card-back', field: 'validUntil' },
    { kind: 'declared', field: 'idValidUntil' },
  ];
  if (declared === '') {
    return skip(
      'Skipped: no ID expiry date is declared for the platform form.',
      '已跳过：未填写平台表单中的身份证到期日。',
      { subjects },
    );
  }
  const card = fieldOf(ctx.docs.byKind['id-card-back'], 'validUntil');
  if (card === null) return missingValue('id-card-back', 'validUntil', ctx, subjects);
  const values = [card, declared];
  const tolerance = ctx.pack.idCard.declaredExpiryToleranceDays;
  if (isLongTerm(card) || isLongTerm(declared)) {
    if (card === declared) {
      return pass(
        'The declared ID expiry and the card both say long-term.',
        '填写的身份证到期日与证件一致，均为长期。',
        { values, subjects },
      );
    }
    return fail(
      `The declared ID expiry (${declared}) does not match the card's validity end (${card}).`,
      `填写的身份证到期日（${declared}）与证件有效期截止日（${card}）不符。`,
      { values, subjects, diff: diffChars(card, declared) },
    );
  }
  if (!isIsoDate(declared))
    return {
      ...notADate(declared, 'The declared ID expiry', '填写的身份证到期日'),
      values,
      subjects,
    };
  if (!isIsoDate(card))
    return {
      ...notADate(card, "The ID card's validity end", '身份证有效期截止日'),
      values,
      subjects,
    };
  const apart = Math.abs(daysBetween(card, declared));
  if (apart > tolerance) {
    return fail(
      `The declared ID expiry ${declared} is ${apart} days from the card's ${card}; at most ${tolerance} are accepted.`,
      `填写的身份证到期日${declared}与证件上的${card}相差${apart}天，最多允许${tolerance}天。`,
      { values, subjects, diff: diffChars(card, declared) },
    );
  }
  return pass(
    `The declared ID expiry ${declared} is within ${tolerance} days of the card's ${card}.`,
    `填写的身份证到期日${declared}与证件上的${card}相差不超过${tolerance}天。`,
    { values, subjects },
  );
};

export const licenseValidity: Check = (ctx) => {
  const until = fieldOf(ctx.docs.byKind['business-license'], 'validUntil');
  if (until === null) return missingValue('business-license', 'validUntil', ctx);
  const subjects = [{ kind: 'business-license', field: 'validUntil' }];
  const values = [until, ctx.today];
  if (isLongTerm(until))
    return pass('The business license term is long-term.', '营业执照营业期限为长期。', {
      values,
      subjects,
    });
  if (!isIsoDate(until))
    return {
      ...notADate(until, "The business license's term end", '营业执照营业期限截止日'),
      values,
      subjects,
    };
  if (until < ctx.today) {
    return fail(
      `The business license term ended on ${until}, before ${ctx.today}.`,
      `营业执照营业期限已于${until}届满，早于${ctx.today}。`,
      { values, subjects },
    );
  }
  return pass(
    `The business license term runs until ${until}, not ended on ${ctx.today}.`,
    `营业执照营业期限至${until}，截至${ctx.today}仍有效。`,
    { values, subjects },
  );
};

export const idPeriod: Check = (ctx) => {
  const front = ctx.docs.byKind['id-card-front'];
  const back = ctx.docs.byKind['id-card-back'];
  const from = fieldOf(back, 'validFrom');
  const until = fieldOf(back, 'validUntil');
  const idNumber = fieldOf(front, 'idNumber');
  const birth =
    fieldOf(front, 'birthDate') ?? (idNumber === null ? null : birthDateFromIdNumber(idNumber));
  const subjects = [
    { kind: 'id-card-front', field: 'birthDate' },
    { kind: 'id-card-back', field: 'validFrom' },
    { kind: 'id-card-back', field: 'validUntil' },
  ];
  if (front === undefined) return missingValue('id-card-front', 'birthDate', ctx, subjects);
  if (back === undefined) return missingValue('id-card-back', 'validFrom', ctx, subjects);
  if (from === null || until === null || birth === null) {
    const missing = [
      birth === null ? ({ kind: 'id-card-front', field: 'birthDate' } as const) : null,
      from === null ? ({ kind: 'id-card-back', field: 'validFrom' } as const) : null,
      until === null ? ({ kind: 'id-card-back', field: 'validUntil' } as const) : null,
    ].filter((m) => m !== null);
    return notReadAll(missing, ctx, subjects);
  }
  const values = [birth, from, until];
  if (!isIsoDate(birth) || !isIsoDate(from) || (!isLongTerm(until) && !isIsoDate(until))) {
    return warn(
      "The ID card's birth date or validity dates are not all dates, so its validity span cannot be checked: confirm them against the image.",
      '身份证出生日期或有效期限不是有效日期，无法核对有效期长度：请对照原图确认。',
      { values, subjects },
    );
  }
  const age = ageOn(birth, from);
  const band = ctx.pack.idCard.periodByAge.find(
    (b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge),
  );
  if (band === undefined) {
    return warn(
      `The holder was ${age} on the issue date ${from}, which no validity rule covers: confirm the dates against the image.`,
      `签发日${from}时持证人${age}岁，没有对应的有效期规则：请对照原图确认日期。`,
      { values, subjects },
    );
  }
  const expected = band.years === null ? 'long-term' : addYearsIso(from, band.years);
  const expectedEn = band.years === null ? 'long-term' : `${band.years} years (until ${expected})`;
  const expectedZh = band.years === null ? '长期' : `${band.years}年（至${expected}）`;
  if (until === expected) {
    return pass(
      `The ID card's validity span fits the holder's age on the issue date (${age}): ${expectedEn}.`,
      `身份证有效期长度与签发时持证人年龄（${age}岁）相符：${expectedZh}。`,
      { values, subjects },
    );
  }
  return warn(
    `The holder was ${age} on the issue date ${from}, so the card should be valid ${expectedEn}, but it says ${until}: a date is probably misread.`,
    `签发日${from}时持证人${age}岁，有效期应为${expectedZh}，但证件显示${until}：可能有日期识别错误。`,
    { values, subjects },
  );
};
