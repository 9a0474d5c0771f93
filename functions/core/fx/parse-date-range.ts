/** Validates ?from= and ?to= for history queries; throws ValidationError naming the parameter. */
import { ValidationError } from "../errors.js";
import { addDays, daysBetween, isIsoDate } from "./calendar-date.js";
import type { IsoDate } from "./types.js";

export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Longest range served, counting both ends: a leap year. */
export const MAX_RANGE_DAYS = 366;
/** Days served when `from` is omitted: the last 30 days including `to`. */
export const DEFAULT_RANGE_DAYS = 30;

/**
 * `to` defaults to `today`, `from` to 29 days before `to`. `today` is the caller's idea of today
 * in Almaty (see almatyDate); pass the latest rate's date if it is later, since the NBK publishes
 * tomorrow's rate the evening before.
 */
export function parseDateRange(from: string | undefined, to: string | undefined, today: IsoDate): DateRange {
  const end = checkDate("to", to, today) ?? today;
  const start = checkDate("from", from, today) ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > end) throw new ValidationError("from", `from (${start}) is after to (${end})`);
  const days = daysBetween(start, end) + 1;
  if (days > MAX_RANGE_DAYS) {
    throw new ValidationError("from", `the range ${start}..${end} is ${days} days; at most ${MAX_RANGE_DAYS} are served`);
  }
  return { from: start, to: end };
}

function checkDate(field: "from" | "to", value: string | undefined, today: IsoDate): IsoDate | undefined {
  if (value === undefined || value === "") return undefined;
  if (!isIsoDate(value)) throw new ValidationError(field, `${field} must be a real date written YYYY-MM-DD, got "${value}"`);
  if (value > today) throw new ValidationError(field, `${field} (${value}) is in the future; today is ${today}`);
  return value;
}
