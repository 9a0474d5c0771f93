import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { queryAll } from "./query-all.js";
import { emptyState, type SourceState } from "../../core/feeds/source-state.js";

export interface SourceStateStore {
  all(): Promise<Map<string, SourceState>>;
  put(state: SourceState): Promise<void>;
}

const PK = "SOURCE";

export function makeSourceStateStore(doc: DynamoDBDocumentClient, tableName: string): SourceStateStore {
  return {
    async all() {
      const states = new Map<string, SourceState>();
      const items = await queryAll(doc, { TableName: tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": PK } });
      for (const it of items) {
        const { pk: _pk, sk: _sk, ...state } = it;
        // States written before a field existed read it as its empty value.
        states.set(it.sk as string, { ...emptyState(it.sk as string), ...(state as Partial<SourceState>) });
      }
      return states;
    },
    async put(state) {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...state, pk: PK, sk: state.id } }));
    },
  };
}
