// GET /headlines through the whole API (middlewares, validation, search adapter, ETag) against a bare
// Hono route that runs the same DynamoDB query, both on the embedded DynamoDB in this process, with
// autocannon (50 connections, 10 s each). Prints requests/s, the ratio (goal >= 0.7x), errors
// (goal 0) and p99. Never fails on timing. BENCH_SECONDS shortens or lengthens each run.
import type { AddressInfo } from "node:net";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { createDocumentClient } from "../../functions/adapters/dynamo/client.js";
import { createTableIfMissing } from "../../functions/adapters/dynamo/create-table.js";
import { makeStores } from "../../functions/adapters/dynamo/stores.js";
import { createApp } from "../../functions/api/app.js";
import type { Source } from "../../functions/config/sources.js";
import { tableSchema } from "../../functions/config/table.js";
import type { Headline } from "../../functions/core/feeds/headline.js";
import { silentLogger } from "../../functions/core/logger.js";
import { startDynalite } from "../../functions/local/dynamo-local.js";

type Result = { requests: { average: number }; latency: { p99: number; average: number }; errors: number; timeouts: number; non2xx: number };
// autocannon ships no types (and @types/autocannon is not installed); this is the slice used here.
const autocannonModule: string = "autocannon";
const autocannon = ((await import(autocannonModule)) as { default: (opts: Record<string, unknown>) => Promise<Result> }).default;

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const TABLE = "dabyl-bench";
const sources: Source[] = ["tengrinews-ru", "kursiv-ru", "tengrinews-kk"].map((id) => ({ id, kind: "rss", url: `http://127.0.0.1:9/${id}`, lang: id.endsWith("kk") ? "kk" : "ru" }));
const words = ["военная база", "курс тенге", "паводок", "Токаев", "пенсия", "погода", "авиабаза", "нацбанк"];
const headlines: Headline[] = Array.from({ length: 400 }, (_, i) => {
  const src = sources[i % sources.length] as Source;
  const id = `bench-${String(i).padStart(4, "0")}`;
  return {
    id, source: src.id, lang: src.lang ?? "ru", storyId: id, link: `https://news.example.kz/${id}`,
    title: `Новость ${i}: ${words[i % words.length]} и другие события дня в Казахстане`,
    summary: `Подробности о событии номер ${i}. ${words[(i * 3) % words.length]} обсуждают эксперты и чиновники.`,
    publishedAt: new Date(Date.UTC(2026, 10, 30) - i * 7 * 60_000).toISOString(),
  };
});

const listen = (fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; server: ServerType }> =>
  new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }));
  });

const dynamo = await startDynalite(null);
const doc = createDocumentClient({ endpoint: dynamo.endpoint });
await createTableIfMissing(doc, TABLE, tableSchema);
const stores = makeStores(doc, TABLE);
await stores.headlines.save(headlines, { now: new Date(), retentionDays: 30 });

// The real app, minus the per-client rate limit (one client sending 50 streams would be throttled by design).
const api = await listen(createApp({ ...stores, sources, log: silentLogger, rateLimit: null }).fetch);

// Baseline: the same query the search adapter sends for an unfiltered first page (limit 20 + 1).
const bare = new Hono();
bare.get("/headlines", async (c) => {
  const res = await doc.send(
    new QueryCommand({
      TableName: TABLE, IndexName: "gsi1", KeyConditionExpression: "#h = :h",
      ExpressionAttributeNames: { "#h": "gsi1pk" }, ExpressionAttributeValues: { ":h": "HL" }, ScanIndexForward: false, Limit: 21,
    }),
  );
  return c.json({ items: (res.Items ?? []).slice(0, 20), nextCursor: res.Items && res.Items.length > 20 ? "x" : null });
});
const baseline = await listen(bare.fetch);

async function run(label: string, url: string): Promise<Result> {
  await autocannon({ url, connections: 10, duration: 1 }); // warm-up: JIT, connections, caches
  const r = await autocannon({ url, connections: 50, duration: seconds });
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`${label.padEnd(34)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   avg ${r.latency.average.toFixed(1)} ms   errors ${errors}`);
  return r;
}

console.log(`dynalite with ${headlines.length} headlines; 50 connections, ${seconds} s per run`);
const b = await run("bare Hono + same DynamoDB query", `${baseline.url}/headlines`);
const a = await run("dabyl API GET /headlines", `${api.url}/headlines`);
const s = await run("dabyl API GET /headlines?q=база", `${api.url}/headlines?q=${encodeURIComponent("база")}`);
console.log(`ratio API / bare: ${(a.requests.average / b.requests.average).toFixed(2)}x (goal >= 0.70x)`);
console.log(`errors: API ${a.errors + a.timeouts + a.non2xx} (goal 0), search ${s.errors + s.timeouts + s.non2xx}`);
console.log(`search (q, scans up to 400 items in pages of 200) / bare: ${(s.requests.average / b.requests.average).toFixed(2)}x (for information)`);

for (const srv of [api.server, baseline.server]) srv.close();
doc.destroy();
await dynamo.close();
process.exit(0);
