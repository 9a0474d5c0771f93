/** Shapes shared by the FX core; all rates are KZT per 1 unit of the foreign currency. */

export type Direction = "up" | "down" | "flat";

/** Calendar date in Asia/Almaty, "YYYY-MM-DD". */
export type IsoDate = string;

/** One currency as the National Bank published it, converted to per-unit values. */
export interface NbkRate {
  /** ISO 4217 code, upper case ("USD"). */
  readonly code: string;
  /** Russian full name from the daily format ("ДОЛЛАР США"); the RSS format has none. */
  readonly name?: string;
  /** KZT per 1 unit: quoted / quant. */
  readonly rate: number;
  /** KZT per `quant` units, exactly as published (after decimal-comma repair). */
  readonly quoted: number;
  /** Units the quote is for: 1, 10, 100, 1000. */
  readonly quant: number;
  /** Change since the previous NBK rate, per 1 unit like `rate`; null when not published. */
  readonly change: number | null;
  readonly direction: Direction;
  /** The date the rate is set for. */
  readonly date: IsoDate;
}

/** A currency the parser refused, with a reason a person understands. */
export interface RejectedRate {
  /** The code as published (may be empty or not a code at all). */
  readonly code: string;
  readonly reason: string;
}

/** The result of reading one NBK document. */
export interface NbkSnapshot {
  /** Newest date among `rates` (RSS items may carry different pubDates). */
  readonly date: IsoDate;
  readonly rates: readonly NbkRate[];
  readonly rejected: readonly RejectedRate[];
}

/** What is stored and served as the latest good rate of a currency. */
export interface StoredRate extends NbkRate {
  /** Source id, e.g. "nbk-rates". */
  readonly source?: string;
}

/** A fetched rate that moved too far and waits for a second fetch to confirm it. */
export interface SuspectRate {
  readonly rate: NbkRate;
  /** The good rate it was compared with. */
  readonly previous: StoredRate;
  /** Relative move, e.g. 0.25 for +25%. */
  readonly move: number;
  readonly reason: string;
}

/** Latest good rates by currency code. */
export type RatesByCode = Readonly<Record<string, StoredRate>>;
export type SuspectsByCode = Readonly<Record<string, SuspectRate>>;

/** The minimum a snapshot of latest rates needs for cross rates and alerts. */
export type LatestRates = Readonly<Record<string, { readonly rate: number; readonly date: IsoDate }>>;
