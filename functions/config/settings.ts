/** Defaults that operators may override; kept in one place so docs and code agree. */
export const defaults = {
  /** Minutes between feed polls (local scheduler and the deployed CronV2). */
  feedPollMinutes: 5,
  /** Minutes between FX polls. */
  fxPollMinutes: 60,
  /** Days a headline is kept before DynamoDB's TTL removes it. */
  retentionDays: 30,
  /** Total time allowed for one feed request, in milliseconds. */
  fetchTimeoutMs: 15_000,
  /** Largest feed body accepted, in bytes, counted after decompression. */
  maxFeedBytes: 10 * 1024 * 1024,
  /** Sources fetched at the same time. */
  pollConcurrency: 8,
  /** Default and largest page size of GET /headlines. */
  pageSize: 20,
  maxPageSize: 100,
  timezone: "Asia/Almaty",
} as const;

/** What the feed poll job needs, from the defaults above. */
export const feedPollSettings = {
  timeoutMs: defaults.fetchTimeoutMs,
  maxBytes: defaults.maxFeedBytes,
  concurrency: defaults.pollConcurrency,
  retentionDays: defaults.retentionDays,
  timezone: defaults.timezone,
};
