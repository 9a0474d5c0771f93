import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly invalidParams?: readonly InvalidParam[];
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** An RFC 9457 problem+json response. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  extra: { invalidParams?: readonly InvalidParam[]; headers?: Record<string, string> } = {},
): Response {
  const body: Problem = {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    instance: c.req.path,
    ...(extra.invalidParams ? { invalidParams: extra.invalidParams } : {}),
  };
  return c.body(JSON.stringify(body), status, {
    "content-type": "application/problem+json; charset=utf-8",
    ...extra.headers,
  });
}
