// Runs every check of spec §3 on a dossier and gives the verdict. Pure: the reference
// date, the documents as read and what a person stated all come in through DossierInput.
import type { DossierInput } from '../dossier';
import type { RulePack } from '../rule-pack/schema';
import { accountsContact, accountsLimit, idReuse } from './accounts';
import { creditCodeChecksum, creditCodeConsistent, creditCodeEligible, idChecksum } from './codes';
import {
  addressDeclaredOffice,
  legalRepLicenseVsBank,
  legalRepLicenseVsId,
  nameLicenseVsBank,
} from './comparisons';
import { effectiveFields } from './context';
import { bankDetails, docsComplete, filesFormat } from './documents';
import { bankSeal, filesLegible, filesQuality } from './images';
import type { Check, CheckContext } from './result';
import { CHECK_IDS, type CheckId, type CheckResult, type Verdict } from './types';
import { idDeclaredExpiry, idPeriod, idValidity, licenseValidity } from './validity';

export {
  applyConfirmed,
  effectiveFields,
  fieldOf,
  type EffectiveDocument,
  type EffectiveFields,
} from './context';
export type { CheckContext, CheckOutcome } from './result';
export * from './types';
export { CHECK_NAMES } from './names';

/** Every check by its stable id; the Record type makes a missing implementation a type error. */
export const CHECKS: Readonly<Record<CheckId, Check>> = {
  'docs.complete': docsComplete,
  'credit-code.checksum': creditCodeChecksum,
  'credit-code.eligible': creditCodeEligible,
  'credit-code.consistent': creditCodeConsistent,
  'name.license-vs-bank': nameLicenseVsBank,
  'legal-rep.license-vs-id': legalRepLicenseVsId,
  'legal-rep.license-vs-bank': legalRepLicenseVsBank,
  'id.checksum': idChecksum,
  'id.validity': idValidity,
  'id.declared-expiry': idDeclaredExpiry,
  'id.reuse': idReuse,
  'license.validity': licenseValidity,
  'address.declared-office': addressDeclaredOffice,
  'accounts.limit': accountsLimit,
  'accounts.contact': accountsContact,
  'files.format': filesFormat,
  'bank.details': bankDetails,
  'id.period': idPeriod,
  'files.legible': filesLegible,
  'bank.seal': bankSeal,
  'files.quality': filesQuality,
};

/** The platform failure codes (spec §5) each check catches beforehand, from the pack. */
export function platformCodesFor(id: CheckId, pack: RulePack): string[] {
  return Object.entries(pack.platformCodes)
    .filter(([, code]) => code.checks.includes(id))
    .map(([code]) => code);
}

export interface CheckRun {
  verdict: Verdict;
  checks: CheckResult[];
}

/**
 * Runs every check in CHECK_IDS order. An accepted exception (input.exceptions, by check
 * id) keeps the check's status `fail` so the report and the pack manifest still show the
 * failure, with `exception` set (who accepted it, when, why); such a failure no longer
 * blocks. The verdict is `ready` when every failing check carries an accepted exception.
 */
export function runChecks(input: DossierInput, pack: RulePack): CheckRun {
  const ctx: CheckContext = { input, pack, docs: effectiveFields(input), today: input.today };
  const checks = CHECK_IDS.map((id): CheckResult => {
    const outcome = CHECKS[id](ctx);
    const platformCodes = platformCodesFor(id, pack);
    const accepted =
      outcome.status === 'fail' ? input.exceptions.find((e) => e.check === id) : undefined;
    return {
      id,
      ...outcome,
      ...(accepted
        ? { exception: { reason: accepted.reason, by: accepted.by, at: accepted.at } }
        : {}),
      ...(platformCodes.length > 0 ? { platformCodes } : {}),
    };
  });
  return { verdict: verdictOf(checks), checks };
}

/** `ready` when no check fails, apart from failures with an accepted exception. */
export function verdictOf(checks: readonly CheckResult[]): Verdict {
  return checks.some((c) => c.status === 'fail' && c.exception === undefined) ? 'blocked' : 'ready';
}
