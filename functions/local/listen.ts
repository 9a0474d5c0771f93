import { serve, type ServerType } from "@hono/node-server";
import { ConfigError } from "../core/errors.js";

type Fetch = Parameters<typeof serve>[0]["fetch"];

/** Why a listen failed, in words an operator acts on; the system's own message otherwise. */
function explain(e: NodeJS.ErrnoException, port: number, host: string): string {
  if (e.code === "EADDRINUSE") return `port ${port} on ${host} is already in use; stop what uses it or set PORT to another port (PORT=0 picks a free one)`;
  if (e.code === "EACCES") return `no permission to listen on port ${port} on ${host}; set PORT to a port above 1023`;
  if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND") return `cannot listen on ${host}: no such address on this machine; check HOST`;
  return `cannot listen on ${host}:${port}: ${e.message}`;
}

/**
 * Serves `fetch` on host:port and resolves once listening. A failure to listen (a port already in
 * use) rejects with a ConfigError instead of surfacing as an uncaught 'error' event.
 */
export function listen(fetch: Fetch, port: number, host: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, () => {
      server.off("error", onError);
      resolve(server);
    });
    const onError = (e: NodeJS.ErrnoException) => reject(new ConfigError(explain(e, port, host), { cause: e }));
    server.once("error", onError);
  });
}
