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
  /** Time to resolve a feed's host and connect, in milliseconds. */
  connectTimeoutMs: 10_000,
  /** Redirects followed before a feed fails with "too many redirects". */
  maxRedirects: 5,
  /** Longest a failing source is left alone by the exponential backoff, in milliseconds. */
  maxBackoffMs: 6 * 60 * 60 * 1000,
  /** Headlines from different sources published this close share a storyId when their titles match. */
  storyWindowHours: 48,
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
  connectTimeoutMs: defaults.connectTimeoutMs,
  maxRedirects: defaults.maxRedirects,
  intervalMinutes: defaults.feedPollMinutes,
  maxBackoffMs: defaults.maxBackoffMs,
  storyWindowHours: defaults.storyWindowHours,
};
