import { expect } from "vitest";
import { createApp, type ApiDeps } from "../../../functions/api/app.js";
import type { Source } from "../../../functions/config/sources.js";
import type { Headline } from "../../../functions/core/feeds/headline.js";
import { silentLogger } from "../../../functions/core/logger.js";
import { startTestDb, type TestDb } from "../../helpers/local-dynamo.js";
import { responseErrors, type OpenApiDoc } from "./openapi-contract.js";

export const sources: Source[] = [
  { id: "tengrinews-ru", kind: "rss", url: "http://127.0.0.1:9/ru.xml", lang: "ru" },
  { id: "kursiv-ru", kind: "rss", url: "http://127.0.0.1:9/kursiv.xml", lang: "ru" },
  { id: "tengrinews-kk", kind: "rss", url: "http://127.0.0.1:9/kk.xml", lang: "kk" },
  { id: "astanatimes-en", kind: "rss", url: "http://127.0.0.1:9/en.xml", lang: "en" },
];

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 0, 0) - minutes * 60_000).toISOString();
const h = (id: string, source: string, lang: string, minutesAgo: number, title: string, summary = "", storyId = id): Headline => ({
  id, source, lang, title, summary, storyId, link: `https://news.example.kz/${id}`, publishedAt: at(minutesAgo),
});

/** A small corpus whose answers are known: inflections, languages, one story from three sources, a tie in time. */
export const corpus: Headline[] = [
  h("base-ru-1", "tengrinews-ru", "ru", 10, "WSJ узнала о планах США использовать российские военные базы в Азии", "", "story-bases"),
  h("base-ru-2", "kursiv-ru", "ru", 25, "США могут использовать российские военные базы в Азии, пишет WSJ", "", "story-bases"),
  h("base-kk-1", "tengrinews-kk", "kk", 40, "АҚШ Ресейдің Азиядағы әскери базасын пайдалануы мүмкін", "", "story-bases"),
  h("base-en-1", "astanatimes-en", "en", 55, "Kazakhstan denies plans to host a foreign military base", "Officials said no air base is planned."),
  h("bazaar-ru", "tengrinews-ru", "ru", 70, "На базаре в Алматы подорожали овощи", "Цены на рынке выросли"),
  h("tenge-ru", "kursiv-ru", "ru", 85, "Нацбанк: курс тенге укрепился к доллару", "Национальный банк сообщил о курсе"),
  h("flood-kk", "tengrinews-kk", "kk", 100, "Су тасқыны: құтқарушылар дайын", ""),
  h("tie-b", "tengrinews-ru", "ru", 120, "Токаев провёл совещание по паводкам", ""),
  h("tie-a", "kursiv-ru", "ru", 120, "Токаев подписал закон о пенсиях", "Пенсия вырастет"),
  ...Array.from({ length: 40 }, (_, i) => h(`filler-${String(i).padStart(2, "0")}`, i % 2 ? "tengrinews-ru" : "kursiv-ru", "ru", 200 + i * 15, `Погода в регионе ${i}`, "Без осадков")),
];

export interface ApiFixture {
  readonly db: TestDb;
  readonly app: ReturnType<typeof createApp>;
  readonly doc: OpenApiDoc;
  /** app.request that also checks every response against /openapi.json. */
  call(path: string, init?: RequestInit): Promise<Response>;
  json<T = any>(path: string, init?: RequestInit): Promise<{ res: Response; body: T }>;
  close(): Promise<void>;
}

/** dynalite with the corpus, the app over it, and a contract-checking request function. */
export async function startApiFixture(overrides: Partial<ApiDeps> = {}): Promise<ApiFixture> {
  const db = await startTestDb();
  await db.stores.headlines.save(corpus, { now: new Date("2026-11-30T00:00:00Z"), retentionDays: 30 });
  const app = createApp({ ...db.stores, sources, log: silentLogger, rateLimit: null, ...overrides });
  const doc = (await (await app.request("/openapi.json")).json()) as OpenApiDoc;
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await app.request(path, init);
    const body = await res.clone().text();
    // Concatenate rather than resolve: "//headlines" is a path here, not a host.
    const url = new URL(`http://localhost${path}`);
    // The document and its viewer are the only routes outside the document itself.
    if (url.pathname === "/openapi.json" || url.pathname === "/docs") return res;
    let pathname = url.pathname;
    try {
      // decodeURI keeps %2F encoded, as the router does, so a path does not gain segments.
      pathname = decodeURI(pathname);
    } catch {
      // Leave a malformed escape as it is: the router did not decode it either.
    }
    expect(responseErrors(doc, { method: init.method ?? "GET", path: pathname, status: res.status, headers: res.headers, body })).toEqual([]);
    return res;
  };
  return {
    db,
    app,
    doc,
    call,
    async json(path, init) {
      const res = await call(path, init);
      return { res, body: (await res.json()) as any };
    },
    close: () => db.close(),
  };
}
