// How texts are compared whatever accents were typed: the triage engine and message search.

const UNACCENTED = new Map<string, string>([
  ["ł", "l"],
  ["Ł", "L"],
]);

/**
 * The text with each accented letter replaced by its plain one ("Płatność" → "Platnosc"),
 * letter for letter, so that a position in one is the same position in the other. (Polish ł
 * has no accent to drop but is typed as l all the same.)
 */
export function unaccented(text: string): string {
  return text.replace(/[^\p{ASCII}]/gu, (char) => {
    let plain = UNACCENTED.get(char);
    if (plain === undefined) {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      plain = base.length === char.length ? base : char;
      UNACCENTED.set(char, plain);
    }
    return plain;
  });
}

/** `unaccented` and lower case, still letter for letter (positions hold in both). */
export function plainLetters(text: string): string {
  return unaccented(text).replace(/./gsu, (char) => {
    const lower = char.toLowerCase();
    return lower.length === char.length ? lower : char;
  });
}
