/** Headless Chromium (Debian's package) through playwright-core, with a fresh profile per launch. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.DABYL_CHROMIUM ?? "/usr/bin/chromium";

const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught script errors, console errors (CSP refusals among them) and failed requests seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium on a new user-data dir. A missing browser is a failure with the fix in the
 * message, never a skip: CI must install it.
 */
export async function launchBrowser(opts: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the front page's browser tests need it. ` +
        "Install it with `apt-get install -y chromium fonts-dejavu-core` (or set DABYL_CHROMIUM to a Chromium binary).",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "dabyl-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 960 },
    deviceScaleFactor: 1,
    locale: opts.locale ?? "ru-RU",
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    timezoneId: "Asia/Almaty",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() === 404 || r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    // A 400 page or fragment is logged as a failed load; statuses are asserted where they matter.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// The in-page checks are plain JavaScript text: a transpiler (tsx keeps function names with a
// __name helper) would otherwise put helpers into them that do not exist in the page.
const CONTRAST_JS = `(() => {
  const parse = (c) => {
    const [r = 0, g = 0, b = 0, a = 1] = ((/rgba?\\(([^)]+)\\)/.exec(c) || [])[1] || "0,0,0,0").split(/[\\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const channel = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const bad = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent || "").trim() !== "");
    if (!own || el.closest("[hidden], script, noscript")) continue;
    const l1 = luminance(parse(getComputedStyle(el).color));
    const l2 = luminance(background(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) bad.push(el.tagName.toLowerCase() + "." + el.className + ' "' + (el.textContent || "").trim().slice(0, 30) + '": ' + ratio.toFixed(2));
  }
  return bad;
})()`;

const GLYPHS_JS = (letters: string) => `((text) => {
  const canvas = document.createElement("canvas");
  canvas.width = 64;
  canvas.height = 48;
  const ctx = canvas.getContext("2d");
  const font = getComputedStyle(document.body).fontFamily;
  const draw = (ch) => {
    ctx.clearRect(0, 0, 64, 48);
    ctx.font = "28px " + font;
    ctx.fillText(ch, 8, 36);
    return ctx.getImageData(0, 0, 64, 48).data.join(",");
  };
  const box = draw("\\u0378");
  ctx.clearRect(0, 0, 64, 48);
  const blank = ctx.getImageData(0, 0, 64, 48).data.join(",");
  return [...text].filter((ch) => { const d = draw(ch); return d === box || d === blank; });
})(${JSON.stringify(letters)})`;

/** Text elements whose colour against their effective background is below 4.5:1 (WCAG AA, normal text). */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(CONTRAST_JS) as Promise<string[]>;
}

/**
 * Letters that render as the font's missing-glyph box (or nothing): each is drawn in the page's
 * font and compared with an unassigned code point, which can only be the box.
 */
export function missingGlyphs(page: Page, letters: string): Promise<string[]> {
  return page.evaluate(GLYPHS_JS(letters)) as Promise<string[]>;
}
