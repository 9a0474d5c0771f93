/**
 * Ingest throughput and memory. `npx tsx tests/bench/ingest.bench.ts`
 *
 * 1. items/s of dabyl's whole ingest path short of the database write (body bytes -> charset
 *    decode -> sanitize -> rss-parser -> normalize -> language -> ids) versus bare rss-parser
 *    parseString on the same bytes, same run, same process. Goal: at least 0.5x.
 * 2. Peak process memory (max RSS) for a 5 MB, 5,000-item Cyrillic feed, each measured in a fresh
 *    child process so the figure is the ingest's alone. Goal: at most 256 MB.
 * Prints figures; never fails on timing.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import Parser from "rss-parser";
import { readFeed } from "../../functions/core/feeds/read-feed.js";

const ITEMS = 5000;
const words = (
  "Казахстан правительство министерство экспорт пшеницы переработки Астана Алматы регион " +
  "инвестиции тенге Национальный банк курс доллара заседание парламент реформа энергетика " +
  "нефть газ транспорт строительство образование здравоохранение сельское хозяйство"
).split(" ");

/** A deterministic RSS 2.0 feed: about 5 MB, Cyrillic titles and HTML summaries, RFC 822 dates. */
export function generateFeed(items = ITEMS, withLanguage = true): Buffer {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const phrase = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(" ");
  const parts = [
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Бенчмарк</title><link>https://example.kz/</link>`,
    withLanguage ? "<language>ru</language>" : "",
  ];
  const start = Date.UTC(2026, 10, 30, 5, 0, 0);
  for (let i = 0; i < items; i++) {
    const date = new Date(start - i * 60_000).toUTCString().replace("GMT", "+0000");
    parts.push(
      `<item><title>${phrase(9)} №${i}</title><link>https://example.kz/news/${i}?utm_source=rss</link>` +
        `<guid isPermaLink="false">bench-${i}</guid><pubDate>${date}</pubDate>` +
        `<description><![CDATA[<p>${phrase(24)}</p><p><b>${phrase(12)}</b> &laquo;${phrase(4)}&raquo;</p>]]></description></item>\n`,
    );
  }
  parts.push("</channel></rss>\n");
  return Buffer.from(parts.join(""), "utf8");
}

const source = { id: "bench", kind: "rss" as const, url: "https://example.kz/rss" };
const fetchedAt = new Date("2026-11-30T10:00:00Z");
const ingest = (body: Buffer) => readFeed({ source, body, contentType: "application/rss+xml", url: source.url, fetchedAt, defaultTimezone: "Asia/Almaty" });
const parser = new Parser();
const bare = (body: Buffer) => parser.parseString(body.toString("utf8"));

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function throughput(label: string, body: Buffer) {
  const check = await ingest(body);
  if (!check.ok || check.value.headlines.length !== ITEMS) throw new Error(`ingest read ${check.ok ? check.value.headlines.length : check.error.message} items`);
  for (let i = 0; i < 2; i++) {
    await bare(body);
    await ingest(body);
  }
  const ours: number[] = [];
  const base: number[] = [];
  // Alternate so drift (GC, CPU frequency) hits both equally.
  for (let i = 0; i < 7; i++) {
    base.push(await timeIt(() => bare(body)));
    ours.push(await timeIt(() => ingest(body)));
  }
  const perSec = (ms: number) => Math.round((ITEMS / ms) * 1000);
  console.log(
    `${label}: dabyl ingest ${perSec(median(ours))} items/s (${median(ours).toFixed(0)} ms), ` +
      `bare rss-parser ${perSec(median(base))} items/s (${median(base).toFixed(0)} ms), ratio ${(median(base) / median(ours)).toFixed(2)}x (goal >= 0.5x)`,
  );
}

/** Child mode: read the feed once and print the peak RSS in MB. */
async function child(mode: string) {
  const body = generateFeed();
  if (mode === "ingest") {
    const r = await ingest(body);
    if (!r.ok) throw r.error;
  } else if (mode === "bare") await bare(body);
  console.log(JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), bytes: body.byteLength }));
}

function peak(mode: string): { maxRssMb: number; bytes: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", mode], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

async function main() {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) return child(process.argv[childAt + 1] ?? "ingest");
  const body = generateFeed();
  console.log(`feed: ${ITEMS} items, ${(body.byteLength / 1024 / 1024).toFixed(1)} MB, Cyrillic, RSS 2.0`);
  await throughput("with <language>", body);
  await throughput("no language (detected per item)", generateFeed(ITEMS, false));
  const idle = peak("idle");
  const bareRss = peak("bare");
  const ours = peak("ingest");
  console.log(
    `peak RSS for the ${(ours.bytes / 1024 / 1024).toFixed(1)} MB feed: dabyl ingest ${ours.maxRssMb} MB (goal <= 256 MB), ` +
      `bare rss-parser ${bareRss.maxRssMb} MB, process with the feed generated but not read ${idle.maxRssMb} MB`,
  );
}

await main();
