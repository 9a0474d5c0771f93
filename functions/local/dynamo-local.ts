import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import dynalite from "dynalite";

export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite on a loopback port: persisted under `path`, or in memory when path is null. */
export async function startDynalite(path: string | null): Promise<LocalDynamo> {
  if (path) mkdirSync(path, { recursive: true });
  const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // dynalite closes its LevelDB store when the server closes, flushing what was written.
        server.close(() => resolve());
      }),
  };
}
