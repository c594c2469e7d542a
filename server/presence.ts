/** Who has a live connection, counted per id (a customer or an agent may have several tabs open). */
export function createPresence() {
  const counts = new Map<number, number>();
  return {
    /** Counts one connection; returns what to call when it closes. */
    enter(id: number): () => void {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const remaining = (counts.get(id) ?? 1) - 1;
        if (remaining > 0) counts.set(id, remaining);
        else counts.delete(id);
      };
    },
    has(id: number): boolean {
      return counts.has(id);
    },
    ids(): IterableIterator<number> {
      return counts.keys();
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
