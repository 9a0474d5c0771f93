import { createHash } from "node:crypto";

// Parameters that say who sent the reader, never which page: utm_*, click ids of the ad networks
// Kazakh sites use (Google, Meta, Yandex, Microsoft, VK, TikTok), mail campaigns, openstat.
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|yclid|ysclid|msclkid|ttclid|twclid|vk_[a-z_]+|mc_cid|mc_eid|_openstat|_ga|_gl|igshid|rb_clickid|__twitter_impression)$/i;

/** The link a person would share: no fragment, no tracking parameters, lowercase host. */
export function canonicalLink(link: string): string {
  try {
    const u = new URL(link);
    u.hash = "";
    for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
    u.searchParams.sort();
    return u.toString();
  } catch {
    return link;
  }
}

function hash(text: string, chars: number): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, chars);
}

/** Stable headline id: hash of source id and guid, else of the canonical link. */
export function headlineId(sourceId: string, guid: string | undefined, link: string): string {
  const key = guid && guid.trim() ? `guid:${guid.trim()}` : `link:${canonicalLink(link)}`;
  return hash(`${sourceId}\n${key}`, 16);
}

/** Fingerprint of what a reader sees; a change means the item was edited and must be updated. */
export function contentHash(parts: readonly string[]): string {
  return hash(parts.join("\u0000"), 22);
}
