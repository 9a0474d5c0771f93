import { z } from "@hono/zod-openapi";
import { MAX_QUERY_LENGTH } from "../core/query/index.js";

export const CreateAlertSchema = z
  .object({
    query: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional().openapi({ example: '"военная база" OR авиабаза' }),
    topic: z.string().min(1).max(64).optional().openapi({ example: "military-bases", description: "A curated topic id from GET /topics" }),
    fx: z.string().min(1).max(120).optional().openapi({ example: "USD/KZT above 520", description: "An FX threshold condition" }),
    channel: z.enum(["email", "sms"], { error: 'must be "email" or "sms"' }),
    address: z.string().min(3).max(254).openapi({ example: "reader@example.kz", description: "Email address, or phone number in E.164 (+77011234567)" }),
    frequency: z.literal("instant", { error: 'must be "instant" (the only frequency so far)' }).default("instant"),
    lang: z
      .enum(["ru", "kk", "en"], { error: 'must be "ru", "kk" or "en"' })
      .optional()
      .openapi({ example: "kk", description: "Language of the messages (titles stay as published); default from Accept-Language, then ru" }),
  })
  .strict()
  .refine((b) => [b.query, b.topic, b.fx].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of "query", "topic" or "fx"',
    path: ["query"],
  })
  .openapi("CreateAlert");

export const CreatedAlertSchema = z
  .object({
    id: z.string().openapi({ example: "q3F9sX1bT0mPz8Lk" }),
    status: z.enum(["pending-confirmation", "pending-verification", "active"]).openapi({
      description: "email: pending-confirmation until the SNS link is clicked; sms: pending-verification until POST /alerts/{id}/verify gets the texted code",
    }),
    manageToken: z.string().openapi({ description: "Shown once: send it as Authorization: Bearer <token> to read, verify or delete this alert" }),
    manageUrl: z.string().openapi({ description: "Shown once: a page that shows the alert and unsubscribes it (carries the token: keep it private)" }),
    note: z.string().optional().openapi({ description: "Something to know, e.g. that an FX level already holds and the alert waits for the next crossing" }),
  })
  .openapi("CreatedAlert");

export const VerifyAlertSchema = z
  .object({ code: z.string().min(1).max(20).openapi({ example: "042917", description: "The 6 digits texted to the number" }) })
  .strict()
  .openapi("VerifyAlert");

export const AlertSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending-confirmation", "pending-verification", "active", "unsubscribed"]),
    channel: z.enum(["email", "sms"]),
    kind: z.enum(["query", "fx"]),
    query: z.string().optional(),
    topic: z.string().optional(),
    fx: z.string().optional(),
    label: z.string().optional().openapi({ description: "What messages call it: the first subscriber's own words, or the curated topic's title" }),
    lang: z.enum(["ru", "kk", "en"]),
    createdAt: z.string(),
  })
  .openapi("Alert");

export const TopicSchema = z
  .object({
    id: z.string().openapi({ example: "military-bases" }),
    title: z.object({ ru: z.string(), kk: z.string(), en: z.string() }),
    query: z.string().openapi({ description: "The topic's query in dabyl's query language" }),
  })
  .openapi("Topic");

export const AlertIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "is not an alert id").openapi({ example: "q3F9sX1bT0mPz8Lk" }) });
export const ShortIdParam = z.object({ shortId: z.string().regex(/^[A-Za-z0-9_-]{8}$/, "is not a short link id").openapi({ example: "Ab3_x9Qz" }) });
