import type { FxLatestView, FxRateView } from "../fx-view.js";
import { TICKER_CODES, type ApiResult } from "./api-client.js";
import { formatChange, formatDay, formatRate } from "./page-format.js";
import type { UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";

interface Props {
  readonly fx: ApiResult<FxLatestView>;
  readonly lang: UiLang;
  readonly t: UiStrings;
}

const ARROWS = { up: "▲", down: "▼", flat: "▬" } as const;

function Rate(props: { code: string; rate: FxRateView | undefined; asOf: string | null; lang: UiLang; t: UiStrings }) {
  const { code, rate, asOf, lang, t } = props;
  const pair = `${code}/KZT`;
  // A missing rate is a dash with a reason, never a number: "0.0" is what this page exists to avoid.
  if (rate === undefined) {
    return (
      <li class="rate missing" data-code={code}>
        <span class="pair">{pair}</span>
        <span class="value" title={t.fxMissingWhy} aria-hidden="true">—</span>
        <span class="why">{t.fxMissing}</span>
      </li>
    );
  }
  const moved = rate.change !== null && rate.change !== 0 && rate.direction !== "flat";
  const said = !moved ? t.fxFlat : rate.direction === "up" ? t.fxUp(formatChange(rate.change ?? 0, lang)) : t.fxDown(formatChange(rate.change ?? 0, lang));
  return (
    <li class={`rate ${rate.direction}`} data-code={code}>
      <span class="pair">{pair}</span>
      <span class="value" title={t.fxPerUnit(code)}>{formatRate(rate.rate, lang)}</span>
      {rate.change === null ? null : (
        <span class="move">
          <span aria-hidden="true">
            {ARROWS[moved ? rate.direction : "flat"]}
            {moved ? ` ${formatChange(rate.change, lang)}` : ""}
          </span>
          <span class="vh">{said}</span>
        </span>
      )}
      {asOf !== null && rate.date !== asOf ? <span class="date">({formatDay(rate.date, lang)})</span> : null}
    </li>
  );
}

/** USD, EUR, RUB and CNY against the tenge, with direction, date and an honest stale or missing state. */
export function FxTicker({ fx, lang, t }: Props) {
  const view = fx.ok ? fx.value : null;
  const stale = view !== null && view.stale && view.asOf !== null;
  return (
    <section class="ticker" aria-labelledby="fx-title" data-stale={stale ? "true" : "false"}>
      <div class="wrap">
        <h2 id="fx-title">
          {t.fxTitle}
          {view?.asOf ? <span> {t.fxAsOf(formatDay(view.asOf, lang))}</span> : null}
        </h2>
        <ul class="rates">
          {TICKER_CODES.map((code) => (
            <Rate code={code} rate={view?.rates.find((r) => r.pair === `${code}/KZT`)} asOf={view?.asOf ?? null} lang={lang} t={t} />
          ))}
        </ul>
        {stale && view?.asOf ? <p class="badge" role="status">{t.fxStale(formatDay(view.asOf, lang))}</p> : null}
        {view !== null && view.asOf === null ? <p class="badge">{t.fxNone}</p> : null}
        {view === null ? <p class="badge">{t.fxUnavailable}</p> : null}
        {view?.suspects.map((s) => <p class="badge">{t.fxHeld(s.pair, formatRate(s.rate, lang))}</p>)}
      </div>
    </section>
  );
}
