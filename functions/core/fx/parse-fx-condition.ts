/**
 * Reads a threshold alert as people write it: "USD/KZT above 520", "USD/KZT below 480",
 * "EUR/KZT moves more than 1% in a day", "USD/RUB above 6", Russian "USD/KZT выше 520",
 * "ниже 480", "EUR/KZT изменится более чем на 1% за день", and Kazakh "USD/KZT 520-дан жоғары",
 * "USD/KZT төмен 480". Throws ValidationError("condition").
 */
import { ValidationError } from "../errors.js";
import { parseDecimal } from "./parse-decimal.js";
import { parsePair } from "./parse-pair.js";

export type FxCondition =
  | { readonly kind: "above" | "below"; readonly base: string; readonly quote: string; readonly pair: string; readonly threshold: number }
  | { readonly kind: "move"; readonly base: string; readonly quote: string; readonly pair: string; readonly percent: number };

const PAIR = String.raw`([a-z]{3}(?:\s*[-/]\s*[a-z]{3})?|[a-z]{6})`;
const NUM = String.raw`(\d[\d\s]*(?:[.,]\d+)?)`;
const LEVEL = new RegExp(String.raw`^${PAIR}\s+(above|over|>|выше|больше|жоғары|below|under|<|ниже|меньше|төмен)\s*${NUM}$`, "iu");
// Kazakh puts the number first, usually with an ablative ending: "USD/KZT 520-дан жоғары".
const LEVEL_KK = new RegExp(String.raw`^${PAIR}\s+${NUM}(?:\s*-?\s*(?:дан|ден|тан|тен|нан|нен))?\s+(жоғары|төмен)$`, "iu");
const MOVE = new RegExp(
  String.raw`^${PAIR}\s+(?:moves?|changes?|изменится|меняется|изменение)\s+(?:by\s+)?(?:more than|over|>|более|больше)\s+(?:чем\s+)?(?:на\s+)?${NUM}\s*%` +
    String.raw`(?:\s+(?:in a day|a day|per day|daily|in one day|за день|в день|за сутки))?$`,
  "iu",
);
const UP = new Set(["above", "over", ">", "выше", "больше", "жоғары"]);
const EXAMPLES = `write it like "USD/KZT above 520", "USD/KZT below 480" or "EUR/KZT moves more than 1% in a day"`;

export function parseFxCondition(text: string): FxCondition {
  const t = text.trim().replace(/\s+/g, " ");
  const kk = LEVEL_KK.exec(t);
  const level = kk ? [kk[0], kk[1], kk[3], kk[2]] : LEVEL.exec(t);
  if (level) {
    const { base, quote, pair } = parsePair(level[1]!, "condition");
    const threshold = number(level[3]!);
    if (!(threshold > 0)) throw new ValidationError("condition", `the threshold in "${text}" must be above zero`);
    return { kind: UP.has(level[2]!.toLowerCase()) ? "above" : "below", base, quote, pair, threshold };
  }
  const move = MOVE.exec(t);
  if (move) {
    const { base, quote, pair } = parsePair(move[1]!, "condition");
    const percent = number(move[2]!);
    if (!(percent > 0 && percent < 100)) throw new ValidationError("condition", `the percentage in "${text}" must be between 0 and 100`);
    return { kind: "move", base, quote, pair, percent };
  }
  throw new ValidationError("condition", `could not read the condition "${text}"; ${EXAMPLES}`);
}

/** The canonical English form, e.g. for listing a user's alerts. */
export function formatFxCondition(c: FxCondition): string {
  return c.kind === "move" ? `${c.pair} moves more than ${c.percent}% in a day` : `${c.pair} ${c.kind} ${c.threshold}`;
}

function number(text: string): number {
  const parsed = parseDecimal(text);
  return parsed.ok ? parsed.value : Number.NaN;
}
