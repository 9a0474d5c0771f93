import { createDocumentClient } from "../../functions/adapters/dynamo/client.js";
import { createTableIfMissing } from "../../functions/adapters/dynamo/create-table.js";
import { makeStores, type Stores } from "../../functions/adapters/dynamo/stores.js";
import { tableSchema } from "../../functions/config/table.js";
import { startDynalite } from "../../functions/local/dynamo-local.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface TestDb {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly stores: Stores;
  close(): Promise<void>;
}

/** A fresh in-memory dynalite with dabyl's table: the real storage path, no mocks. */
export async function startTestDb(tableName = "dabyl-test"): Promise<TestDb> {
  const dynamo = await startDynalite(null);
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  await createTableIfMissing(doc, tableName, tableSchema);
  return {
    doc,
    tableName,
    stores: makeStores(doc, tableName),
    async close() {
      doc.destroy();
      await dynamo.close();
    },
  };
}
