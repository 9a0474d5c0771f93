const HOUR = 3_600_000;

/** The clock hour (UTC-aligned; Almaty is a whole-hour offset) that `now` falls in, as ISO start and end. */
export function floodWindow(now: Date): { readonly start: string; readonly end: string } {
  const start = Math.floor(now.getTime() / HOUR) * HOUR;
  return { start: new Date(start).toISOString(), end: new Date(start + HOUR).toISOString() };
}

/**
 * Whether a newly stored headline may alert a topic: published recently (a new source's archive is
 * not news) and stored after the topic got its first subscriber (a subscriber never gets the backlog).
 */
export function isAlertable(
  headline: { readonly publishedAt: string },
  storedAt: Date,
  topicActiveSince: string,
  maxAgeHours: number,
): boolean {
  const published = new Date(headline.publishedAt).getTime();
  if (!Number.isFinite(published)) return false;
  if (storedAt.getTime() - published > maxAgeHours * HOUR) return false;
  return storedAt.getTime() >= new Date(topicActiveSince).getTime();
}
