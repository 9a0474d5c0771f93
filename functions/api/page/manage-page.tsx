import { raw } from "hono/html";
import type { AlertView } from "../../jobs/manage-alerts.js";
import { PAGE_STYLE } from "./page-style.js";
import { stringsFor, type UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";
import { VerifyCodeForm } from "./verify-code-form.js";

/** What the manage page shows: the alert, or that it is gone, and a notice about the last action. */
export interface ManagePageProps {
  readonly ui: UiLang;
  readonly id: string;
  readonly token: string;
  /** Undefined: no such alert for this token, or just unsubscribed (see `notice`). */
  readonly alert: AlertView | undefined;
  readonly notice?: { readonly kind: "ok" | "warn" | "error"; readonly outcome: string; readonly text: string } | undefined;
  readonly unsubscribed?: boolean;
}

function Shell({ ui, title, children }: { ui: UiLang; title: string; children: unknown }) {
  const t = stringsFor(ui);
  return (
    <html lang={ui}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · dabyl`}</title>
        <style>{raw(PAGE_STYLE)}</style>
      </head>
      <body>
        <header class="site">
          <div class="wrap">
            <p class="brand">
              <a href={`/?ui=${ui}`}>dabyl</a>
            </p>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          <h1 class="section">{title}</h1>
          {children}
          <p>
            <a href={`/?ui=${ui}`}>{t.backToFront}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

function Details({ alert, t }: { alert: AlertView; t: UiStrings }) {
  const watching = alert.label ?? alert.query ?? alert.fx ?? alert.topic ?? "";
  return (
    <dl class="alert-details">
      <dt>{t.statusLabel}</dt>
      <dd data-status={alert.status}>{t.statusNames[alert.status]}</dd>
      <dt>{t.watchingLabel}</dt>
      <dd>{watching}</dd>
      <dt>{t.channelLabel}</dt>
      <dd>{alert.channel === "sms" ? t.sms : t.email}</dd>
    </dl>
  );
}

function Body(p: ManagePageProps & { t: UiStrings }) {
  const { t } = p;
  const notice = p.notice ? (
    <div class={`notice ${p.notice.kind}`} role={p.notice.kind === "error" ? "alert" : "status"} data-outcome={p.notice.outcome}>
      <p>{p.notice.text}</p>
    </div>
  ) : null;
  if (p.unsubscribed) {
    return (
      <div class="notice ok" role="status" data-outcome="unsubscribed">
        <p>{t.unsubscribedBody}</p>
      </div>
    );
  }
  if (!p.alert) {
    return (
      <div class="notice error" role="alert" data-outcome="not-found">
        <p>{t.manageNotFound}</p>
      </div>
    );
  }
  return (
    <>
      {notice}
      <Details alert={p.alert} t={t} />
      {p.alert.status === "pending-verification" ? <VerifyCodeForm id={p.id} token={p.token} ui={p.ui} t={t} /> : null}
      <form method="post" action={`/alerts/${p.id}/manage`}>
        <input type="hidden" name="token" value={p.token} />
        <input type="hidden" name="ui" value={p.ui} />
        <button type="submit" name="action" value="unsubscribe">{t.unsubscribeButton}</button>
      </form>
    </>
  );
}

/** The page behind an alert's manage link: status, what it watches, the code step if due, Unsubscribe. */
export async function renderManagePage(p: ManagePageProps): Promise<string> {
  const t = stringsFor(p.ui);
  const title = p.unsubscribed ? t.unsubscribedTitle : t.manageTitle;
  return `<!doctype html>${await (
    <Shell ui={p.ui} title={title}>
      <Body {...p} t={t} />
    </Shell>
  ).toString()}`;
}

/** GET /unsubscribe: how to stop alerts, for readers who follow the link at the foot of an alert email. */
export async function renderUnsubscribeHelp(ui: UiLang): Promise<string> {
  const t = stringsFor(ui);
  return `<!doctype html>${await (
    <Shell ui={ui} title={t.helpTitle}>
      <ul>
        <li>{t.helpEmail}</li>
        <li>{t.helpSms}</li>
        <li>{t.helpLink}</li>
      </ul>
    </Shell>
  ).toString()}`;
}
