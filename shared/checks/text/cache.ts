/**
 * Small memo tables keyed by text. Paragraphs are immutable strings, so the normalised form, the
 * claims and the bigrams of an unchanged paragraph are reused across re-checks while the clerk types
 * elsewhere. Each table is bounded (cleared when full).
 */

const registry: { clear(): void }[] = [];

export function memo<T>(limit = 4000): (key: string, make: () => T) => T {
  const table = new Map<string, T>();
  registry.push(table as Map<string, unknown>);
  return (key, make) => {
    let v = table.get(key);
    if (v === undefined) {
      v = make();
      if (table.size >= limit) table.clear();
      table.set(key, v);
    }
    return v;
  };
}

/** Forgets every memo (benchmarks measure cold checks with it). */
export function clearCheckCaches(): void {
  for (const t of registry) t.clear();
}

/**
 * A memo keyed by an object (a paragraph block, a report): no hashing of long texts. Blocks are replaced,
 * not changed, when the clerk edits; `valid` guards against an object changed in place anyway.
 */
export function weakMemo<K extends object, V>(): (key: K, make: () => V, valid?: (v: V) => boolean) => V {
  const holder = { table: new WeakMap<K, V>() };
  registry.push({ clear: () => (holder.table = new WeakMap<K, V>()) });
  return (key, make, valid) => {
    let v = holder.table.get(key);
    if (v === undefined || (valid && !valid(v))) {
      v = make();
      holder.table.set(key, v);
    }
    return v;
  };
}

/**
 * A memo kept on the key object itself, under a symbol of its own: for objects of the check engine
 * (NormalizedText), not report objects. Cheaper than a WeakMap (no ephemeron table for the garbage
 * collector to trace). clearCheckCaches forgets these too: the objects that carry them are only reached
 * through the memos it clears.
 */
export function slotMemo<K extends object, V>(): (key: K, make: () => V) => V {
  const slot = Symbol('memo');
  return (key, make) => {
    const holder = key as unknown as Record<symbol, V | undefined>;
    let v = holder[slot];
    if (v === undefined) holder[slot] = v = make();
    return v;
  };
}
