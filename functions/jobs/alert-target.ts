/** What an alert watches, from POST /alerts's body: a curated topic, an FX condition or a query. */
import type { Topic } from "../config/topics.js";
import type { MessageLanguage, TopicKind } from "../core/alerts/alert-types.js";
import { ValidationError } from "../core/errors.js";
// Not through core/fx/index.js: that would load the NBK XML readers (fast-xml-parser) into the API and the feed poller.
import { pairRate } from "../core/fx/cross-rate.js";
import { formatRate } from "../core/fx/format-rate.js";
import { formatFxCondition, parseFxCondition, type FxCondition } from "../core/fx/parse-fx-condition.js";
import type { LatestRates } from "../core/fx/types.js";
import { normalizeQuery, parseQuery } from "../core/query/index.js";

export interface AlertTarget {
  readonly kind: TopicKind;
  /** Keys the topic: the same query typed two ways is one topic. */
  readonly canonical: string;
  /** What messages call it: the subscriber's own words, trimmed, or the curated topic's title. */
  readonly label: string;
  readonly topicId?: string | undefined;
  readonly fx?: FxCondition | undefined;
}

const MAX_LABEL = 200;
const ownWords = (text: string) => [...text.trim().replace(/\s+/g, " ")].slice(0, MAX_LABEL).join("");

/** Re-raises a core ValidationError under the body field the caller actually sent. */
function asField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(field, e.message, { cause: e });
    throw e;
  }
}

export function resolveTarget(
  input: { readonly query?: string | undefined; readonly topic?: string | undefined; readonly fx?: string | undefined },
  topics: readonly Topic[],
  lang: MessageLanguage,
): AlertTarget {
  if (input.topic !== undefined) {
    const t = topics.find((x) => x.id === input.topic);
    if (!t) throw new ValidationError("topic", `unknown topic "${input.topic}"; GET /topics lists them`);
    return { kind: "query", canonical: normalizeQuery(parseQuery(t.query)), label: t.title[lang], topicId: t.id };
  }
  if (input.fx !== undefined) {
    const text = input.fx;
    const fx = asField("fx", () => parseFxCondition(text));
    return { kind: "fx", canonical: formatFxCondition(fx), label: ownWords(text), fx };
  }
  const query = input.query ?? "";
  const canonical = asField("query", () => normalizeQuery(parseQuery(query)));
  return { kind: "query", canonical, label: ownWords(query) };
}

/**
 * A level condition fires when the rate crosses it, not while it stays beyond: if it already is,
 * the subscriber should know the first alert waits for the next crossing.
 */
export function fxConditionNote(c: FxCondition, latest: LatestRates): string | undefined {
  if (c.kind === "move") return undefined;
  const now = pairRate(latest, c.base, c.quote);
  if (now === undefined) return undefined;
  const beyond = c.kind === "above" ? now.rate > c.threshold : now.rate < c.threshold;
  if (!beyond) return undefined;
  const back = c.kind === "above" ? "below" : "above";
  return (
    `${c.pair} is already ${c.kind} ${c.threshold} (${formatRate(now.rate)} on ${now.date}): ` +
    `this alert fires the next time the rate crosses ${c.threshold}, after it has been back ${back} it`
  );
}
