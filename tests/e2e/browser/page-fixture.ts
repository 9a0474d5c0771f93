/** The app over dynalite with a known corpus, FX rates and real alert wiring, for the page's app.request tests. */
import { createApp } from "../../../functions/api/app.js";
import { makeLocalSink } from "../../../functions/adapters/sns/local-sink.js";
import type { Notifier } from "../../../functions/adapters/sns/notifier.js";
import { alertSettings, type AlertSettings } from "../../../functions/config/alerts.js";
import type { Source } from "../../../functions/config/sources.js";
import { topics } from "../../../functions/config/topics.js";
import type { Headline } from "../../../functions/core/feeds/headline.js";
import type { StoredRate } from "../../../functions/core/fx/types.js";
import { silentLogger } from "../../../functions/core/logger.js";
import { makeAlertsApi } from "../../../functions/jobs/manage-alerts.js";
import { startTestDb, type TestDb } from "../../helpers/local-dynamo.js";

export const NOW = new Date("2026-11-30T06:00:00Z"); // Monday 11:00 in Almaty

export const sources: Source[] = [
  { id: "tengrinews-ru", kind: "rss", url: "http://127.0.0.1:9/ru.xml", lang: "ru" },
  { id: "kursiv-ru", kind: "rss", url: "http://127.0.0.1:9/kursiv.xml", lang: "ru" },
  { id: "tengrinews-kk", kind: "rss", url: "http://127.0.0.1:9/kk.xml", lang: "kk" },
  { id: "nbk-rates", kind: "nbk-rates", url: "http://127.0.0.1:9/rates_all.xml" },
];

export const LONG_SUMMARY =
  "Председатель Объединенного комитета начальников штабов США генерал Марк Милли и начальник Генштаба Вооруженных сил России " +
  "Валерий Герасимов на встрече в Финляндии обсуждали возможность использования американскими военными российских баз в " +
  "Центральной Азии, пишет WSJ. Он пояснил, что Минобороны США приостановило военное сотрудничество с Россией в результате российских агрессивных действий.";
export const LONG_TITLE =
  "Министерство финансов Республики Казахстан переходит на новую цифровую архитектуру государственных финансов, которая объединит бюджетное планирование, казначейство и отчётность в одной системе";
export const NASTY_TITLE = 'Цена <b>нефти</b> & "газа" </script><script>alert(1)</script>';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 0, 0) - minutes * 60_000).toISOString();
const h = (id: string, source: string, lang: string, minutesAgo: number, title: string, summary = ""): Headline => ({
  id, source, lang, title, summary, storyId: id, link: `https://news.example.kz/${id}`, publishedAt: at(minutesAgo),
});

export const corpus: Headline[] = [
  h("base-ru", "tengrinews-ru", "ru", 10, "WSJ узнала о планах США использовать российские военные базы в Азии", LONG_SUMMARY),
  h("base-kk", "tengrinews-kk", "kk", 40, "WSJ: АҚШ Орталық Азиядағы ресейлік әскери базаларды пайдалануды талқылаған"),
  h("bazaar-ru", "kursiv-ru", "ru", 70, "На базаре в Алматы подорожали овощи", "Цены на рынке выросли"),
  h("nasty", "kursiv-ru", "ru", 85, NASTY_TITLE, "A & B <i>"),
  h("long", "tengrinews-ru", "ru", 100, LONG_TITLE),
];

export const rate = (code: string, value: number, date: string, change: number | null): StoredRate => ({
  code, rate: value, quoted: value, quant: 1, change, direction: change === null || change === 0 ? "flat" : change > 0 ? "up" : "down", date, source: "nbk-rates",
});
export const fourRates = [rate("USD", 521.3, "2026-11-30", 1.74), rate("EUR", 600.12, "2026-11-30", -0.58), rate("RUB", 6.5, "2026-11-30", -0.02), rate("CNY", 72.18, "2026-11-30", 0)];

/** Every SMS texted straight to a number (verification codes, confirmations), newest last. */
export const sentTexts: string[] = [];

/** The local sink, but email stays pending-confirmation as it does on SNS until the reader clicks. */
export function pendingEmailNotifier(): Notifier {
  const sink = makeLocalSink(null, silentLogger);
  return {
    ...sink,
    async sendSms(phone, text) {
      sentTexts.push(text);
      return sink.sendSms(phone, text);
    },
    async subscribe(topicArn, channel, address) {
      const r = await sink.subscribe(topicArn, channel, address);
      return channel === "email" ? { ...r, status: "pending-confirmation" } : r;
    },
    async subscriptionStatus() {
      return "pending-confirmation";
    },
  };
}

export interface PageFixture {
  readonly db: TestDb;
  app(opts?: { now?: Date; alerts?: boolean; settings?: Partial<AlertSettings> }): ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export async function startPageFixture(rates: readonly StoredRate[] = fourRates): Promise<PageFixture> {
  const db = await startTestDb();
  await db.stores.headlines.save(corpus, { now: NOW, retentionDays: 30 });
  if (rates.length) await db.stores.fx.putLatest(rates);
  return {
    db,
    app: ({ now = NOW, alerts = true, settings = {} } = {}) =>
      createApp({
        ...db.stores,
        sources,
        log: silentLogger,
        rateLimit: null,
        now: () => now,
        alerts: alerts
          ? makeAlertsApi({
              alerts: db.stores.alertStores.alerts,
              rateLimits: db.stores.alertStores.rateLimits,
              notifier: pendingEmailNotifier(),
              log: silentLogger,
              now: () => now,
              settings: { ...alertSettings, ...settings },
              stage: "test",
              topics,
              publicUrl: () => "http://localhost",
            })
          : undefined,
      }),
    close: () => db.close(),
  };
}
