import { createHash } from "node:crypto";
import type { MessageLanguage, TopicKind } from "./alert-types.js";

/**
 * The key of an alert topic: a hash of what it watches in canonical form (normalizeQuery's text,
 * or an FX condition's canonical text), so the same query typed two ways is one topic. One SNS
 * publish reaches every subscriber of a topic, so each wording language is its own topic; Russian
 * keeps the key every topic had before languages existed, so those stay the Russian ones.
 */
export function alertTopicKey(kind: TopicKind, canonical: string, lang?: MessageLanguage): string {
  const text = lang === undefined || lang === "ru" ? `${kind}\n${canonical}` : `${kind}\n${lang}\n${canonical}`;
  return createHash("sha256").update(text).digest("hex").slice(0, 20);
}

/**
 * The SNS topic name, `dabyl-<stage>-<key>`: created idempotently by name, and inside the
 * `dabyl-<stage>-*` ARN pattern the deployed IAM policy grants. SNS allows letters, digits,
 * "-" and "_" up to 256 characters; anything else in a stage name becomes "-".
 */
export function snsTopicName(stage: string, key: string): string {
  const safeStage = stage.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 200) || "stage";
  return `dabyl-${safeStage}-${key}`;
}
