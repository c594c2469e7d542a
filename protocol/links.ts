// Web addresses in a message, for both apps to make clickable. Nothing else in a message ever
// becomes markup: the apps render every part as text, and only these parts as a link.

export type TextPart = { text: string; href?: string };

/**
 * http(s) addresses written out in full, with a host; an address ends at a space, a quote or
 * an angle bracket. The scheme is part of the pattern, so no other scheme can be a link.
 */
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`/?#]+[^\s<>"'`]*/gi;
const HOST = /^https?:\/\/\w/i;
/** Punctuation that ends the sentence rather than the address ("see https://x.example."). */
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * The text cut into plain parts and links; a closing bracket stays in the address when the
 * address opened one (https://en.wikipedia.org/wiki/Mug_(cup)).
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let done = 0;
  for (const match of text.matchAll(ADDRESS)) {
    let address = match[0];
    const trailing = address.match(TRAILING)?.[0] ?? "";
    address = address.slice(0, address.length - trailing.length);
    if (trailing.startsWith(")") && address.includes("(")) address += ")";
    if (!HOST.test(address)) continue;
    const start = match.index;
    if (start > done) parts.push({ text: text.slice(done, start) });
    parts.push({ text: address, href: address });
    done = start + address.length;
  }
  if (done < text.length) parts.push({ text: text.slice(done) });
  return parts;
}
