import { describe, expect, it } from "vitest";
import { readBackfillConfig, readLocalConfig, readResources } from "../../functions/adapters/resources.js";

describe("readResources: the settings every function reads once", () => {
  it.each([
    [undefined, 30],
    ["", 30],
    ["7", 7],
    ["90", 90],
  ])("DABYL_RETENTION_DAYS=%j keeps headlines %d days", (value, days) => {
    expect(readResources({ DABYL_RETENTION_DAYS: value }).retentionDays).toBe(days);
  });

  it.each(["0", "-1", "week"])("DABYL_RETENTION_DAYS=%j is refused at cold start", (value) => {
    expect(() => readResources({ DABYL_RETENTION_DAYS: value })).toThrow(/DABYL_RETENTION_DAYS must be a positive number/);
  });

  it.each([
    [{}, "info"],
    [{ DABYL_LOG_LEVEL: "" }, "info"],
    [{ DABYL_LOG_LEVEL: "warn" }, "warn"],
  ])("%j logs at %s", (env, level) => {
    expect(readResources(env).logLevel).toBe(level);
  });

  it("carries DABYL_SMS_COUNTRY_CODES as given, for config/alerts.ts to parse", () => {
    expect(readResources({ DABYL_SMS_COUNTRY_CODES: "7,998" }).smsCountryCodes).toBe("7,998");
    expect(readResources({}).smsCountryCodes).toBeUndefined();
  });

  it("knows the poller functions only when SST links them (AWS), so the local runtime polls itself", () => {
    expect(readResources({}).pollerFunctions).toBeUndefined();
    process.env.SST_RESOURCE_Pollers = JSON.stringify({ feeds: "dabyl-prod-PollFeeds", fx: "dabyl-prod-PollFx" });
    try {
      expect(readResources({}).pollerFunctions).toEqual({ feeds: "dabyl-prod-PollFeeds", fx: "dabyl-prod-PollFx" });
    } finally {
      delete process.env.SST_RESOURCE_Pollers;
    }
  });
});

describe("readLocalConfig and readBackfillConfig", () => {
  it("take the environment's defaults without being handed process.env", () => {
    expect(readLocalConfig({})).toMatchObject({ port: 3000, dataDir: ".data", feedPollMinutes: 5, retentionDays: 30 });
  });

  it.each([
    [{}, { nbkBaseUrl: undefined, dataDir: ".data", awsTableName: undefined }],
    [{ DABYL_NBK_BASE_URL: "http://127.0.0.1:9/rss", DABYL_DATA_DIR: "/tmp/d" }, { nbkBaseUrl: "http://127.0.0.1:9/rss", dataDir: "/tmp/d", awsTableName: undefined }],
    // A table name alone is not enough: without credentials the backfill stays local.
    [{ DABYL_TABLE_NAME: "dabyl-prod" }, { awsTableName: undefined }],
    [{ DABYL_TABLE_NAME: "dabyl-prod", AWS_PROFILE: "ops" }, { awsTableName: "dabyl-prod" }],
    [{ DABYL_TABLE_NAME: "dabyl-prod", AWS_ACCESS_KEY_ID: "AKIA" }, { awsTableName: "dabyl-prod" }],
  ])("fx:backfill with %j", (env, expected) => {
    expect(readBackfillConfig(env)).toMatchObject(expected);
  });
});
