// Loaded only by POST /admin/poll (a dynamic import in handlers/api.ts): the Lambda client never
// weighs on the API's cold start.
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DabylError } from "../../core/errors.js";

/** Built once per process, on the first admin poll. */
const client = new LambdaClient({});

export class PollerStartError extends DabylError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("poller_start_failed", message, options);
  }
}

/**
 * Starts each poller function without waiting for it (InvocationType "Event": Lambda queues the run
 * and answers 202 at once). A feed poll can take minutes, longer than the API may run; the queued
 * runs get the functions' own timeout, retries and dead-letter queue, as scheduled runs do.
 * Returns the jobs started, in the order given.
 */
export async function invokePollers(functions: Readonly<Record<string, string>>): Promise<string[]> {
  const jobs = Object.entries(functions);
  await Promise.all(
    jobs.map(async ([job, functionName]) => {
      let status: number | undefined;
      try {
        status = (await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event" }))).StatusCode;
      } catch (e) {
        throw new PollerStartError(`could not start ${job}: ${(e as Error).message}`, { cause: e });
      }
      if (status !== 202) throw new PollerStartError(`could not start ${job}: Lambda answered ${status ?? "nothing"} instead of 202`);
    }),
  );
  return jobs.map(([job]) => job);
}
