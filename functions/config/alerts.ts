/** Alert settings: limits that keep SMS spend and confirmation mail from being abused. */
export interface AlertSettings {
  /**
   * Number prefixes (digits after "+") that SMS subscriptions may use: a country calling code such
   * as "998", or a code plus the first national digit: "76" and "77" are Kazakhstan's share of +7.
   */
  readonly smsCountryCodes: readonly string[];
  /** Alerts published per alert topic per clock hour before the rest wait for the hourly summary. */
  readonly floodLimitPerHour: number;
  /** POST /alerts per address per window. */
  readonly perAddressLimit: number;
  /** POST /alerts per client IP per window. */
  readonly perClientLimit: number;
  readonly rateWindowSeconds: number;
  /** Live (pending or active) SMS alerts per phone number; pending email confirmations per address. */
  readonly maxPendingPerAddress: number;
  /** Headlines published longer ago than this never alert (a new source's archive is not news). */
  readonly maxHeadlineAgeHours: number;
  /** A delivery SNS keeps refusing is given up after this many attempts. */
  readonly maxAttempts: number;
  /** How long a run holds a delivery it is publishing; a crashed run's claim expires after this. */
  readonly leaseSeconds: number;
  /** Days delivery records, short links and summaries are kept. */
  readonly retentionDays: number;
  readonly timezone: string;
  /** SMS sign-up: a code lives this long, may be tried this often in all, resent this often, this far apart. */
  readonly codeTtlMinutes: number;
  readonly maxCodeAttempts: number;
  readonly maxCodeSends: number;
  readonly codeResendSeconds: number;
  /** An SMS sign-up never verified is dropped (DynamoDB TTL) after this long. */
  readonly pendingVerificationHours: number;
}

export const alertSettings: AlertSettings = {
  // Kazakhstan only: +7 6xx and +7 7xx. Russia shares +7 (3xx, 4xx, 8xx, 9xx); a plain "7" in
  // DABYL_SMS_COUNTRY_CODES lets those in too, at the operator's choice and cost.
  smsCountryCodes: ["76", "77"],
  floodLimitPerHour: 10,
  perAddressLimit: 5,
  perClientLimit: 20,
  rateWindowSeconds: 3600,
  maxPendingPerAddress: 3,
  maxHeadlineAgeHours: 24,
  maxAttempts: 10,
  leaseSeconds: 60,
  retentionDays: 30,
  timezone: "Asia/Almaty",
  codeTtlMinutes: 15,
  maxCodeAttempts: 5,
  maxCodeSends: 3,
  codeResendSeconds: 60,
  pendingVerificationHours: 24,
};

/** Settings with SMS prefixes from a comma-separated list such as "76,77,998"; empty keeps the default. */
export function withSmsCountryCodes(settings: AlertSettings, list: string | undefined): AlertSettings {
  const codes = (list ?? "")
    .split(",")
    .map((c) => c.trim().replace(/^\+/, ""))
    .filter((c) => c !== "");
  if (codes.length === 0) return settings;
  const bad = codes.find((c) => !/^[1-9]\d{0,2}$/.test(c));
  if (bad !== undefined) throw new Error(`DABYL_SMS_COUNTRY_CODES: "${bad}" is not a country calling code such as 7 or 998`);
  return { ...settings, smsCountryCodes: codes };
}
