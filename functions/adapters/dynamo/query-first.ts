import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** The first `limit` items of one index partition, lowest sort key first: the head of a queue or a rotation. */
export async function queryFirst(
  doc: DynamoDBDocumentClient,
  tableName: string,
  index: "gsi1" | "gsi2" | "gsi3",
  pk: string,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const res = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :p`,
      ExpressionAttributeValues: { ":p": pk },
      ScanIndexForward: true,
      Limit: limit,
    }),
  );
  return res.Items ?? [];
}
