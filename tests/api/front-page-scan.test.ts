import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "./helpers/api-fixture.js";

let api: ApiFixture;
beforeAll(async () => {
  // Five headlines per request: a search for an old word stops before reaching it.
  api = await startApiFixture({ searchScanLimit: 5 });
});
afterAll(() => api.close());

const page = async (query: string) => {
  const res = await api.app.request(`/?${query}`);
  expect(res.status).toBe(200);
  return res.text();
};
/** The paragraph holding the link further back, tags dropped. */
const moreText = (html: string) => html.match(/<p class="more">([\s\S]*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, "") ?? "";

describe("the front page says when a search stopped at the scan bound", () => {
  // The fifth newest headline (bazaar-ru) is 22:50Z on 29 November: 03:50 on the 30th in Almaty.
  it.each([
    ["en", "Searched back to 30 Nov, 03:50; older matches may exist."],
    ["ru", "Поиск дошёл до 30 нояб., 03:50; более ранние совпадения могут быть."],
    ["kk", "Іздеу 30 қар., 03:50 дейін жетті; бұдан ертерек сәйкестіктер болуы мүмкін."],
  ])("ui=%s: next to the link further back, with matches found so far", async (ui, note) => {
    const html = await page(`ui=${ui}&q=${encodeURIComponent("база")}`);
    expect(html).toContain("base-ru-1");
    expect(moreText(html)).toContain(note);
  });

  it("also when nothing matched yet", async () => {
    expect(moreText(await page(`ui=en&q=${encodeURIComponent("пенсия")}`))).toContain("Searched back to 30 Nov, 03:50; older matches may exist.");
  });

  it("not when the page filled within the bound", async () => {
    const roomy = await startApiFixture();
    try {
      const html = await (await roomy.app.request("/?ui=en")).text();
      expect(html).toContain('rel="next"');
      expect(html).not.toContain("older matches may exist");
    } finally {
      await roomy.close();
    }
  });
});
