import { alertSettings } from "../../config/alerts.js";
import type { UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";

/**
 * The SMS sign-up's second step: a plain form posting the code (or a request for a new one) to
 * the alert's manage page, so it works with JavaScript off. The token travels in the POST body,
 * never in a URL.
 */
export function VerifyCodeForm({ id, token, ui, t }: { id: string; token: string; ui: UiLang; t: UiStrings }) {
  return (
    <form class="verify" method="post" action={`/alerts/${id}/manage`}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="ui" value={ui} />
      <div class="field">
        <label for={`code-${id}`}>{t.codeLabel}</label>
        <input
          type="text"
          id={`code-${id}`}
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={12}
          aria-describedby={`code-hint-${id}`}
        />
        <p class="hint" id={`code-hint-${id}`}>{t.codeHint(alertSettings.codeTtlMinutes)}</p>
      </div>
      <button type="submit" name="action" value="verify">{t.confirmCode}</button>{" "}
      <button type="submit" name="action" value="resend" class="secondary">{t.resendCode}</button>
    </form>
  );
}

/** The manage page's address: the token rides in the query, so the page must never leak it (no-referrer, no-store). */
export function manageHref(base: string, id: string, token: string, ui: UiLang): string {
  return `${base}/alerts/${id}/manage?token=${encodeURIComponent(token)}&ui=${ui}`;
}
