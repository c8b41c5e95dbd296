// A person's name doubted where PP-OCR is known to misread names (extraction's step after
// reading, index.ts): a name starting with no surname, a character the visual judge found
// likest a rarer look-alike, a character PP-OCR is known to read for a rarer one. Each
// holds the name below 0.9 with the other reading proposed; a text layer is not doubted.
import { CLOSE_SECOND_CONFIDENCE } from './alternatives';
import { confusableNameCharacters, judgedName } from './confusables';
import type { Draft } from './draft';
import { NO_SURNAME_CONFIDENCE, surnameCheck } from './surnames';

/** Fields holding a person's name (a Han name starts with a surname). */
const PERSON_FIELDS = ['legalRepresentative', 'name'] as const;

/** The names of a document read by OCR, doubted (in this order) as said above. */
export function doubtPersonNames(draft: Draft): void {
  const { fields, corrections } = draft;
  if (draft.text.source === 'pdf-text') return;
  // A person's name read by OCR that starts with no surname is misread there: its
  // surname readings the OCR also saw are proposed before any other doubt.
  for (const name of PERSON_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string') continue;
    const check = surnameCheck(name, value, draft.alternativesOf(name));
    if (!check.doubtful) continue;
    draft.capConfidence(name, NO_SURNAME_CONFIDENCE);
    if (check.chosen === null) {
      corrections.push(...check.corrections);
      continue;
    }
    // The one surname the OCR saw there is read; what it printed first stays a proposal.
    fields[name] = check.chosen;
    corrections.push(
      ...check.corrections
        .filter((c) => c.to !== check.chosen)
        .map((c) => ({ ...c, from: check.chosen! })),
      {
        field: name,
        from: check.chosen,
        to: value,
        reason: 'ocr-alternative',
        note: `The OCR read ${value}, which starts with no Chinese surname; ${[...check.chosen][0]} is the one surname it also saw there: check it against the image.`,
      },
    );
  }
  // A name character whose print the visual judge found likest a rarer look-alike of what
  // PP-OCR read (亓 read 元): the name takes it, but two readers disagree, so it is held
  // below 0.9 with the reading as made proposed.
  for (const name of PERSON_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string') continue;
    const judged = judgedName(name, value, draft.alternativesOf(name));
    if (judged === null) continue;
    fields[name] = judged.value;
    corrections.push(judged.correction);
    draft.capConfidence(name, CLOSE_SECOND_CONFIDENCE);
  }
  // A name holding a character PP-OCR is known to read for a rarer name character (或
  // for 彧), often with no runner-up kept: not trusted at 0.9, the rarer one proposed
  // (before any other doubt of the OCR: it is the misreading measured for that character).
  for (const name of PERSON_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string') continue;
    const proposals = draft.unproposed(
      confusableNameCharacters(name, value, draft.alternativesOf(name)),
    );
    if (proposals.length === 0) continue;
    corrections.push(...proposals);
    draft.capConfidence(name, CLOSE_SECOND_CONFIDENCE);
  }
}
