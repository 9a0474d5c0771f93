import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Source } from "../../config/sources.js";
import type { AlertsApi } from "../../jobs/manage-alerts.js";
import { EMPTY_SIGNUP, type SignupFields } from "../page/alert-form.js";
import { internalEnv } from "../middleware/internal-call.js";
import { createAlert, loadFx, loadHeadlines, type ApiFetch, type NewsParams } from "../page/api-client.js";
import { CONTENT_SECURITY_POLICY } from "../page/content-security-policy.js";
import { renderFrontPage } from "../page/front-page.js";
import { renderSignupOutcome, type SignupAttempt } from "../page/signup-outcome.js";
import { negotiateUiLang, stringsFor, UI_LANGS, type UiLang } from "../page/ui-lang.js";
import { configuredUrl, type PublicUrl } from "../public-base.js";
import { ProblemSchema } from "../schemas.js";

export interface PageDeps {
  readonly sources: readonly Source[];
  /** The alerts wiring POST /alerts uses; without it the page offers no sign-up (and POST / is a 404). */
  readonly alerts?: AlertsApi | undefined;
  /** Where people reach the site; links in the page are built from it, not from the Host header. */
  readonly publicUrl?: PublicUrl;
  /** The clock, for "this year" in dates; tests pin it. */
  readonly now?: () => Date;
}

const HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The language comes from Accept-Language unless ?ui= says otherwise, so caches must key on it.
  Vary: "Accept-Language",
};

const html = (description: string) => ({ description, content: { "text/html": { schema: z.string() } } });
const htmlOrProblem = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() }, "application/problem+json": { schema: ProblemSchema } },
});

// Documented like any route, so /openapi.json says what "/" answers (HTML) and clients can tell.
const getRoute = createRoute({
  method: "get",
  path: "/",
  summary: "The front page (HTML): FX ticker, latest headlines, search and alert sign-up",
  tags: ["page"],
  request: {
    query: z.object({
      ui: z.string().optional().openapi({ example: "kk", description: `Interface language: ${UI_LANGS.join(", ")}; default from Accept-Language, then ru` }),
      q: z.string().optional().openapi({ example: '"военная база" OR авиабаза', description: "A search in the query language (as GET /headlines)" }),
      source: z.string().optional().openapi({ description: "A source id (as GET /headlines)" }),
      lang: z.string().optional().openapi({ example: "ru", description: "Headline language (as GET /headlines)" }),
      cursor: z.string().optional().openapi({ description: "The next page of headlines" }),
    }),
  },
  responses: {
    200: html("The page"),
    400: htmlOrProblem("The page, saying which search parameter is invalid and why"),
  },
});

const postRoute = createRoute({
  method: "post",
  path: "/",
  summary: "The front page's alert sign-up (form-encoded: mode, query, topic, channel, address, ui); answers with the page",
  description: "For programs, POST /alerts (JSON) is the interface; this route serves the page's form, with or without JavaScript.",
  tags: ["page"],
  responses: {
    201: html("Subscribed: the page with the manage token"),
    400: htmlOrProblem("The page, saying which field is invalid"),
    409: html("The address has as many alerts as allowed"),
    429: htmlOrProblem("Too many sign-ups; see Retry-After"),
    404: html("This deployment has no alerts: the page says sign-up is not available"),
    503: html("Sign-up failed on our side: the page says to try later"),
  },
});

/**
 * Calls the app's own routes in-process, as the same client (env) and with the same request id, marked
 * internal so the rate limit and the request log count the page request once, not once per call.
 */
function internalApi(app: OpenAPIHono, c: Context): ApiFetch {
  return async (path, init) => {
    const headers = new Headers(init?.headers);
    const id = c.get("requestId");
    if (id) headers.set("x-request-id", id);
    // Where the runtime gives no socket (app.request), limits fall back to the proxy's header: pass it on.
    const forwarded = c.req.header("x-forwarded-for");
    if (forwarded) headers.set("x-forwarded-for", forwarded);
    return app.fetch(new Request(new URL(path, c.req.url), { ...init, headers }), internalEnv(c.env));
  };
}

/** Query values as the page uses them: trimmed, empty means absent, overlong cut (the API says why). */
function text(v: unknown, max = 2048): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  return s === "" ? undefined : s.slice(0, max);
}

function newsParams(c: Context): NewsParams {
  const q = text(c.req.query("q"));
  const source = text(c.req.query("source"), 64);
  const lang = text(c.req.query("lang"), 8);
  const cursor = text(c.req.query("cursor"));
  return { ...(q && { q }), ...(source && { source }), ...(lang && { lang }), ...(cursor && { cursor }) };
}

function signupFields(body: Record<string, unknown>): SignupFields {
  return {
    mode: body.mode === "topic" ? "topic" : "query",
    query: text(body.query, 600) ?? "",
    topic: text(body.topic, 64) ?? EMPTY_SIGNUP.topic,
    channel: body.channel === "sms" ? "sms" : "email",
    address: text(body.address, 300) ?? "",
  };
}

/** The status POST /alerts gave, passed on; a failure on our side is "not available right now". */
function signupStatus(result: SignupAttempt["result"]): 201 | 400 | 404 | 409 | 429 | 503 {
  if (result.ok) return 201;
  return [400, 404, 409, 429].includes(result.status) ? (result.status as 400 | 404 | 409 | 429) : 503;
}

/** GET / is the front page; POST / is its alert sign-up, answered as a page or, for the page script, a fragment. */
export function registerPage(app: OpenAPIHono, deps: PageDeps) {
  const clock = deps.now ?? (() => new Date());
  const sourceIds = deps.sources.filter((s) => s.kind === "rss").map((s) => s.id);
  const signupEnabled = deps.alerts !== undefined;
  // Absolute links appear only in sign-up answers, which are no-store; the configured URL still wins over Host.
  const linkBase = (c: Context) => configuredUrl(deps.publicUrl) ?? new URL(c.req.url).origin;

  async function page(c: Context, ui: UiLang, params: NewsParams, signup: SignupFields, attempt: SignupAttempt | null): Promise<Response> {
    const api = internalApi(app, c);
    const [fx, news] = await Promise.all([loadFx(api), loadHeadlines(api, params)]);
    const base = linkBase(c);
    const body = await renderFrontPage({ ui, fx, news, params, sourceIds, signup, signupEnabled, attempt, base, now: clock() });
    // A bad search is the reader's 400 (the page still renders and says why); a sign-up keeps its own status.
    const status = attempt ? signupStatus(attempt.result) : !news.ok && news.status === 400 ? 400 : 200;
    return c.html(body, status, HEADERS);
  }

  app.openapi(getRoute, async (c) => {
    const ui = negotiateUiLang(c.req.query("ui"), c.req.header("accept-language"));
    c.header("Cache-Control", "public, max-age=60");
    return (await page(c, ui, newsParams(c), EMPTY_SIGNUP, null)) as never;
  });

  app.openapi(postRoute, async (c) => {
    const body = await c.req.parseBody();
    const ui = negotiateUiLang(text(body.ui) ?? c.req.query("ui"), c.req.header("accept-language"));
    const fields = signupFields(body);
    const target = fields.mode === "topic" ? { topic: fields.topic } : { query: fields.query };
    const result = await createAlert(internalApi(app, c), { ...target, channel: fields.channel, address: fields.address, lang: ui });
    const attempt: SignupAttempt = { channel: fields.channel, address: fields.address, result };
    // The answer carries a manage token: never cached, never stored.
    c.header("Cache-Control", "no-store");
    if (!result.ok && result.retryAfter !== null) c.header("Retry-After", String(result.retryAfter));
    if (c.req.header("x-page-fragment") === "1") {
      const fragment = await renderSignupOutcome(attempt, linkBase(c), ui, stringsFor(ui));
      return c.html(fragment, signupStatus(result), HEADERS) as never;
    }
    return (await page(c, ui, {}, result.ok ? { ...fields, address: "" } : fields, attempt)) as never;
  });
}
