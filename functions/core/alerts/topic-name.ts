import { createHash } from "node:crypto";
import type { TopicKind } from "./alert-types.js";

/**
 * The key of an alert topic: a hash of what it watches in canonical form (normalizeQuery's text,
 * or an FX condition's canonical text), so the same query typed two ways is one topic.
 */
export function alertTopicKey(kind: TopicKind, canonical: string): string {
  return createHash("sha256").update(`${kind}\n${canonical}`).digest("hex").slice(0, 20);
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
