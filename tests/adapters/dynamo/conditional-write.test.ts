import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conditionFailed, sendIf } from "../../../functions/adapters/dynamo/conditional-write.js";
import { startTestDb, type TestDb } from "../../helpers/local-dynamo.js";

let db: TestDb;
beforeAll(async () => {
  db = await startTestDb();
});
afterAll(() => db.close());

describe("conditional writes: a condition that does not hold is an answer, not an error", () => {
  it("gives the write's output when the condition holds and undefined when another writer was first", async () => {
    const put = () =>
      db.doc.send(new PutCommand({ TableName: db.tableName, Item: { pk: "T#1", sk: "T", v: 1 }, ConditionExpression: "attribute_not_exists(pk)" }));
    expect(await sendIf(put)).toBeDefined();
    expect(await sendIf(put)).toBeUndefined();
  });

  it("still throws every other failure, so a broken request is not mistaken for a lost race", async () => {
    const broken = () =>
      db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: { pk: "T#2", sk: "T" }, UpdateExpression: "SET v = :missing" }));
    const error = await sendIf(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(conditionFailed(error)).toBe(false);
  });
});
