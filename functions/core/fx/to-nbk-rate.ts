/** Validates one NBK <item> (either format) and converts it to a per-unit NbkRate, or says why not. */
import { divide, parseDecimal } from "./parse-decimal.js";
import { textOf, type XmlValue } from "./read-nbk-xml.js";
import type { Direction, IsoDate, NbkRate, RejectedRate } from "./types.js";

export type ItemResult = { ok: true; rate: NbkRate } | { ok: false; rejected: RejectedRate };

const ISO_CODE = /^[A-Z]{3}$/;

/** `date` is the item's own date (RSS pubDate) or the document's (daily <date>). */
export function toNbkRate(item: XmlValue, date: IsoDate): ItemResult {
  const code = (textOf(item, "title") ?? "").trim().toUpperCase();
  const reject = (reason: string): ItemResult => ({ ok: false, rejected: { code, reason } });
  if (!ISO_CODE.test(code)) return reject(`"${code}" is not a three-letter currency code`);

  const quoted = parseDecimal(textOf(item, "description"));
  if (!quoted.ok) return reject(`rate is ${rateProblem(quoted.reason)}`);
  if (quoted.value === 0) return reject(`rate is zero ("${textOf(item, "description")}")`);
  if (quoted.value < 0) return reject(`rate is negative ("${textOf(item, "description")}")`);

  const quantText = textOf(item, "quant");
  const quant = parseDecimal(quantText);
  if (!quant.ok) return reject(`quant is ${rateProblem(quant.reason)}`);
  if (!Number.isInteger(quant.value) || quant.value <= 0) {
    return reject(`quant "${quantText}" is not a positive whole number of units`);
  }

  const change = parseDecimal(textOf(item, "change"));
  const changePerUnit = change.ok ? divide(change.value, quant.value) : null;
  const name = textOf(item, "fullname")?.trim();
  return {
    ok: true,
    rate: {
      code,
      ...(name ? { name } : {}),
      rate: divide(quoted.value, quant.value),
      quoted: quoted.value,
      quant: quant.value,
      change: changePerUnit,
      direction: directionOf(textOf(item, "index"), changePerUnit),
      date,
    },
  };
}

function rateProblem(reason: string): string {
  return reason === "missing" || reason === "empty" ? reason : `not usable: ${reason}`;
}

/** The published index wins; when it is blank, the sign of change decides. */
function directionOf(index: string | undefined, change: number | null): Direction {
  const i = (index ?? "").trim().toUpperCase();
  if (i === "UP") return "up";
  if (i === "DOWN") return "down";
  if (change !== null && change > 0) return "up";
  if (change !== null && change < 0) return "down";
  return "flat";
}
