import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../functions/core/logger.js";
import { demoFeeds } from "../../../functions/local/demo-feeds.js";
import { startDemoServer, type DemoServer } from "../../../functions/local/demo-server.js";
import { startRuntime, type Runtime } from "../../../functions/local/runtime.js";
import { launchBrowser, lowContrastText, missingGlyphs, type Browser } from "./browser-harness.js";

export const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), "screenshots", "front-page.png");
const SEED_STORY = "WSJ узнала о планах США использовать российские военные базы в Азии";
const allTitles = new Set(demoFeeds.flatMap((f) => f.items.map((i) => i.title)));

let demo: DemoServer;
let rt: Runtime;
let launched: Browser | undefined;
let setupError: unknown;
let dataDir: string;

/** The newest code the local sink texted (it lands in the outbox as a direct-sms line). */
function lastCode(): string {
  const file = join(dataDir, "outbox.jsonl");
  const lines = existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { topic: string; sms: string }) : [];
  const sms = lines.filter((l) => l.topic === "direct-sms").at(-1)?.sms ?? "";
  return /(\d{6})/.exec(sms)?.[1] ?? "";
}

beforeAll(async () => {
  // Alerts go to the local sink whatever credentials the machine has: a test never reaches SNS.
  process.env.DABYL_ALERTS = "local";
  demo = await startDemoServer(demoFeeds);
  // A data directory of its own, so the verification codes the local sink texts can be read back.
  dataDir = mkdtempSync(join(tmpdir(), "dabyl-browser-"));
  rt = await startRuntime({ dataDir, port: 0, sources: demo.sources, feedPollMinutes: 60, log: silentLogger });
  await rt.pollNow();
  try {
    launched = await launchBrowser();
  } catch (e) {
    // Kept, so every test fails with the reason (vitest would report a failed beforeAll as skipped tests).
    setupError = e;
  }
}, 60_000);

function browserOrFail(): Browser {
  if (launched === undefined) throw setupError ?? new Error("the browser did not start");
  return launched;
}

afterAll(async () => {
  await launched?.close();
  await rt?.stop();
  await demo?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the front page in headless Chromium, on the local runtime with demo data", () => {
  it("shows four rates with arrows and a date, never 0.0, and whole headlines", async () => {
    const browser = browserOrFail();
    const { page } = browser;
    await page.goto(`${rt.url}/`);
    expect(await page.getAttribute("html", "lang")).toBe("ru");
    const rates = page.locator(".ticker .rate");
    expect(await rates.count()).toBe(4);
    for (const code of ["USD", "EUR", "RUB", "CNY"]) {
      const value = (await page.locator(`.rate[data-code="${code}"] .value`).innerText()).trim();
      expect(value, code).toMatch(/^\d{1,4},\d{2,4}$/);
      expect(Number(value.replace(",", ".")), code).toBeGreaterThan(1);
      expect(await page.locator(`.rate[data-code="${code}"] .move .vh`).innerText()).toMatch(/вырос на|снизился на|без изменений/);
    }
    expect(await page.locator(".ticker").innerText()).not.toMatch(/(^|\s)0[.,]0(\s|$)/);
    expect(await page.locator("#fx-title").innerText()).toMatch(/на \d{1,2} [а-я]+ \d{4} г\./);

    const titles = await page.locator(".headlines h3").allInnerTexts();
    expect(titles.length).toBe(20);
    for (const t of titles) expect(allTitles.has(t.trim()), `cut or changed title: ${t}`).toBe(true);
    expect(await page.locator('.headlines article[lang="kk"]').count()).toBeGreaterThan(0);
    expect(await page.locator(".headlines time").first().innerText()).toMatch(/\d{2}:\d{2}/);
  });

  it("is readable: Kazakh letters have glyphs, text contrast is at least 4.5:1, no script or CSP errors", async () => {
    const browser = browserOrFail();
    const { page } = browser;
    expect(await missingGlyphs(page, "әғқңөұүһіӘҒҚҢӨҰҮҺІ"), "install fonts-dejavu-core (or fonts-noto-core) for Kazakh letters").toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    // Keyboard: the first Tab lands on the skip link, which leads to the content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#main");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#alerts");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("value"))).toBe("query"); // the sign-up's first control
    expect(browser.errors).toEqual([]);
  });

  it("searches in the query language: военная база finds the seed story, and a broken query says why", async () => {
    const browser = browserOrFail();
    const { page } = browser;
    await page.getByLabel("Поиск по новостям").fill("военная база");
    await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Найти" }).click()]);
    expect(await page.locator("#news-title").innerText()).toBe("Найдено по запросу «военная база»");
    const found = await page.locator(".headlines h3").allInnerTexts();
    expect(found).toContain(SEED_STORY);
    expect(found.every((t) => /баз/i.test(t))).toBe(true);

    await page.getByLabel("Поиск по новостям").fill('"военная база');
    await Promise.all([page.waitForURL(/q=%22/), page.getByRole("button", { name: "Найти" }).click()]);
    const alert = page.getByRole("alert");
    expect(await alert.innerText()).toMatch(/Запрос не удалось разобрать:.*quote/s);
  });

  it("previews what an alert query matches as one types, with one debounced request", async () => {
    const browser = browserOrFail();
    const { page } = browser;
    await page.goto(`${rt.url}/`);
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/headlines?")) asked.push(r.url());
    });
    await page.getByLabel("Запрос", { exact: true }).pressSequentially("Токаев", { delay: 40 });
    const first = page.locator("#alert-preview ol li").first();
    await first.waitFor();
    expect(await page.locator("#alert-preview ol li a").allInnerTexts()).toEqual(expect.arrayContaining(["Токаев направил телеграмму Президенту Израиля"]));
    expect(asked).toHaveLength(1);
    expect(decodeURIComponent(asked[0] ?? "")).toContain("/headlines?limit=5&q=Токаев");

    await page.getByLabel("Готовая тема").check();
    await page.getByLabel("Тема", { exact: true }).selectOption("military-bases");
    expect(await page.getByLabel("Запрос", { exact: true }).isVisible()).toBe(false);
    await page.locator("#alert-preview ol li", { hasText: SEED_STORY }).waitFor();
  });

  it("signs up by SMS in place: an invalid phone is explained, a good one asks for the texted code, which turns it on", async () => {
    const browser = browserOrFail();
    const { page } = browser;
    await page.getByLabel("SMS").check();
    const address = page.getByLabel("Адрес эл. почты или номер телефона");
    expect(await address.getAttribute("type")).toBe("tel");
    await address.fill("8 701 123 45 67");
    await page.getByRole("button", { name: "Подписаться" }).click();
    const outcome = page.locator("#alert-outcome");
    await outcome.locator('[data-outcome="invalid-phone"]').waitFor();
    expect(await outcome.innerText()).toContain("Номер телефона не подходит: нужен международный формат, например +77011234567.");

    await address.fill("+77011234567");
    await page.getByRole("button", { name: "Подписаться" }).click();
    await outcome.locator('[data-outcome="verify"]').waitFor();
    expect(await outcome.innerText()).toContain("Почти готово: подтвердите номер");
    expect(await outcome.locator("[data-token]").innerText()).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("alert-outcome");
    expect(page.url()).toBe(`${rt.url}/`); // no navigation: the script swapped the outcome in

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(statSync(SCREENSHOT).size).toBeLessThan(300_000);

    await outcome.getByLabel("Код из SMS").fill(lastCode());
    await Promise.all([page.waitForURL(/\/alerts\/[A-Za-z0-9_-]+\/manage$/), outcome.getByRole("button", { name: "Подтвердить" }).click()]);
    expect(await page.locator("[data-status]").innerText()).toBe("включено");
    expect(await page.getByRole("button", { name: "Отписаться" }).count()).toBe(1);
    expect(browser.errors).toEqual([]);
  });

  it("switches the interface to Kazakh and English, keeping the search", async () => {
    const browser = browserOrFail();
    const { page } = browser;
    await page.goto(`${rt.url}/?q=${encodeURIComponent("әскери база")}`);
    await Promise.all([page.waitForURL(/ui=kk/), page.getByRole("link", { name: "Қазақша" }).click()]);
    expect(await page.getAttribute("html", "lang")).toBe("kk");
    expect(await page.locator("#fx-title").innerText()).toContain("Ұлттық банк бағамдары");
    expect(await page.getByLabel("Жаңалықтардан іздеу").inputValue()).toBe("әскери база");
    expect(await page.locator(".headlines h3").allInnerTexts()).toContain("WSJ: АҚШ Орталық Азиядағы ресейлік әскери базаларды пайдалануды талқылаған");
    await Promise.all([page.waitForURL(/ui=en/), page.getByRole("link", { name: "English" }).click()]);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("button", { name: "Subscribe" }).count()).toBe(1);
  });
});

describe("the front page with JavaScript off", () => {
  it("still reads, searches and signs up by posting the form", async () => {
    const plain = await launchBrowser({ javaScriptEnabled: false, locale: "en-US" });
    try {
      const { page } = plain;
      await page.goto(`${rt.url}/`);
      expect(await page.getAttribute("html", "lang")).toBe("en"); // from Accept-Language
      expect(await page.locator(".ticker .rate .value").count()).toBe(4);
      await page.getByLabel("Search the news").fill("military base");
      await Promise.all([page.waitForURL(/q=military/), page.getByRole("button", { name: "Search" }).click()]);
      expect(await page.locator(".headlines h3").allInnerTexts()).toContain("WSJ: US weighed using Russian military bases in Central Asia");

      await page.getByLabel("A curated topic").check();
      await page.getByLabel("Topic", { exact: true }).selectOption("floods");
      await page.getByLabel("SMS").check();
      await page.getByLabel("Email address or phone number").fill("+77019998877");
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Subscribe" }).click()]);
      await page.locator('#alert-outcome [data-outcome="verify"]').waitFor();
      expect(await page.locator("#alert-outcome").innerText()).toContain("We texted a 6-digit code to +77019998877.");
      await page.getByLabel("Code from the SMS").fill(lastCode());
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Confirm" }).click()]);
      expect(await page.locator("[data-status]").innerText()).toBe("on");
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Unsubscribe" }).click()]);
      expect(await page.locator("h1").innerText()).toBe("You are unsubscribed");
    } finally {
      await plain.close();
    }
  }, 60_000);
});
