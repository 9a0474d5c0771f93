/**
 * Stands in for the SST CLI's RPC server (SST_SERVER) on loopback: the components ask it for
 * the bootstrap bucket and to build each function. Builds are recorded, not run, so the tests
 * can read what SST would have bundled (handler, links, esbuild properties).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface RecordedBuild {
  readonly functionID: string;
  readonly handler: string;
  readonly runtime: string;
  readonly links: Record<string, unknown>;
  readonly properties: Record<string, unknown>;
  /** The source file SST would bundle, relative to the repo, or null when none exists. */
  readonly handlerFile: string | null;
}

// The extensions SST's node runtime tries for a handler path.
const handlerExtensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export async function startRpcStub(root: string, work: string) {
  const builds: RecordedBuild[] = [];

  const answer = (method: string, args: Record<string, unknown>): unknown => {
    switch (method) {
      case "Provider.Aws.Bootstrap":
        return { asset: "sst-asset-fake", assetEcrRegistryId: "", assetEcrUrl: "", state: "sst-state-fake" };
      case "Provider.Aws.Appsync":
        return { http: "", realtime: "" };
      case "Runtime.AddTarget":
        return {};
      case "Runtime.Build": {
        const handler = String(args.handler);
        const base = handler.slice(0, handler.lastIndexOf("."));
        const found = handlerExtensions.map((ext) => base + ext).find((f) => existsSync(path.join(root, f)));
        const functionID = String(args.functionID);
        builds.push({
          functionID,
          handler,
          runtime: String(args.runtime),
          links: (args.links ?? {}) as Record<string, unknown>,
          properties: (args.properties ?? {}) as Record<string, unknown>,
          handlerFile: found ?? null,
        });
        const out = path.join(work, "artifacts", `${functionID}-src`);
        mkdirSync(out, { recursive: true });
        writeFileSync(path.join(out, "index.mjs"), "export const handler = () => {};\n");
        return { handler: `${path.basename(base)}.handler`, out, errors: [], sourcemaps: [] };
      }
      default:
        throw new Error(`rpc: can't find method ${method}`);
    }
  };

  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const { method, params } = JSON.parse(body) as { method: string; params: [Record<string, unknown>] };
      let reply: { result?: unknown; error?: string };
      try {
        reply = { result: answer(method, params[0]) };
      } catch (error) {
        reply = { error: (error as Error).message };
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    builds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
