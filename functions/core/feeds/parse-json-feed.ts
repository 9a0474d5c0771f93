import type { ParsedFeed, RawItem } from "./headline.js";

/** Text that is not a usable JSON Feed; the message says why in a person's words. */
export class JsonFeedError extends Error {}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Throws JsonFeedError. */
export function parseJsonFeed(text: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new JsonFeedError(`broken JSON (${(e as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new JsonFeedError("JSON, but not a JSON Feed object");
  const d = data as Record<string, unknown>;
  if (typeof d.version !== "string" || !/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(d.version)) {
    throw new JsonFeedError("JSON, but not a JSON Feed (no jsonfeed.org version)");
  }
  if (!Array.isArray(d.items)) throw new JsonFeedError("JSON Feed without an items array");
  const items: RawItem[] = [];
  for (const it of d.items) {
    if (typeof it !== "object" || it === null) continue;
    const i = it as Record<string, unknown>;
    // 1.1 says id is a string, 1.0 feeds often send numbers: keep them as ids either way.
    const id = typeof i.id === "number" ? String(i.id) : str(i.id);
    items.push({
      guid: id,
      title: str(i.title),
      // summary is meant for listings; content_html/content_text are the article itself.
      summary: str(i.summary) ?? str(i.content_html) ?? str(i.content_text),
      link: str(i.url) ?? str(i.external_url),
      published: str(i.date_published) ?? str(i.date_modified),
      lang: str(i.language),
    });
  }
  return { title: str(d.title), lang: str(d.language), baseUrl: str(d.home_page_url), format: "json", items };
}

/** Whether a body looks like JSON rather than XML (JSON Feeds are sometimes served as text/plain). */
export function looksLikeJson(text: string, contentType: string | undefined): boolean {
  if (contentType && /\bjson\b/i.test(contentType)) return true;
  return /^\s*\{/.test(text.slice(0, 64));
}
