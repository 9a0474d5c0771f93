import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import type { TableSchema } from "../../config/table.js";

/** Creates the table from the shared schema unless it exists (local runtime and tests only). */
export async function createTableIfMissing(client: DynamoDBClient, tableName: string, schema: TableSchema): Promise<"created" | "exists"> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return "exists";
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException) && (e as Error).name !== "ResourceNotFoundException") throw e;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: schema.attributes.map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: schema.hashKey, KeyType: "HASH" },
          { AttributeName: schema.rangeKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: schema.globalIndexes.map((ix) => ({
          IndexName: ix.name,
          KeySchema: [
            { AttributeName: ix.hashKey, KeyType: "HASH" },
            { AttributeName: ix.rangeKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
      }),
    );
  } catch (e) {
    if (e instanceof ResourceInUseException || (e as Error).name === "ResourceInUseException") return "exists";
    throw e;
  }
  // dynalite creates tables asynchronously; wait until ACTIVE.
  for (let i = 0; i < 100; i++) {
    const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (d.Table?.TableStatus === "ACTIVE") return "created";
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`table ${tableName} did not become active`);
}
