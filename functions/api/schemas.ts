import { z } from "@hono/zod-openapi";

export const HeadlineSchema = z
  .object({
    id: z.string().openapi({ example: "Xk3fP0q9LmT2aBcD" }),
    title: z.string().openapi({ example: "WSJ узнала о планах США использовать российские военные базы в Азии" }),
    summary: z.string(),
    link: z.string().url(),
    publishedAt: z.string().datetime().openapi({ example: "2026-11-30T05:00:00.000Z" }),
    lang: z.string().openapi({ example: "ru" }),
    source: z.string().openapi({ example: "tengrinews-ru" }),
    storyId: z.string().openapi({
      description: "Shared by headlines from different sources that tell the same story (near-identical titles within 48 h); equals id otherwise",
      example: "Xk3fP0q9LmT2aBcD",
    }),
  })
  .openapi("Headline");

export const HeadlinePageSchema = z
  .object({
    items: z.array(HeadlineSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi("HeadlinePage");

export const SourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["rss", "nbk-rates"]),
    url: z.string().url(),
    lang: z.string().nullable(),
    status: z.enum(["ok", "failing", "pending"]),
    lastAttemptAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable().openapi({ example: "timeout after 15 s" }),
    lastWarning: z.string().nullable().openapi({ description: "Set when the last poll worked but something was off", example: "truncated: kept 3 complete items" }),
    consecutiveFailures: z.number().int(),
    itemCount: z.number().int(),
    nextPollAt: z.string().datetime().openapi({
      description: "When the source will next be fetched: the next cycle, or later while Retry-After or backoff holds it",
      example: "2026-11-30T05:05:00.000Z",
    }),
  })
  .openapi("Source");

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi("Problem");

/** Response entries for errors, shared by every route. */
export const problemResponses = {
  400: { description: "A parameter is invalid", content: { "application/problem+json": { schema: ProblemSchema } } },
  500: { description: "Unexpected failure", content: { "application/problem+json": { schema: ProblemSchema } } },
} as const;
