/**
 * Alert settings from the resources read once at cold start (adapters/resources.ts): where the API
 * is reachable (short links), which SMS country codes are allowed, and where alerts go.
 */
import { alertSettings, withSmsCountryCodes, type AlertSettings } from "../../config/alerts.js";
import type { Resources } from "../resources.js";

export interface AlertConfig {
  /** Base URL of the public API, without a trailing slash: links in messages point here. Undefined when unset. */
  readonly publicUrl: string | undefined;
  readonly settings: AlertSettings;
  readonly sink: "sns" | "local";
}

/** Where links point when DABYL_PUBLIC_URL is unset and the caller knows no better (the local server's default). */
export const DEFAULT_PUBLIC_URL = "http://127.0.0.1:3000";

/** DABYL_PUBLIC_URL, DABYL_SMS_COUNTRY_CODES (default "7"), DABYL_ALERTS, as readResources() read them. */
export function alertConfigFrom(r: Pick<Resources, "publicUrl" | "smsCountryCodes" | "alertSink">): AlertConfig {
  return { publicUrl: r.publicUrl, settings: withSmsCountryCodes(alertSettings, r.smsCountryCodes), sink: r.alertSink };
}
