/**
 * Alert settings that come from the environment, read once at cold start next to readResources():
 * where the API is reachable (short links), which SMS country codes are allowed, and where alerts go.
 */
import { alertSettings, withSmsCountryCodes, type AlertSettings } from "../../config/alerts.js";
import { notifierKind } from "./make-notifier.js";

export interface AlertConfig {
  /** Base URL of the public API, without a trailing slash: links in messages point here. Undefined when unset. */
  readonly publicUrl: string | undefined;
  readonly settings: AlertSettings;
  readonly sink: "sns" | "local";
}

/** Where links point when DABYL_PUBLIC_URL is unset and the caller knows no better (the local server's default). */
export const DEFAULT_PUBLIC_URL = "http://127.0.0.1:3000";

/** DABYL_PUBLIC_URL, DABYL_SMS_COUNTRY_CODES (default "7"), DABYL_ALERTS ("sns" or "local" to force a sink). */
export function readAlertConfig(env: NodeJS.ProcessEnv = process.env): AlertConfig {
  const raw = (env.DABYL_PUBLIC_URL ?? "").trim();
  const settings = withSmsCountryCodes(alertSettings, env.DABYL_SMS_COUNTRY_CODES);
  if (raw === "") return { publicUrl: undefined, settings, sink: notifierKind(env) };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DABYL_PUBLIC_URL must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`DABYL_PUBLIC_URL must be http(s), got ${JSON.stringify(raw)}`);
  return {
    publicUrl: url.toString().replace(/\/+$/, ""),
    settings,
    sink: notifierKind(env),
  };
}
