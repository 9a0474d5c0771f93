/** The languages dabyl reads, stores and matches. */
export type Language = "ru" | "kk" | "en";

/**
 * The two-letter language of a tag such as "ru-RU", "kk_KZ", "kaz" or "EN"; anything else two
 * letters long passes through lowercased; undefined for text that is no language tag.
 */
export function languageCode(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_\s]/)[0];
  if (!primary) return undefined;
  if (primary === "kz" || primary === "kaz") return "kk";
  if (primary === "rus") return "ru";
  if (primary === "eng") return "en";
  return /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

/** languageCode narrowed to the languages the matcher knows; undefined for any other. */
export function matchLanguage(tag: string | undefined): Language | undefined {
  const code = languageCode(tag);
  return code === "ru" || code === "kk" || code === "en" ? code : undefined;
}
