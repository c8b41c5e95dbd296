// The screens' side of structural sharing (model/share-equal.ts): a value kept equal to
// the last render's where it did not change.
import { useRef } from 'react';
import { shareEqual } from '../../model/share-equal';

/**
 * `value`, sharing with the value of the last render every part that is deep-equal: a
 * memoised child given a part that did not change gets the same object and is skipped.
 */
export function useShared<T>(value: T): T {
  const last = useRef(value);
  const shared = shareEqual(last.current, value);
  last.current = shared;
  return shared;
}
