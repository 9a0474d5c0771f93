import { tableSchema } from "../functions/config/table.js";

export interface StorageOptions {
  /** Production tables refuse deletion (DynamoDB deletion protection) on top of removal: retain. */
  readonly production: boolean;
}

/** The one table, built from the same schema the local runtime creates, so the two cannot drift. */
export function createStorage({ production }: StorageOptions) {
  const fields = Object.fromEntries(tableSchema.attributes.map((name) => [name, "string" as const]));
  const globalIndexes = Object.fromEntries(
    tableSchema.globalIndexes.map((index) => [
      index.name,
      { hashKey: index.hashKey, rangeKey: index.rangeKey },
    ]),
  );
  // Named "Table" because the runtime reads Resource.Table.name (functions/adapters/resources.ts).
  const table = new sst.aws.Dynamo("Table", {
    fields,
    primaryIndex: { hashKey: tableSchema.hashKey, rangeKey: tableSchema.rangeKey },
    globalIndexes,
    ttl: tableSchema.ttlAttribute,
    deletionProtection: production,
  });
  return { table };
}
