/**
 * Who has a live connection, counted per id (a customer or an agent may have several tabs
 * open, on several server nodes).
 */
export interface Presence {
  /** Counts one connection on this node; settles, once every node sees it, to what ends it. */
  enter(id: number): Promise<() => void>;
  /** Whether any node holds a connection for this id. */
  has(id: number): Promise<boolean>;
  /** The ids with a connection on this node. */
  here(): IterableIterator<number>;
  /** The ids with a connection on any node. */
  everywhere(): Promise<Set<number>>;
}

/** Connections counted on this node; `changed` hears when an id arrives or leaves. */
export function localCounts(changed: (id: number, present: boolean) => void = () => {}) {
  const counts = new Map<number, number>();
  return {
    counts,
    enter(id: number): () => void {
      const count = counts.get(id) ?? 0;
      counts.set(id, count + 1);
      if (count === 0) changed(id, true);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const remaining = (counts.get(id) ?? 1) - 1;
        if (remaining > 0) return void counts.set(id, remaining);
        counts.delete(id);
        changed(id, false);
      };
    },
  };
}

/** One node's presence: nothing to share. */
export function createPresence(): Presence {
  const local = localCounts();
  return {
    enter: async (id) => local.enter(id),
    has: async (id) => local.counts.has(id),
    here: () => local.counts.keys(),
    everywhere: async () => new Set(local.counts.keys()),
  };
}
