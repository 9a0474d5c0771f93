import type { HeadlineListItem } from "../headline-schemas.js";
import type { ApiResult, HeadlinePage, NewsParams } from "./api-client.js";
import { pageHref } from "./page-href.js";
import { formatLocalTime } from "./page-format.js";
import { shortenAtWord } from "./shorten-at-word.js";
import type { UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";

/** Longest summary shown under a title; titles are never shortened. */
export const SUMMARY_CHARS = 240;
const NEWS_LANGS = ["ru", "kk", "en"] as const;

interface Props {
  readonly news: ApiResult<HeadlinePage>;
  readonly params: NewsParams;
  readonly ui: UiLang;
  readonly t: UiStrings;
  readonly sourceIds: readonly string[];
  readonly now: Date;
}

function Headline({ h, ui, now }: { h: HeadlineListItem; ui: UiLang; now: Date }) {
  return (
    <li>
      <article lang={h.lang}>
        <h3>
          <a href={h.link}>{h.title}</a>
        </h3>
        <p class="meta" lang={ui}>
          <span class="tag" title={h.lang}>{h.lang}</span>
          <span class="source">{h.source}</span>
          <time datetime={h.publishedAt}>{formatLocalTime(h.publishedAt, ui, now)}</time>
          {h.alsoIn?.map((o) => (
            <a href={o.link} class="also">+ {o.source}</a>
          ))}
        </p>
        {h.summary && h.summary.trim() !== h.title.trim() ? <p class="summary">{shortenAtWord(h.summary, SUMMARY_CHARS)}</p> : null}
      </article>
    </li>
  );
}

function SearchForm({ params, ui, t, sourceIds }: Omit<Props, "news" | "now">) {
  return (
    <form class="search" method="get" action="/" role="search">
      <input type="hidden" name="ui" value={ui} />
      <div class="field">
        <label for="q">{t.searchLabel}</label>
        <input type="search" id="q" name="q" value={params.q ?? ""} maxlength={500} aria-describedby="q-hint" autocomplete="off" />
        <p class="hint" id="q-hint">{t.searchHint}</p>
      </div>
      <div class="row">
        <div class="field grow">
          <label for="source">{t.sourceLabel}</label>
          <select id="source" name="source">
            <option value="">{t.allSources}</option>
            {sourceIds.map((id) => (
              <option value={id} selected={params.source === id}>{id}</option>
            ))}
          </select>
        </div>
        <div class="field grow">
          <label for="lang">{t.newsLangLabel}</label>
          <select id="lang" name="lang">
            <option value="">{t.allLangs}</option>
            {NEWS_LANGS.map((l) => (
              <option value={l} selected={params.lang === l}>{t.langNames[l]}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t.searchButton}</button>
        {params.q || params.source || params.lang ? <a href={pageHref({ ui })}>{t.clearSearch}</a> : null}
      </div>
    </form>
  );
}

function Problem({ news, t }: { news: Extract<ApiResult<HeadlinePage>, { ok: false }>; t: UiStrings }) {
  if (news.status === 400 && news.problem) {
    const onQuery = news.problem.invalidParams?.some((p) => p.name === "q") ?? false;
    const reason = news.problem.invalidParams?.map((p) => p.reason).join("; ") || news.problem.detail;
    return (
      <div class="notice error" role="alert" id="news-error">
        <p>
          <strong>{onQuery ? t.invalidQuery : t.checkForm}</strong>{" "}
          <span lang="en">{reason}</span>
        </p>
      </div>
    );
  }
  return <p class="notice error" role="alert">{t.newsUnavailable}</p>;
}

/** The search form and the newest headlines (or the results of a search), with paging. */
export function HeadlineList(props: Props) {
  const { news, params, ui, t, now } = props;
  const searching = Boolean(params.q);
  const more = news.ok && news.value.nextCursor ? pageHref({ ui, q: params.q, source: params.source, lang: params.lang, cursor: news.value.nextCursor }, "#news-title") : null;
  // The scan bound stopped the search: say how far back it looked, or a short list reads as "that is all".
  const oldest = news.ok && news.value.scan.limitReached ? news.value.scan.oldestExamined : null;
  return (
    <section aria-labelledby="news-title">
      <h2 class="section" id="news-title">{searching && params.q ? t.resultsFor(params.q) : t.newsTitle}</h2>
      <SearchForm {...props} />
      {news.ok ? null : <Problem news={news} t={t} />}
      {news.ok && news.value.items.length === 0 ? (
        <p class="notice warn" role="status">{news.value.scan.limitReached ? t.scanLimited(news.value.scan.examined) : t.nothingFound}</p>
      ) : null}
      {news.ok && news.value.items.length > 0 ? (
        <ol class="headlines" aria-labelledby="news-title">
          {news.value.items.map((h) => (
            <Headline h={h} ui={ui} now={now} />
          ))}
        </ol>
      ) : null}
      {more ? (
        <p class="more">
          {oldest ? (
            <span class="hint" id="scan-note">
              {t.searchedBackTo(formatLocalTime(oldest, ui, now))}{" "}
            </span>
          ) : null}
          <a href={more} rel="next">{news.ok && news.value.items.length === 0 ? t.searchFurther : t.older} →</a>
        </p>
      ) : null}
    </section>
  );
}
