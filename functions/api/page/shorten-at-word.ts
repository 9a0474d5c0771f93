/**
 * Cuts text to at most `max` characters at a word boundary and adds "…"; text that fits is returned
 * whole. Never cuts inside a word (the seed page's "агресси" is what this prevents); a single word
 * longer than `max` is kept whole rather than split.
 */
export function shortenAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  // Room for the ellipsis, then back to the last space at or before the limit.
  const cut = clean.lastIndexOf(" ", max - 1);
  if (cut <= 0) {
    const end = clean.indexOf(" ");
    return end === -1 ? clean : `${clean.slice(0, end).replace(/[\s,.;:—–-]+$/u, "")}…`;
  }
  // Trailing punctuation before the ellipsis reads badly ("база,…").
  return `${clean.slice(0, cut).replace(/[\s,.;:—–-]+$/u, "")}…`;
}
