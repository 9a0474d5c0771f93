import { ValidationError } from "../core/errors.js";
import { isIsoDate, type IsoDate } from "../core/fx/index.js";

export interface BackfillArgs {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly pauseMs: number;
  /** From --nbk-url; undefined means DABYL_NBK_BASE_URL or the real NBK. */
  readonly baseUrl: string | undefined;
}

/** The tenge was introduced on 15 November 1993; there are no NBK rates before it. */
const FIRST_DAY = "1993-11-15";

export const BACKFILL_USAGE =
  "usage: npm run fx:backfill -- --from YYYY-MM-DD [--to YYYY-MM-DD] [--pause-ms 1000] [--nbk-url https://nationalbank.kz/rss]";

/**
 * Reads `--from 2026-11-01 --to 2026-11-30 --pause-ms 500` (also `--from=...`). `today` is the
 * Almaty date; --to defaults to it. Throws ValidationError naming the flag.
 */
export function parseBackfillArgs(argv: readonly string[], today: IsoDate, defaultPauseMs: number): BackfillArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(from|to|pause-ms|nbk-url)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ValidationError(arg.startsWith("--") ? arg : "arguments", `unknown argument "${arg}"; ${BACKFILL_USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new ValidationError(`--${m[1]}`, `--${m[1]} needs a value`);
    if (values.has(m[1]!)) throw new ValidationError(`--${m[1]}`, `--${m[1]} is given twice`);
    values.set(m[1]!, value);
  }
  const date = (flag: "from" | "to"): IsoDate | undefined => {
    const v = values.get(flag);
    if (v === undefined) return undefined;
    if (!isIsoDate(v)) throw new ValidationError(`--${flag}`, `--${flag} must be a real date written YYYY-MM-DD, got "${v}"`);
    if (v > today) throw new ValidationError(`--${flag}`, `--${flag} (${v}) is in the future; today in Almaty is ${today}`);
    if (v < FIRST_DAY) throw new ValidationError(`--${flag}`, `--${flag} (${v}) is before the tenge existed (${FIRST_DAY})`);
    return v;
  };
  const from = date("from");
  if (from === undefined) throw new ValidationError("--from", `--from is required; ${BACKFILL_USAGE}`);
  const to = date("to") ?? today;
  if (from > to) throw new ValidationError("--from", `--from (${from}) is after --to (${to})`);

  const pauseText = values.get("pause-ms");
  const pauseMs = pauseText === undefined ? defaultPauseMs : Number(pauseText);
  if (!/^\d+$/.test(pauseText ?? "0") || !Number.isSafeInteger(pauseMs)) {
    throw new ValidationError("--pause-ms", `--pause-ms must be a whole number of milliseconds, got "${pauseText}"`);
  }

  const baseUrl = values.get("nbk-url");
  if (baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new ValidationError("--nbk-url", `--nbk-url must be an http(s) URL such as https://nationalbank.kz/rss, got "${baseUrl}"`);
    }
  }
  return { from, to, pauseMs, baseUrl };
}
