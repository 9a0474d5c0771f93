/**
 * The one place that reads deployment configuration. In AWS, SST links pass values as
 * SST_RESOURCE_* variables, read through `Resource` from "sst"; locally the runtime sets
 * plain DABYL_* variables (or passes a Resources object directly). Read once, at cold start.
 */
import { Resource } from "sst";

export interface Resources {
  /** DynamoDB table name. */
  readonly tableName: string;
  /** Deployment stage ("dev", "prod", "local"); part of SNS topic names. */
  readonly stage: string;
  /** API key for admin routes; undefined disables them (401 always). */
  readonly adminApiKey: string | undefined;
}

type Linked = { Table?: { name: string }; App?: { stage: string }; AdminApiKey?: { value: string } };

function linked(): Linked {
  // Resource throws on unknown keys when nothing is linked; only touch it when SST set the variables.
  const hasSst = Object.keys(process.env).some(
    (k) => k.startsWith("SST_RESOURCE_") || k === "SST_RESOURCES_JSON" || k === "SST_KEY_FILE",
  );
  if (!hasSst) return {};
  const r = Resource as unknown as Linked;
  const pick = <K extends keyof Linked>(k: K): Linked[K] => {
    try {
      return r[k];
    } catch {
      return undefined;
    }
  };
  return { Table: pick("Table"), App: pick("App"), AdminApiKey: pick("AdminApiKey") };
}

/** Reads the environment; call once at module scope of a handler or at local boot. */
export function readResources(env: NodeJS.ProcessEnv = process.env): Resources {
  const l = linked();
  return {
    tableName: l.Table?.name ?? env.DABYL_TABLE_NAME ?? "dabyl",
    stage: l.App?.stage ?? env.DABYL_STAGE ?? "local",
    adminApiKey: l.AdminApiKey?.value ?? env.DABYL_ADMIN_API_KEY ?? undefined,
  };
}
