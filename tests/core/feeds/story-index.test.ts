import { describe, expect, it } from "vitest";
import { StoryIndex, sameStory, storyTokens } from "../../../functions/core/feeds/story-index.js";

describe("sameStory", () => {
  it.each([
    ["quotes, case, ё and punctuation differ", "Нацбанк выпустил коллекционную монету «Недра Казахстана»", 'НАЦБАНК выпустил коллекционную монету "Недра Казахстана"!', true],
    ["case endings differ", "WSJ узнала о планах США использовать российские военные базы в Азии", "WSJ: США планировали использовать российские военные базы в Центральной Азии", true],
    ["ё/е", "Актёры театра получили награды в Астане", "Актеры театра получили награды в Астане", true],
    ["a source prefix and a dash", "Токаев совершит рабочую поездку в Давос", "Токаев совершит рабочую поездку в Давос — Акорда", true],
    ["different numbers", "Курс доллара на 1 декабря в обменниках Алматы", "Курс доллара на 2 декабря в обменниках Алматы", false],
    ["different stories, shared words", "Токаев совершит рабочую поездку в Давос", "Токаев провел встречу с министром финансов", false],
    ["too short to tell", "Погода в Астане", "Погода в Астане", false],
  ])("%s", (_why, a, b, same) => {
    expect(sameStory(storyTokens(a), storyTokens(b))).toBe(same);
  });
});

describe("StoryIndex", () => {
  const at = "2026-11-30T05:00:00.000Z";
  it("gives a story from another source within 48 h the first one's storyId", () => {
    const index = new StoryIndex(48);
    index.add({ id: "a1", source: "a", title: "Нацбанк выпустил коллекционную монету «Недра Казахстана»", storyId: "a1", publishedAt: at });
    expect(index.assign({ id: "b1", source: "b", title: "Нацбанк выпустил коллекционную монету Недра Казахстана", publishedAt: "2026-12-01T10:00:00.000Z" })).toBe("a1");
    // A third source matches the story too, through either copy.
    expect(index.assign({ id: "c1", source: "c", title: "Нацбанк выпустил коллекционную монету из серии «Недра Казахстана»", publishedAt: at })).toBe("a1");
  });

  it("keeps its own id beyond the window, within the same source, and for unrelated titles", () => {
    const index = new StoryIndex(48);
    index.add({ id: "a1", source: "a", title: "Нацбанк выпустил коллекционную монету «Недра Казахстана»", storyId: "a1", publishedAt: at });
    expect(index.assign({ id: "b1", source: "b", title: "Нацбанк выпустил коллекционную монету «Недра Казахстана»", publishedAt: "2026-12-03T06:00:00.000Z" })).toBe("b1");
    expect(index.assign({ id: "a2", source: "a", title: "Нацбанк выпустил коллекционную монету «Недра Казахстана»", publishedAt: at })).toBe("a2");
    expect(index.assign({ id: "c1", source: "c", title: "В Астане задействовано более 1300 единиц техники", publishedAt: at })).toBe("c1");
  });

  it("returns a stored headline's own storyId", () => {
    const index = new StoryIndex();
    index.add({ id: "x", source: "a", title: "Что угодно про Астану и снег", storyId: "story-7", publishedAt: at });
    expect(index.assign({ id: "x", source: "a", title: "Что угодно", publishedAt: at })).toBe("story-7");
  });
});
