/** An EventBridge Scheduler expression, as sst.aws.CronV2 types it. */
export type ScheduleExpression = `cron(${string})` | `rate(${string})`;

/**
 * "Every N minutes" as a cron expression when N divides the hour or the day, so runs land on
 * round clock times in the schedule's timezone (rate() ignores the timezone and drifts with
 * the deploy time); any other N falls back to rate().
 */
export function everyMinutes(minutes: number): ScheduleExpression {
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new RangeError(`a schedule needs a whole number of minutes >= 1, got ${minutes}`);
  }
  if (minutes < 60 && 60 % minutes === 0) {
    return minutes === 1 ? "cron(* * * * ? *)" : `cron(0/${minutes} * * * ? *)`;
  }
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours <= 24 && 24 % hours === 0) {
    if (hours === 24) return "cron(0 0 * * ? *)";
    return hours === 1 ? "cron(0 * * * ? *)" : `cron(0 0/${hours} * * ? *)`;
  }
  return `rate(${minutes} minutes)`;
}
