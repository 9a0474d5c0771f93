// Matcher benchmark: one ~2 KB Russian text against 10 and against 100,000 alert queries.
// Run: npx tsx tests/bench/matcher.bench.ts   (NODE_OPTIONS=--expose-gc for exact heap figures)
// Prints figures and ratios against baselines measured in the same run; never fails on timing.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildQueryIndex, loadStemmers, matchesQuery, parseQuery, prepareDocument, tokenize } from "../../functions/core/query/index.js";
import type { Query } from "../../functions/core/query/index.js";

// The stemmers load on demand in production (loadStemmers); these checks stem synchronously.
await loadStemmers();

const SEED_DIR = process.argv[2] ?? "/work/shared/seed";
const paragraphs = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith(".txt"))
  .flatMap((name) => readFileSync(join(SEED_DIR, name), "utf8").split(/\n\s*\n/))
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph.length > 40);

// Eight different ~2,000-character documents, each starting at another paragraph.
const documents = Array.from({ length: 8 }, (_, start) => {
  let text = "";
  for (let i = start; text.length < 2000; i = (i + 1) % paragraphs.length) text += `${paragraphs[i] ?? ""}\n`;
  const [title = "", ...rest] = text.split("\n");
  return { title, summary: rest.join(" ").slice(0, 2000 - title.length), lang: "ru" };
});

let seed = 42;
const next = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

// Vocabulary: the seed's own words (so some alerts do match), Kazakh and English news words, and a
// long tail of invented names (most alerts are about things a given headline does not mention).
const KAZAKH = "әскери база базасы үкімет министр президент жарлық қаржы банк теңге доллар мұнай газ сайлау заң парламент мәжіліс сенат әкім облыс аудан ауыл қала астана алматы шымкент ақтөбе қарағанды павлодар семей атырау ақтау тараз орал көкшетау түркістан жол көлік пойыз ұшақ әуежай мектеп аурухана дәрігер оқушы мұғалім университет ғылым спорт футбол хоккей бокс олимпиада жаңалық оқиға өрт су тасқын жер сілкінісі ауа райы қар жаңбыр суық ыстық бағасы инфляция салық жалақы зейнетақы жұмыс жұмыссыздық құрылыс тұрғын үй несие ипотека кеден шекара қытай ресей америка еуропа түркия өзбекстан қырғызстан соғыс бейбітшілік келісім кездесу сапар".split(" ");
const ENGLISH = "military base air bases minister president decree finance bank tenge dollar oil gas election law parliament senate governor region city astana almaty road transport train plane airport school hospital doctor student teacher university science sport football hockey boxing news incident fire flood earthquake weather snow rain price inflation tax salary pension work construction housing loan mortgage customs border china russia america europe turkey uzbekistan kyrgyzstan war peace agreement meeting visit pipeline uranium wheat export import sanctions central asia troops".split(" ");
const SYLLABLES = "ка ра та ма на ла са да ба ва га за ко ро то мо но ло со до бо во го зо ки ри ти ми ни ли си ди би ви ку ру ту му ну лу су ду бу ву ер ан ов ин ек ус".split(" ");
const seedWords = [...new Set(paragraphs.flatMap((paragraph) => tokenize(paragraph)))].filter((word) => word.length > 3);

/** Seed words, Kazakh and English news words, and `inventedCount` made-up names, shuffled. */
function makeVocabulary(inventedCount: number): string[] {
  const invented = Array.from({ length: inventedCount }, () => {
    const parts = 2 + Math.floor(next() * 3);
    return Array.from({ length: parts }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join("");
  });
  const vocabulary = [...new Set([...seedWords, ...KAZAKH, ...ENGLISH, ...invented])];
  // Shuffled, then drawn Zipf-like: a few words are in many alerts, most in a handful, and whether a
  // popular word occurs in the benchmark's text is left to chance, as it is for real headlines.
  for (let i = vocabulary.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [vocabulary[i], vocabulary[j]] = [vocabulary[j] ?? "", vocabulary[i] ?? ""];
  }
  return vocabulary;
}

function randomQuery(vocabulary: readonly string[]): string {
  const word = (): string => vocabulary[Math.floor(vocabulary.length * next() ** 1.6)] ?? "база";
  const roll = next();
  if (roll < 0.45) return word();
  if (roll < 0.65) return `${word()} ${word()}`;
  if (roll < 0.8) return `"${word()} ${word()}"`;
  if (roll < 0.9) return `${word()} OR ${word()} OR ${word()}`;
  return `${word()} -${word()}`;
}

function parseAll(count: number, vocabulary: readonly string[]): { id: string; query: Query }[] {
  const out: { id: string; query: Query }[] = [];
  while (out.length < count) {
    try {
      out.push({ id: `a${out.length}`, query: parseQuery(randomQuery(vocabulary)) });
    } catch {
      // A random pick can produce "x -x"-like or empty queries; skip them as the API would reject them.
    }
  }
  return out;
}

const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

/** Median time per call in microseconds over several rounds, after a warm-up. */
function timePerCall(rounds: number, perRound: number, fn: (i: number) => void): number {
  for (let i = 0; i < perRound; i++) fn(i);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) fn(i);
    samples.push(((performance.now() - start) * 1000) / perRound);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const fmt = (n: number): string => n.toFixed(1).padStart(9);

const coldStart = performance.now();
prepareDocument(documents[0] ?? { title: "" });
const coldPrepareUs = (performance.now() - coldStart) * 1000;
let sink = 0;

function runScenario(name: string, inventedCount: number): void {
  const vocabulary = makeVocabulary(inventedCount);
  const small = parseAll(10, vocabulary);
  const large = parseAll(100_000, vocabulary);

  const heapBefore = heap();
  const buildStart = performance.now();
  const largeIndex = buildQueryIndex(large);
  const buildMs = performance.now() - buildStart;
  const heapIndex = heap() - heapBefore;
  const smallIndex = buildQueryIndex(small);

  const prepared = documents.map((doc) => prepareDocument(doc));
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

  const prepareUs = timePerCall(7, 400, (i) => {
    sink += prepareDocument(pick(documents, i)).sequence.length;
  });
  const small10Us = timePerCall(7, 400, (i) => {
    sink += smallIndex.match(prepareDocument(pick(documents, i))).length;
  });
  const large100kUs = timePerCall(7, 100, (i) => {
    sink += largeIndex.match(prepareDocument(pick(documents, i))).length;
  });
  const matchOnly10Us = timePerCall(7, 2000, (i) => {
    sink += smallIndex.match(pick(prepared, i)).length;
  });
  const matchOnly100kUs = timePerCall(7, 200, (i) => {
    sink += largeIndex.match(pick(prepared, i)).length;
  });
  const naiveUs = timePerCall(3, 8, (i) => {
    const doc = pick(prepared, i);
    for (const { query } of large) if (matchesQuery(query, doc)) sink++;
  });

  const matchesPerDoc = prepared.map((doc) => largeIndex.match(doc).length);
  const averageMatches = matchesPerDoc.reduce((a, b) => a + b, 0) / matchesPerDoc.length;
  const averageChars = documents.reduce((a, d) => a + d.title.length + d.summary.length, 0) / documents.length;

  console.log(`\n${name}: ${documents.length} Russian documents of ~${Math.round(averageChars)} characters, vocabulary ${vocabulary.length} words`);
  console.log(`alerts matched per document (100,000 queries): ${averageMatches.toFixed(0)} (${((averageMatches / 1000)).toFixed(2)}%), distinct stems per document ${(prepared.reduce((a, d) => a + d.stems.size, 0) / prepared.length).toFixed(0)}`);
  console.log(`index build, 100,000 queries:               ${fmt(buildMs)} ms, ${largeIndex.queryCount} distinct queries`);
  console.log(`heap used by the index:                     ${fmt(heapIndex / 2 ** 20)} MiB${(globalThis as { gc?: unknown }).gc ? "" : " (approximate: run with NODE_OPTIONS=--expose-gc)"}`);
  console.log(`prepare one document (tokenize + stem):     ${fmt(prepareUs)} µs`);
  console.log(`prepare + match, 10 queries:                ${fmt(small10Us)} µs`);
  console.log(`prepare + match, 100,000 queries:           ${fmt(large100kUs)} µs   goal <= 1000 µs: ${large100kUs <= 1000 ? "met" : "MISSED"}`);
  console.log(`  ratio 100,000 / 10:                       ${fmt(large100kUs / small10Us)} x    goal <= 3x: ${large100kUs / small10Us <= 3 ? "met" : "MISSED"}`);
  console.log(`match only (prepared document), 10:         ${fmt(matchOnly10Us)} µs`);
  console.log(`match only (prepared document), 100,000:    ${fmt(matchOnly100kUs)} µs`);
  console.log(`baseline: naive loop of matchesQuery, 100,000 queries: ${fmt(naiveUs)} µs per document`);
  console.log(`  index speed-up over the naive loop:       ${fmt(naiveUs / matchOnly100kUs)} x`);
}

console.log(`first document, cold stem cache (prepare): ${fmt(coldPrepareUs)} µs`);
runScenario("few-thousand-word vocabulary (broad alerts, high match rate)", 3_000);
runScenario("long-tail vocabulary (mostly names, lower match rate)", 40_000);
if (sink < 0) console.log(sink);
