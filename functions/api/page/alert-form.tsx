import { alertSettings } from "../../config/alerts.js";
import { topics } from "../../config/topics.js";
import { SignupOutcome, type SignupAttempt } from "./signup-outcome.js";
import type { UiLang } from "./ui-lang.js";
import type { UiStrings } from "./ui-strings.js";

/** What the sign-up form holds: posted back as typed so a failed attempt keeps the reader's input. */
export interface SignupFields {
  readonly mode: "query" | "topic";
  readonly query: string;
  readonly topic: string;
  readonly channel: "email" | "sms";
  readonly address: string;
}

export const EMPTY_SIGNUP: SignupFields = { mode: "query", query: "", topic: topics[0]?.id ?? "", channel: "email", address: "" };

interface Props {
  readonly ui: UiLang;
  readonly t: UiStrings;
  readonly fields: SignupFields;
  readonly attempt: SignupAttempt | null;
  readonly base: string;
  readonly enabled: boolean;
}

/**
 * Alert sign-up: a query or a curated topic, email or SMS. It posts to the page itself (works without
 * JavaScript); the page script previews matches as one types and swaps in the outcome without a reload.
 */
export function AlertForm({ ui, t, fields, attempt, base, enabled }: Props) {
  if (!enabled) {
    return (
      <section class="alerts" id="alerts" tabindex={-1} aria-labelledby="alerts-title">
        <h2 class="section" id="alerts-title">{t.alertsTitle}</h2>
        <p>{t.signupUnavailable}</p>
      </section>
    );
  }
  return (
    <section class="alerts" id="alerts" tabindex={-1} aria-labelledby="alerts-title">
      <h2 class="section" id="alerts-title">{t.alertsTitle}</h2>
      <p>{t.alertsIntro}</p>
      <div id="alert-outcome" tabindex={-1} aria-live="polite">
        {attempt ? <SignupOutcome attempt={attempt} base={base} lang={ui} t={t} /> : null}
      </div>
      <form id="alert-form" method="post" action={`/?ui=${ui}`} novalidate>
        <input type="hidden" name="ui" value={ui} />
        <fieldset>
          <legend>{t.whatLegend}</legend>
          <Choice name="mode" checked={fields.mode} options={[["query", t.byQuery], ["topic", t.byTopic]]} />
          <div class="field" data-mode="query">
            <label for="alert-query">{t.queryLabel}</label>
            <input type="text" id="alert-query" name="query" value={fields.query} maxlength={500} autocomplete="off" aria-describedby="q-hint" />
          </div>
          <div class="field" data-mode="topic">
            <label for="alert-topic">{t.topicLabel}</label>
            <select id="alert-topic" name="topic">
              {topics.map((tp) => (
                <option value={tp.id} selected={fields.topic === tp.id}>{tp.title[ui]}</option>
              ))}
            </select>
          </div>
        </fieldset>
        <div id="alert-preview" aria-live="polite" hidden>
          <h3>{t.previewTitle}</h3>
          <p class="hint" data-status></p>
          <ol></ol>
        </div>
        <fieldset>
          <legend>{t.whereLegend}</legend>
          <Choice name="channel" checked={fields.channel} options={[["email", t.email], ["sms", t.sms]]} />
          <div class="field">
            <label for="alert-address">{t.addressLabel}</label>
            <input type="text" id="alert-address" name="address" value={fields.address} required maxlength={254} aria-describedby="address-hint" />
            <p class="hint" id="address-hint">{t.addressHint}</p>
          </div>
        </fieldset>
        <p class="hint">{t.frequencyNote(alertSettings.floodLimitPerHour)}</p>
        <noscript>
          <p class="hint">{t.previewHint}</p>
        </noscript>
        <button type="submit">{t.subscribe}</button>
      </form>
    </section>
  );
}

/** A row of radio buttons, one per [value, label], with the reader's last choice checked. */
function Choice({ name, checked, options }: { name: string; checked: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div class="choice">
      {options.map(([value, label]) => (
        <label>
          <input type="radio" name={name} value={value} checked={checked === value} /> {label}
        </label>
      ))}
    </div>
  );
}
