// A reading with characters lost: what was read still appears in the whole, in order.

/** Whether `part`'s characters appear in `whole` in order (`part` is `whole` with some lost). */
export function holdsInOrder(whole: string, part: string): boolean {
  const chars = [...part];
  let i = 0;
  for (const ch of whole) if (ch === chars[i]) i++;
  return i === chars.length;
}
