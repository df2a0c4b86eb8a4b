/** Where an entry of two versions of an ordered list is: in the old one, the new one, or both. */
export interface MergedEntry<K> {
  key: K;
  old: number | undefined;
  new: number | undefined;
}

/**
 * The entries of the old and new version of a list in document order: the new order, with each
 * entry that only the old list has placed right after the entry that preceded it there.
 */
export function mergedOrder<K>(
  oldKeys: readonly K[],
  newKeys: readonly K[],
): Array<MergedEntry<K>> {
  const newIndex = new Map(newKeys.map((key, index) => [key, index] as const));
  const oldIndex = new Map(oldKeys.map((key, index) => [key, index] as const));
  const removedAfter = new Map<K | undefined, K[]>();
  let anchor: K | undefined;
  for (const key of oldKeys) {
    if (newIndex.has(key)) {
      anchor = key;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(key);
    removedAfter.set(anchor, list);
  }
  const out: Array<MergedEntry<K>> = [];
  const removed = (after: K | undefined) => {
    for (const key of removedAfter.get(after) ?? [])
      out.push({ key, old: oldIndex.get(key), new: undefined });
  };
  removed(undefined);
  for (const key of newKeys) {
    out.push({ key, old: oldIndex.get(key), new: newIndex.get(key) });
    removed(key);
  }
  return out;
}

/** Whether the entries both lists have come in a different order in the new one. */
export function reordered<K>(oldKeys: readonly K[], newKeys: readonly K[]): boolean {
  const newSet = new Set(newKeys);
  const oldSet = new Set(oldKeys);
  const commonOld = oldKeys.filter((key) => newSet.has(key));
  const commonNew = newKeys.filter((key) => oldSet.has(key));
  return commonOld.some((key, index) => key !== commonNew[index]);
}
