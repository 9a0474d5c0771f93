import { raw } from "hono/html";
import type { FxLatestView } from "../fx-view.js";
import { AlertForm, type SignupFields } from "./alert-form.js";
import type { ApiResult, HeadlinePage, NewsParams } from "./api-client.js";
import { FxTicker } from "./fx-ticker.js";
import { HeadlineList } from "./headline-list.js";
import { pageHref } from "./page-href.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_STYLE } from "./page-style.js";
import type { SignupAttempt } from "./signup-outcome.js";
import { stringsFor, UI_LANGS, type UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";

export interface FrontPageProps {
  readonly ui: UiLang;
  readonly fx: ApiResult<FxLatestView>;
  readonly news: ApiResult<HeadlinePage>;
  readonly params: NewsParams;
  readonly sourceIds: readonly string[];
  readonly signup: SignupFields;
  /** False when this deployment has no alerts: the section says so instead of offering a form. */
  readonly signupEnabled: boolean;
  readonly attempt: SignupAttempt | null;
  /** The API's origin, for the unsubscribe example. */
  readonly base: string;
  readonly now: Date;
}

// Inline, so the browser asks for no /favicon.ico (which would be a 404 problem+json).
const ICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#10263d"/><text x="8" y="12.5" font-size="12" text-anchor="middle" fill="#fff" font-family="sans-serif">d</text></svg>')}`;

/** The strings the page script needs; "<" is escaped so the JSON cannot close its script element. */
function scriptStrings(t: UiStrings): string {
  const s = { loading: t.previewLoading, empty: t.previewEmpty, failed: t.previewFailed, sending: t.sending, unavailable: t.signupUnavailable };
  return JSON.stringify(s).replace(/</g, "\\u003c");
}

function LanguageSwitch({ ui, t, params }: { ui: UiLang; t: UiStrings; params: NewsParams }) {
  return (
    <nav class="langs" aria-label={t.interfaceLanguage}>
      <ul>
        {UI_LANGS.map((l) => (
          <li>
            <a href={pageHref({ ui: l, q: params.q, source: params.source, lang: params.lang })} hreflang={l} lang={l} aria-current={l === ui ? "page" : undefined}>
              {t.langNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Page(p: FrontPageProps) {
  const t = stringsFor(p.ui);
  return (
    <html lang={p.ui}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.params.q ? `${p.params.q} · dabyl` : `dabyl · ${t.newsTitle}`}</title>
        <meta name="description" content={t.tagline} />
        <link rel="icon" href={ICON} />
        <link rel="alternate" type="application/rss+xml" href="/headlines.rss" title={t.footerFeed} />
        <style>{raw(PAGE_STYLE)}</style>
      </head>
      <body>
        <a class="skip" href="#main">{t.skipToContent}</a>
        <a class="skip" href="#alerts">{t.skipToAlerts}</a>
        <header class="site">
          <div class="wrap">
            <p class="brand">
              <a href={pageHref({ ui: p.ui })}>dabyl</a>
            </p>
            <p class="tagline">{t.tagline}</p>
            <LanguageSwitch ui={p.ui} t={t} params={p.params} />
          </div>
        </header>
        <FxTicker fx={p.fx} lang={p.ui} t={t} />
        <main id="main" class="wrap layout" tabindex={-1}>
          <HeadlineList news={p.news} params={p.params} ui={p.ui} t={t} sourceIds={p.sourceIds} now={p.now} />
          <AlertForm ui={p.ui} t={t} fields={p.signup} attempt={p.attempt} base={p.base} enabled={p.signupEnabled} />
        </main>
        <footer class="site">
          <div class="wrap">
            <p>{t.footerData}</p>
            <p>
              <a href="/docs">{t.footerApi}</a> · <a href="/headlines.rss">{t.footerFeed}</a>
            </p>
          </div>
        </footer>
        <script type="application/json" id="page-strings">{raw(scriptStrings(t))}</script>
        <script>{raw(PAGE_SCRIPT)}</script>
      </body>
    </html>
  );
}

/** The whole front page as an HTML string. */
export async function renderFrontPage(p: FrontPageProps): Promise<string> {
  return `<!doctype html>${await (<Page {...p} />).toString()}`;
}
