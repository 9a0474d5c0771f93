import { z } from "@hono/zod-openapi";
import type { Headline } from "../core/feeds/headline.js";
import { HeadlineSchema } from "./schemas.js";

export const AlsoInSchema = z
  .object({
    source: z.string().openapi({ example: "kursiv-ru" }),
    id: z.string().openapi({ example: "Qm7dT1x0VbN4sKpE" }),
    link: z.string().url().openapi({ example: "https://kz.kursiv.media/2026-11-30/a-story/" }),
  })
  .openapi("AlsoIn");

export const HeadlineListItemSchema = HeadlineSchema.extend({
  alsoIn: z
    .array(AlsoInSchema)
    .optional()
    .openapi({ description: "With group=story: the same story from other sources found in the same scan, newest first" }),
}).openapi("HeadlineListItem");

export const ScanSchema = z
  .object({
    examined: z.number().int().openapi({ description: "Headlines read to build this page", example: 240 }),
    limitReached: z.boolean().openapi({
      description: "True when the per-request scan bound stopped the search before the page filled: follow nextCursor to search further back",
    }),
    oldestExamined: z
      .string()
      .nullable()
      .openapi({ description: "publishedAt of the oldest headline read: how far back this page has searched", example: "2026-11-28T09:15:00.000Z" }),
  })
  .openapi("Scan");

export const HeadlineListSchema = z
  .object({
    items: z.array(HeadlineListItemSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as cursor for the next page; null when there is nothing further" }),
    scan: ScanSchema,
  })
  .openapi("HeadlineList");

export type HeadlineListItem = z.infer<typeof HeadlineListItemSchema>;

const HEADLINE_KEYS = Object.keys(HeadlineSchema.shape) as (keyof Headline)[];

/** Exactly the documented fields of a stored headline: nothing internal leaks, new documented fields flow through. */
export function toApiHeadline(h: Headline): Headline {
  const out: Record<string, unknown> = {};
  for (const k of HEADLINE_KEYS) if (h[k] !== undefined) out[k] = h[k];
  if (out.storyId === undefined) out.storyId = h.id;
  return out as unknown as Headline;
}

/** One entry per storyId in first-seen (newest) order; the others become alsoIn. */
export function groupByStory(items: readonly Headline[]): HeadlineListItem[] {
  const groups = new Map<string, { lead: Headline; others: Headline[] }>();
  for (const h of items) {
    const key = h.storyId || h.id;
    const g = groups.get(key);
    if (g) g.others.push(h);
    else groups.set(key, { lead: h, others: [] });
  }
  return [...groups.values()].map(({ lead, others }) => ({
    ...toApiHeadline(lead),
    alsoIn: others.map((o) => ({ source: o.source, id: o.id, link: o.link })),
  }));
}
