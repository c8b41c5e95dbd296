// Checks of the accounts to link and of how many accounts the ID card backs (spec §1, §3).
import { fieldOf } from './context';
import { fail, missingValue, pass, skip, type Check } from './result';

/** A mainland mobile number (the interface validates as typed with the same rule). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
/** Basic shape only: one @, no spaces, a dot in the domain. */
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const accountsLimit: Check = (ctx) => {
  const { min, max } = ctx.pack.accounts;
  const count = ctx.input.accounts.length;
  const values = [String(count)];
  const subjects = [{ kind: 'dossier', field: 'accounts' }];
  if (count < min) {
    return fail(
      `The dossier lists ${count} accounts; at least ${min} must be listed.`,
      `材料中列出${count}个账户，至少需要${min}个。`,
      { values, subjects },
    );
  }
  if (count > max) {
    return fail(
      `The dossier lists ${count} accounts; at most ${max} may be linked to one business license.`,
      `材料中列出${count}个账户，同一营业执照最多关联${max}个。`,
      { values, subjects },
    );
  }
  return pass(
    `The dossier lists ${count} accounts (${min} to ${max} allowed).`,
    `材料中列出${count}个账户（允许${min}至${max}个）。`,
    {
      values,
      subjects,
    },
  );
};

export const accountsContact: Check = (ctx) => {
  const accounts = ctx.input.accounts;
  const subjects = [{ kind: 'dossier', field: 'accounts' }];
  if (accounts.length === 0) {
    return skip('Skipped: no accounts are listed.', '已跳过：未列出账户。', { subjects });
  }
  const problems: string[] = [];
  const problemsZh: string[] = [];
  const offending: string[] = [];
  const seenPhones = new Map<string, string>();
  const seenEmails = new Map<string, string>();
  for (const account of accounts) {
    const phone = account.phone.trim();
    const email = account.email.trim();
    if (!MAINLAND_MOBILE.test(phone)) {
      problems.push(`${account.store}: ${phone || '(empty)'} is not a mainland mobile number`);
      problemsZh.push(`${account.store}：${phone || '（空）'}不是有效的大陆手机号`);
      offending.push(phone);
    } else if (seenPhones.has(phone)) {
      problems.push(
        `${account.store}: phone ${phone} is already used by ${seenPhones.get(phone) ?? ''}`,
      );
      problemsZh.push(`${account.store}：手机号${phone}已被${seenPhones.get(phone) ?? ''}使用`);
      offending.push(phone);
    } else {
      seenPhones.set(phone, account.store);
    }
    const emailKey = email.toLowerCase();
    if (!EMAIL.test(email)) {
      problems.push(`${account.store}: ${email || '(empty)'} is not an email address`);
      problemsZh.push(`${account.store}：${email || '（空）'}不是有效的邮箱`);
      offending.push(email);
    } else if (seenEmails.has(emailKey)) {
      problems.push(
        `${account.store}: email ${email} is already used by ${seenEmails.get(emailKey) ?? ''}`,
      );
      problemsZh.push(`${account.store}：邮箱${email}已被${seenEmails.get(emailKey) ?? ''}使用`);
      offending.push(email);
    } else {
      seenEmails.set(emailKey, account.store);
    }
  }
  if (problems.length > 0) {
    return fail(
      `Account contacts need fixing: ${problems.join('; ')}.`,
      `账户联系方式需要更正：${problemsZh.join('；')}。`,
      {
        values: offending,
        subjects,
      },
    );
  }
  return pass(
    `All ${accounts.length} accounts have a valid mainland mobile number and email, none repeated.`,
    `全部${accounts.length}个账户的手机号和邮箱均有效且不重复。`,
    { subjects },
  );
};

/**
 * The spec says an ID card may back "fewer than 5" accounts in one place and "at most 5 in
 * total; a 6th is refused" in another. The platform's rule is the latter: 5 in total is
 * allowed, so this fails only when the total exceeds pack.maxAccountsPerIdCard.
 */
export const idReuse: Check = (ctx) => {
  const max = ctx.pack.maxAccountsPerIdCard;
  const here = ctx.input.accounts.length;
  const elsewhere = ctx.input.idAccountsElsewhere;
  const total = here + (elsewhere ?? 0);
  const idNumber = fieldOf(ctx.docs.byKind['id-card-front'], 'idNumber');
  const subjects = [
    { kind: 'id-card-front', field: 'idNumber' },
    { kind: 'dossier', field: 'accounts' },
  ];
  const values = [idNumber, String(total)];
  // The count across the vault goes by the ID number: a card whose number was not read
  // cannot be counted (an absent card is docs.complete's failure).
  const front = ctx.docs.byKind['id-card-front'];
  if (front !== undefined && idNumber === null) {
    return missingValue('id-card-front', 'idNumber', ctx, subjects);
  }
  const counted =
    elsewhere === undefined
      ? {
          en: `${here} in this dossier (only this dossier counted)`,
          zh: `本材料中${here}个（仅统计本材料）`,
        }
      : {
          en: `${here} in this dossier and ${elsewhere} elsewhere`,
          zh: `本材料中${here}个，其他材料中${elsewhere}个`,
        };
  if (total > max) {
    return fail(
      `The legal representative's ID card would back ${total} accounts, ${counted.en}; the platform refuses more than ${max}.`,
      `法定代表人身份证将关联${total}个账户（${counted.zh}），平台最多允许${max}个。`,
      { values, subjects },
    );
  }
  return pass(
    `The legal representative's ID card backs ${total} accounts, ${counted.en}; at most ${max} are allowed.`,
    `法定代表人身份证关联${total}个账户（${counted.zh}），最多允许${max}个。`,
    { values, subjects },
  );
};
