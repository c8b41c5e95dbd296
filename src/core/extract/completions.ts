// Proposals from what a document always prints (extraction's step after reading,
// index.ts): the one ethnicity a misread one is a character away from, an amount in words
// completed with its 整, a license term's start taken from its 成立日期.
import { completedAmount } from './amounts';
import type { Draft } from './draft';
import { ethnicityProposal } from './ethnicity';

export function proposeCompletions(draft: Draft): void {
  const { fields, corrections } = draft;
  // An ethnicity read as none of the 56 names (乌改别克) is misread: the one name a
  // character away is proposed (its confidence is already that of a value of no type).
  const ethnicity = fields.ethnicity;
  const nearest = typeof ethnicity === 'string' ? ethnicityProposal(ethnicity) : null;
  if (nearest) corrections.push(nearest);
  // An amount in words ending at 元 lost its 整 (a seal over it, a box that stopped early).
  const capital = fields.registeredCapital;
  const completed = typeof capital === 'string' ? completedAmount(capital) : null;
  if (typeof capital === 'string' && completed !== null)
    corrections.push({
      field: 'registeredCapital',
      from: capital,
      to: completed,
      reason: 'incomplete-value',
      note: `An amount in words that ends at 元 is written with 整: ${completed} unless the image shows 角 or 分 after it.`,
    });
  // A license's term starts on the day the business was established: a term whose start
  // was not read (a stamp over it, the line cut) has the 成立日期 proposed for it.
  const established = fields.establishedOn;
  if (
    draft.kind === 'business-license' &&
    fields.validFrom === null &&
    typeof established === 'string'
  )
    corrections.push({
      field: 'validFrom',
      from: '',
      to: established,
      reason: 'same-date-elsewhere',
      note: `The term's start was not read; a license's term usually starts on its 成立日期 (${established}): confirm it against the image.`,
    });
}
