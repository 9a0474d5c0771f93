import { z } from "@hono/zod-openapi";

export const FxRateSchema = z
  .object({
    pair: z.string().openapi({ example: "USD/KZT" }),
    rate: z.number().positive().openapi({ example: 519.56, description: "Units of the quote currency per 1 unit of the base currency" }),
    change: z.number().nullable().openapi({ example: 1.24, description: "Change since the previous NBK rate; null when not published" }),
    direction: z.enum(["up", "down", "flat"]),
    date: z.string().openapi({ example: "2026-11-30", description: "The day the NBK set this rate for (Asia/Almaty); a cross pair takes its older leg's date" }),
    source: z.string().openapi({ example: "nbk-rates" }),
  })
  .openapi("FxRate");

export const FxSuspectSchema = z
  .object({
    pair: z.string().openapi({ example: "USD/KZT" }),
    rate: z.number(),
    date: z.string(),
    previousRate: z.number(),
    move: z.number().openapi({ example: 0.25, description: "Relative move against the served rate; 0.25 is +25%" }),
    reason: z.string(),
  })
  .openapi("FxSuspect");

export const FxLatestSchema = z
  .object({
    base: z.literal("KZT"),
    asOf: z.string().nullable().openapi({ example: "2026-11-30", description: "Newest rate date served; null before the first successful poll" }),
    stale: z.boolean().openapi({ description: "true when the last fetch of the NBK failed or asOf is more than 4 days old" }),
    rates: z.array(FxRateSchema),
    suspects: z.array(FxSuspectSchema).openapi({ description: "Fetched values held back because they moved more than 20%; not served as rates until confirmed" }),
  })
  .openapi("FxLatest");

export const FxHistorySchema = z
  .object({
    pair: z.string().openapi({ example: "USD/KZT" }),
    points: z.array(
      z.object({
        date: z.string().openapi({ example: "2026-11-28" }),
        rate: z.number().positive(),
        carried: z.boolean().openapi({ description: "true on days without a published rate (weekends, holidays): the previous rate stands" }),
      }),
    ),
  })
  .openapi("FxHistory");
