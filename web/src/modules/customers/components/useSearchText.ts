import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue.ts';

/**
 * Local text for a search box that commits 300 ms after typing stops (or at once via `commit`),
 * and follows outside changes of the committed value (clear filters, back/forward).
 */
export function useSearchText(value: string, onSearch: (value: string) => void) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const debounced = useDebouncedValue(text, 300);

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === committed.current) return;
    committed.current = trimmed;
    onSearch(trimmed);
  };

  // Only a new debounced value should commit; `commit` reads the latest props.
  useEffect(() => commit(debounced), [debounced]);

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setText(value);
  }, [value]);

  return { text, setText, commit };
}
