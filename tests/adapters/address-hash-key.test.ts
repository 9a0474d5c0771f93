import { describe, expect, it } from "vitest";
import { readResources } from "../../functions/adapters/resources.js";

describe("the address hash key", () => {
  it("comes from the linked AddressHashKey secret in AWS", () => {
    // SST passes links as process variables; Resource reads them from the process, not from an argument.
    process.env.SST_RESOURCE_AddressHashKey = JSON.stringify({ type: "sst.sst.Secret", value: "from-the-secret-0123456789" });
    try {
      expect(readResources({}).addressHashKey).toBe("from-the-secret-0123456789");
    } finally {
      delete process.env.SST_RESOURCE_AddressHashKey;
    }
  });

  it("is absent locally, so the table keeps a generated one (or DABYL_ADDRESS_HASH_KEY gives one)", () => {
    expect(readResources({}).addressHashKey).toBeUndefined();
    expect(readResources({ DABYL_ADDRESS_HASH_KEY: "local-key-0123456789" }).addressHashKey).toBe("local-key-0123456789");
  });
});
