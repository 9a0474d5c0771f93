import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  readonly url: string;
  /** Every request path (with query) in arrival order. */
  readonly requests: string[];
  /** Most requests that were in flight at the same time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 with a free port; `handle` answers each request. */
export async function serveLoopback(handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<LoopbackServer> {
  const requests: string[] = [];
  let inFlight = 0;
  let most = 0;
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    most = Math.max(most, ++inFlight);
    res.on("close", () => inFlight--);
    Promise.resolve(handle(req, res)).catch((e) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    maxInFlight: () => most,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
