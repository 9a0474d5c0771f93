/** A place dabyl polls. `rss` covers RSS, RDF, Atom and JSON Feed; `nbk-rates` is the National Bank's rates feed. */
export type SourceKind = "rss" | "nbk-rates";

export interface Source {
  /** Stable id: lowercase letters, digits and dashes; part of every headline id. */
  readonly id: string;
  readonly kind: SourceKind;
  readonly url: string;
  /** Language of the feed when its items do not say: "ru", "kk" or "en". */
  readonly lang?: string;
  /** IANA zone for dates that carry none; default Asia/Almaty (UTC+5). */
  readonly timezone?: string;
  /** Poll this source at most this often, in minutes (rounded up to the poll cycle); default every cycle. */
  readonly intervalMinutes?: number;
  /** Total fetch timeout in seconds; default 15. */
  readonly timeoutSeconds?: number;
  /** Largest body accepted in megabytes, after decompression; default 10. */
  readonly maxMegabytes?: number;
}

export const sourceKinds: readonly SourceKind[] = ["rss", "nbk-rates"];

/** Real Kazakhstan feeds polled when DABYL_SOURCES_FILE is not set. */
export const builtinSources: readonly Source[] = [
  { id: "tengrinews-ru", kind: "rss", url: "https://tengrinews.kz/news.rss", lang: "ru" },
  { id: "tengrinews-kk", kind: "rss", url: "https://kaz.tengrinews.kz/news.rss", lang: "kk" },
  { id: "kursiv-ru", kind: "rss", url: "https://kz.kursiv.media/feed/", lang: "ru" },
  { id: "astanatimes-en", kind: "rss", url: "https://astanatimes.com/feed/", lang: "en" },
  { id: "azattyq-kk", kind: "rss", url: "https://www.azattyq.org/api/zrqiteuuir", lang: "kk" },
  { id: "nbk-rates", kind: "nbk-rates", url: "https://nationalbank.kz/rss/rates_all.xml" },
];
