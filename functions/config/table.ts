/**
 * The one DynamoDB table schema. The local runtime creates the table from it and
 * stacks/storage.ts builds the deployed table from it, so the two can never drift.
 *
 * Generic key names (pk/sk, gsi1pk/gsi1sk, ...) let every entity share the table:
 *   headline      pk=HL#<id>            sk=HL
 *                 gsi1: all headlines newest first   gsi1pk=HL          gsi1sk=<publishedAt>#<id>
 *                 gsi2: per source newest first      gsi2pk=SRC#<id>    gsi2sk=<publishedAt>#<id>
 *                 gsi3: per language newest first    gsi3pk=LANG#<lang> gsi3sk=<publishedAt>#<id>
 *   source state  pk=SOURCE             sk=<sourceId>
 * Later entities (fx, alerts, ...) pick their own pk prefixes and may reuse the GSIs.
 */
export interface IndexSchema {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey: string;
}

export interface TableSchema {
  readonly hashKey: string;
  readonly rangeKey: string;
  /** Every key attribute of the table and its indexes is a string. */
  readonly attributes: readonly string[];
  readonly globalIndexes: readonly IndexSchema[];
  /** Epoch seconds; DynamoDB deletes items after this time. */
  readonly ttlAttribute: string;
}

export const tableSchema = {
  hashKey: "pk",
  rangeKey: "sk",
  attributes: ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk"],
  globalIndexes: [
    { name: "gsi1", hashKey: "gsi1pk", rangeKey: "gsi1sk" },
    { name: "gsi2", hashKey: "gsi2pk", rangeKey: "gsi2sk" },
    { name: "gsi3", hashKey: "gsi3pk", rangeKey: "gsi3sk" },
  ],
  ttlAttribute: "expiresAt",
} as const satisfies TableSchema;

export type IndexName = (typeof tableSchema.globalIndexes)[number]["name"];
