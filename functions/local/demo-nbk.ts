/**
 * Sample National Bank rates for `npm run demo` and the FX end-to-end tests: the two NBK formats
 * (rates_all.xml and get_rates.cfm?fdate=) rendered at request time, dated relative to now, with
 * values that drift a little from day to day. Weekends publish nothing, as on business-day sources.
 * Sample data, not official rates.
 */
import { addDays, almatyDate, toNbkDate } from "../core/fx/index.js";

interface DemoCurrency {
  readonly code: string;
  readonly fullname: string;
  readonly quoted: number;
  readonly quant: number;
}

// Levels from late November 2026, KZT per `quant` units.
const CURRENCIES: readonly DemoCurrency[] = [
  { code: "AUD", fullname: "АВСТРАЛИЙСКИЙ ДОЛЛАР", quoted: 338.41, quant: 1 },
  { code: "AMD", fullname: "10 АРМЯНСКИХ ДРАМОВ", quoted: 13.44, quant: 10 },
  { code: "BYN", fullname: "БЕЛОРУССКИЙ РУБЛЬ", quoted: 158.2, quant: 1 },
  { code: "GBP", fullname: "ФУНТ СТЕРЛИНГОВ СОЕДИНЕННОГО КОРОЛЕВСТВА", quoted: 683.2, quant: 1 },
  { code: "USD", fullname: "ДОЛЛАР США", quoted: 519.56, quant: 1 },
  { code: "EUR", fullname: "ЕВРО", quoted: 600.12, quant: 1 },
  { code: "IRR", fullname: "1000 ИРАНСКИХ РИАЛОВ", quoted: 12.35, quant: 1000 },
  { code: "CNY", fullname: "ЮАНЬ ЖЭНЬМИНЬБИ", quoted: 72.18, quant: 1 },
  { code: "KWD", fullname: "КУВЕЙТСКИЙ ДИНАР", quoted: 1690.12, quant: 1 },
  { code: "KGS", fullname: "КЫРГЫЗСКИЙ СОМ", quoted: 5.94, quant: 1 },
  { code: "RUB", fullname: "РОССИЙСКИЙ РУБЛЬ", quoted: 6.52, quant: 1 },
  { code: "XDR", fullname: "СДР", quoted: 701.4, quant: 1 },
  { code: "TRY", fullname: "ТУРЕЦКАЯ ЛИРА", quoted: 12.3, quant: 1 },
  { code: "UZS", fullname: "100 УЗБЕКСКИХ СУМОВ", quoted: 4.1, quant: 100 },
  { code: "CHF", fullname: "ШВЕЙЦАРСКИЙ ФРАНК", quoted: 646.8, quant: 1 },
  { code: "JPY", fullname: "100 ЯПОНСКИХ ИЕН", quoted: 335.0, quant: 100 },
];

export const demoNbkCodes: readonly string[] = CURRENCIES.map((c) => c.code);

const isBusinessDay = (date: string) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** The latest business day on or before `date`. */
export function lastBusinessDay(date: string): string {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

/** A deterministic quote for a day: within ±0.5% of the level, so no demo move is ever held as suspect. */
function quoteOn(c: DemoCurrency, date: string, i: number): number {
  const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return Math.round(c.quoted * (1 + 0.005 * Math.sin(day * 0.9 + i)) * 100) / 100;
}

interface DemoRow {
  readonly c: DemoCurrency;
  readonly quoted: string;
  readonly change: string;
  readonly index: string;
}

function rowsOn(date: string): DemoRow[] {
  const prev = lastBusinessDay(addDays(date, -1));
  return CURRENCIES.map((c, i) => {
    const now = quoteOn(c, date, i);
    const change = Math.round((now - quoteOn(c, prev, i)) * 100) / 100;
    return { c, quoted: now.toFixed(2), change: change.toFixed(2), index: change > 0 ? "UP" : change < 0 ? "DOWN" : "" };
  });
}

const tag = (name: string, value: string) => (value === "" ? `<${name}/>` : `<${name}>${value}</${name}>`);

/** rates_all.xml as the NBK serves it, for the latest business day in Almaty at `now`. */
export function renderNbkRss(now: Date): string {
  const date = toNbkDate(lastBusinessDay(almatyDate(now)));
  const items = rowsOn(lastBusinessDay(almatyDate(now))).map(
    (r) =>
      `    <item>\n      <title>${r.c.code}</title>\n      <pubDate>${date}</pubDate>\n      <description>${r.quoted}</description>\n` +
      `      <quant>${r.c.quant}</quant>\n      ${tag("index", r.index)}\n      <change>${r.change}</change>\n      <link/>\n    </item>`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0">',
    "  <channel>",
    "    <generator>dabyl demo (sample data)</generator>",
    "    <title>Официальные курсы валют Национального Банка Республики Казахстан (демо)</title>",
    "    <link>https://nationalbank.kz</link>",
    "    <description>Демо-данные, не официальные курсы</description>",
    "    <language>ru-ru</language>",
    ...items,
    "  </channel>",
    "</rss>",
  ].join("\n");
}

/**
 * get_rates.cfm?fdate=dd.mm.yyyy for `date` (YYYY-MM-DD): the day's rates on business days up to
 * today in Almaty; an empty <rates> on weekends and future days.
 */
export function renderNbkDaily(date: string, now: Date): string {
  const publish = isBusinessDay(date) && date <= almatyDate(now);
  const items = publish
    ? rowsOn(date).map(
        (r) =>
          `  <item>\n    <fullname>${r.c.fullname}</fullname>\n    <title>${r.c.code}</title>\n    <description>${r.quoted}</description>\n` +
          `    <quant>${r.c.quant}</quant>\n    ${tag("index", r.index)}\n    <change>${r.change}</change>\n  </item>`,
      )
    : [];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    "<rates>",
    "  <generator>dabyl demo (sample data)</generator>",
    "  <title>Official exchange rates of National Bank of Republic Kazakhstan (demo)</title>",
    `  <date>${toNbkDate(date)}</date>`,
    ...items,
    "</rates>",
  ].join("\n");
}
