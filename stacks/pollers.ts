import { defaults } from "../functions/config/settings.js";
import { nodeFunction } from "./function-defaults.js";
import { everyMinutes } from "./schedule-expression.js";

export interface PollersOptions {
  readonly table: sst.aws.Dynamo;
  /** The SNS link: feed polls deliver keyword alerts, FX polls deliver threshold alerts. */
  readonly alerts: sst.Linkable<{ topicPrefix: string }>;
  /** The address HMAC key (from createAlerts); the pollers build the same alert wiring as the API. */
  readonly addressHashKey: sst.Secret;
  /** From functionEnvironment(): alert links must point at the deployed API. */
  readonly environment: Record<string, $util.Input<string>>;
}

const fourteenDays = 14 * 24 * 60 * 60;

/**
 * The two schedules. EventBridge Scheduler invokes Lambda asynchronously, so failures happen in
 * two places and both end in the same dead-letter queue: the scheduler's retries cover a
 * target it could not invoke (throttling, a deleted function), the function's async retries
 * and on-failure destination cover a run that threw.
 */
export function createPollers({ table, alerts, addressHashKey, environment }: PollersOptions) {
  const deadLetters = new sst.aws.Queue("PollerDeadLetters", {
    transform: { queue: { messageRetentionSeconds: fourteenDays } },
  });

  const poller = (handler: string, timeout: sst.aws.FunctionArgs["timeout"], retries: number) => ({
    ...nodeFunction,
    handler,
    link: [table, alerts, addressHashKey],
    environment,
    memory: "512 MB" as const,
    timeout,
    retries,
    permissions: [{ actions: ["sqs:SendMessage"], resources: [deadLetters.arn] }],
    transform: {
      eventInvokeConfig: { destinationConfig: { onFailure: { destination: deadLetters.arn } } },
    },
  });

  const feeds = new sst.aws.CronV2("PollFeeds", {
    schedule: everyMinutes(defaults.feedPollMinutes),
    timezone: defaults.timezone,
    retries: 2,
    dlq: deadLetters.arn,
    // 50 sources, 8 at a time, 15 s fetch timeout: about 95 s in the worst case. No async
    // retry: the next run is 5 minutes away and does the same work without overlapping this one.
    function: poller("functions/handlers/poll-feeds.handler", "3 minutes", 0),
  });

  const fx = new sst.aws.CronV2("PollFx", {
    schedule: everyMinutes(defaults.fxPollMinutes),
    timezone: defaults.timezone,
    retries: 2,
    dlq: deadLetters.arn,
    function: poller("functions/handlers/poll-fx.handler", "1 minute", 1),
  });

  // POST /admin/poll starts these two functions (a feed poll outlasts the API's 10 s). Linking
  // "Pollers" gives the API their names and lambda:InvokeFunction on exactly these two.
  const link = new sst.Linkable("Pollers", {
    properties: { feeds: feeds.nodes.function.name, fx: fx.nodes.function.name },
    include: [
      sst.aws.permission({
        actions: ["lambda:InvokeFunction"],
        resources: [feeds.nodes.function.arn, fx.nodes.function.arn],
      }),
    ],
  });

  return { feeds, fx, deadLetters, link };
}
