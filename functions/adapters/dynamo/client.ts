import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoOptions {
  /** Local endpoint (dynalite, DynamoDB Local); unset in AWS. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** Builds the document client; call once per process (handler module scope or local boot). */
export function createDocumentClient(opts: DynamoOptions = {}): DynamoDBDocumentClient {
  const local = opts.endpoint !== undefined;
  const client = new DynamoDBClient({
    ...(local
      ? {
          endpoint: opts.endpoint,
          region: opts.region ?? "local",
          // Local emulators accept any key; fixed ones keep tables in one namespace.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : opts.region
        ? { region: opts.region }
        : {}),
    maxAttempts: local ? 2 : 3,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
