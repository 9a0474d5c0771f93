/**
 * FX rates in the shared table:
 *   latest   pk=FX#LATEST   sk=<CODE>        the StoredRate served by GET /fx/latest
 *   suspect  pk=FX#SUSPECT  sk=<CODE>        a SuspectRate held until a second fetch confirms it
 *   history  pk=FX#<CODE>   sk=<YYYY-MM-DD>  {rate, quoted, quant, change, direction, source}
 *   fetched  pk=FX#DAYS     sk=<YYYY-MM-DD>  days the backfill asked the NBK about (so it can skip them)
 * History never expires: about 40 currencies x 250 business days is 10,000 small items a year.
 */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { queryAll } from "./query-all.js";
import type { PublishedPoint } from "../../core/fx/fill-history.js";
import type { IsoDate, NbkRate, StoredRate, SuspectRate } from "../../core/fx/types.js";

/** One stored history point of a currency. */
export interface HistoryRecord extends PublishedPoint {
  readonly quoted: number;
  readonly quant: number;
  readonly change: number | null;
  readonly direction: NbkRate["direction"];
  readonly source?: string;
}

/** What the backfill remembers about one day it fetched. */
export interface FetchedDay {
  readonly date: IsoDate;
  /** The date the NBK document said it was for (may differ on holidays). */
  readonly published: IsoDate | null;
  readonly count: number;
  readonly fetchedAt: string;
}

export interface FxStore {
  latest(): Promise<Record<string, StoredRate>>;
  putLatest(rates: readonly StoredRate[]): Promise<void>;
  suspects(): Promise<Record<string, SuspectRate>>;
  /** Makes the stored suspects exactly `suspects`: removes the ones no longer held. */
  replaceSuspects(suspects: Readonly<Record<string, SuspectRate>>): Promise<void>;
  putHistory(rates: readonly (NbkRate & { readonly source?: string })[]): Promise<void>;
  /** Published points of `code` from `from` to `to`, plus the last one before `from` (for carrying into the range). */
  history(code: string, from: IsoDate, to: IsoDate): Promise<HistoryRecord[]>;
  fetchedDay(date: IsoDate): Promise<FetchedDay | undefined>;
  markFetched(day: FetchedDay): Promise<void>;
}

const LATEST = "FX#LATEST";
const SUSPECT = "FX#SUSPECT";
const DAYS = "FX#DAYS";
const historyPk = (code: string) => `FX#${code}`;

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

export function makeFxStore(doc: DynamoDBDocumentClient, tableName: string): FxStore {
  const queryPk = (pk: string) =>
    queryAll(doc, { TableName: tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk } });

  /** BatchWrite in chunks of 25, retrying what DynamoDB hands back unprocessed. */
  async function writeAll(requests: NonNullable<BatchWriteCommandInput["RequestItems"]>[string]): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending: typeof requests | undefined = requests.slice(i, i + 25);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 5)));
        if (attempt > 8) throw new Error(`DynamoDB left ${pending.length} FX writes unprocessed after ${attempt} attempts`);
        const res: BatchWriteCommandOutput = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = res.UnprocessedItems?.[tableName];
      }
    }
  }

  return {
    async latest() {
      const items = await queryPk(LATEST);
      return Object.fromEntries(items.map((it) => [it.sk as string, strip<StoredRate>(it)]));
    },

    async putLatest(rates) {
      await writeAll(rates.map((r) => ({ PutRequest: { Item: { ...r, pk: LATEST, sk: r.code } } })));
    },

    async suspects() {
      const items = await queryPk(SUSPECT);
      return Object.fromEntries(items.map((it) => [it.sk as string, strip<SuspectRate>(it)]));
    },

    async replaceSuspects(suspects) {
      const stored = await queryPk(SUSPECT);
      const gone = stored.map((it) => it.sk as string).filter((code) => !(code in suspects));
      await writeAll([
        ...gone.map((code) => ({ DeleteRequest: { Key: { pk: SUSPECT, sk: code } } })),
        ...Object.entries(suspects).map(([code, s]) => ({ PutRequest: { Item: { ...s, pk: SUSPECT, sk: code } } })),
      ]);
    },

    async putHistory(rates) {
      await writeAll(
        rates.map((r) => {
          const rec: HistoryRecord = {
            date: r.date, rate: r.rate, quoted: r.quoted, quant: r.quant, change: r.change, direction: r.direction,
            ...(r.source ? { source: r.source } : {}),
          };
          return { PutRequest: { Item: { ...rec, pk: historyPk(r.code), sk: r.date } } };
        }),
      );
    },

    async history(code, from, to) {
      const [before, inRange] = await Promise.all([
        doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: "pk = :pk AND sk < :from",
            ExpressionAttributeValues: { ":pk": historyPk(code), ":from": from },
            ScanIndexForward: false,
            Limit: 1,
          }),
        ),
        queryAll(doc, {
          TableName: tableName,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": historyPk(code), ":from": from, ":to": to },
        }),
      ]);
      return [...(before.Items ?? []), ...inRange].map((it) => strip<HistoryRecord>(it));
    },

    async fetchedDay(date) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: { pk: DAYS, sk: date } }));
      return res.Item ? strip<FetchedDay>(res.Item) : undefined;
    },

    async markFetched(day) {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...day, pk: DAYS, sk: day.date } }));
    },
  };
}
