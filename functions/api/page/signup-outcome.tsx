import type { AlertCreated, ApiResult } from "./api-client.js";
import { formatRetryAfter } from "./page-format.js";
import type { UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";
import { manageHref, VerifyCodeForm } from "./verify-code-form.js";

export interface SignupAttempt {
  readonly channel: "email" | "sms";
  /** As the person typed it; shown back to them only, never logged. */
  readonly address: string;
  readonly result: ApiResult<AlertCreated>;
}

function Created({ a, created, base, ui, t }: { a: SignupAttempt; created: AlertCreated; base: string; ui: UiLang; t: UiStrings }) {
  const pending = created.status !== "active";
  const code = created.status === "pending-verification";
  const title = !pending ? t.activeTitle : a.channel === "email" ? t.pendingEmailTitle : t.pendingSmsTitle;
  const body = !pending ? t.active(a.address) : a.channel === "email" ? t.pendingEmail(a.address) : t.pendingSms(a.address);
  const href = manageHref(base, created.id, created.manageToken, ui);
  return (
    <div class={`notice ${pending ? "warn" : "ok"}`} role="status" data-outcome={code ? "verify" : pending ? "pending" : "active"}>
      <p>
        <strong>{title}</strong>
      </p>
      <p>{body}</p>
      {code ? <VerifyCodeForm id={created.id} token={created.manageToken} ui={ui} t={t} /> : null}
      <p>
        <a href={href} data-manage rel="noreferrer">{t.manageLink}</a>
      </p>
      <p>{t.manageLinkWhy}</p>
      <p>
        {t.manageToken}: <code data-token>{created.manageToken}</code>
      </p>
      <p>
        {t.unsubscribeHow} <code>{`DELETE ${base}/alerts/${created.id}`}</code>
      </p>
    </div>
  );
}

/** Names the field that failed in the reader's language; the API's own reason follows as a detail. */
function failureMessage(a: SignupAttempt, t: UiStrings, lang: UiLang): { lead: string; kind: string; detail: string | null } {
  const r = a.result;
  if (r.ok) return { lead: "", kind: "", detail: null };
  if (r.status === 429) {
    const seconds = r.retryAfter ?? Number(/retry after (\d+)/i.exec(r.problem?.detail ?? "")?.[1] ?? 3600);
    return { lead: t.rateLimited(formatRetryAfter(seconds, lang)), kind: "rate-limited", detail: null };
  }
  if (r.status === 409 && /already subscribed/.test(r.problem?.detail ?? "")) return { lead: t.alreadySubscribed, kind: "already-subscribed", detail: null };
  if (r.status === 409) return { lead: t.tooManyAlerts, kind: "too-many-alerts", detail: null };
  if (r.status === 400 && r.problem) {
    const params = r.problem.invalidParams ?? [];
    const reason = params.map((p) => p.reason).join("; ") || r.problem.detail;
    const names = new Set(params.map((p) => p.name));
    if (names.has("address")) {
      return { lead: a.channel === "sms" ? t.invalidPhone : t.invalidEmail, kind: a.channel === "sms" ? "invalid-phone" : "invalid-email", detail: reason };
    }
    if (names.has("query")) return { lead: t.invalidAlertQuery, kind: "invalid-query", detail: reason };
    if (names.has("topic")) return { lead: t.invalidTopic, kind: "invalid-topic", detail: reason };
    return { lead: t.checkForm, kind: "invalid", detail: reason };
  }
  return { lead: t.signupUnavailable, kind: "unavailable", detail: null };
}

/** What happened to a sign-up, for every outcome the API can give. */
export function SignupOutcome({ attempt, base, lang, t }: { attempt: SignupAttempt; base: string; lang: UiLang; t: UiStrings }) {
  if (attempt.result.ok) return <Created a={attempt} created={attempt.result.value} base={base} ui={lang} t={t} />;
  const m = failureMessage(attempt, t, lang);
  return (
    <div class="notice error" role="alert" data-outcome={m.kind}>
      <p>
        <strong>{t.failedTitle}</strong>
      </p>
      <p>{m.lead}</p>
      {m.detail ? (
        <p>
          {t.details}: <span lang="en">{m.detail}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Only the outcome, as HTML, for the page script to swap in after an in-place submit. */
export async function renderSignupOutcome(attempt: SignupAttempt, base: string, lang: UiLang, t: UiStrings): Promise<string> {
  return (<SignupOutcome attempt={attempt} base={base} lang={lang} t={t} />).toString();
}
