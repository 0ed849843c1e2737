/**
 * `compute` remembered per key. Posts repeat a small vocabulary, so the classifier's per-word
 * steps (stem, word pieces, feature names) are computed once per word; the memory is emptied when
 * it reaches `maxEntries`, so a long-running worker fed random strings stays small.
 */
export function boundedMemo<V>(compute: (key: string) => V, maxEntries: number): (key: string) => V {
  const memory = new Map<string, V>();
  return (key) => {
    let value = memory.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memory.size >= maxEntries) memory.clear();
      memory.set(key, value);
    }
    return value;
  };
}
