import { describe, expect, it } from "vitest";
import { loadStemmers, matchesQuery, parseQuery, prepareDocument, QueryIndex } from "../../../functions/core/query/index.js";

// The stemmers load on demand in production (loadStemmers); these checks stem synchronously.
await loadStemmers();

const matches = (query: string, title: string, lang?: string): boolean =>
  matchesQuery(parseQuery(query), prepareDocument({ title, lang }));

const RU_ISRAEL = "Израиль нанёс удар по Газе";
const RU_ISRAEL_LOC = "Выборы в Израиле перенесли";
const KK_ISRAEL = "Израиль Газаға соққы берді";
const RU_ASTANA = "Астана примет саммит ШОС";
const KK_ASTANA = "Астанаға саммит келеді";
const RU_ALMATY = "Сильный снегопад в Алматы";
const KK_ALMATY = "Алматыда қалың қар жауды";
const RU_PRESIDENT = "Президент подписал указ о пенсиях";
const KK_PRESIDENT = "Ұстаздар Президентіне хат жолдады";

describe("a Kazakh word form reaches the Russian headline about the same name", () => {
  it.each([
    ["Израильдің", RU_ISRAEL, "ru"],
    ["Израильдің", KK_ISRAEL, "kk"],
    ["Израильге", RU_ISRAEL, "ru"],
    ["Израильге", RU_ISRAEL_LOC, "ru"],
    ["Израильге", KK_ISRAEL, "kk"],
    ["Израильмен", RU_ISRAEL, "ru"],
    ["Израильмен", KK_ISRAEL, "kk"],
    ["Израиль", KK_ISRAEL, "kk"],
    ["Астана", RU_ASTANA, "ru"],
    ["Астана", KK_ASTANA, "kk"],
    ["Астанаға", RU_ASTANA, "ru"],
    ["Астанаға", KK_ASTANA, "kk"],
    ["Алматыда", RU_ALMATY, "ru"],
    ["Алматыда", KK_ALMATY, "kk"],
    ["Алматы", KK_ALMATY, "kk"],
    ["Президентке", RU_PRESIDENT, "ru"],
    ["Президентке", KK_PRESIDENT, "kk"],
    ["Президентіне", RU_PRESIDENT, "ru"],
    ["Президентін", RU_PRESIDENT, "ru"],
    ["Президент", KK_PRESIDENT, "kk"],
    // Without a language the document's language is guessed; the match must not depend on the guess.
    ["Президентке", KK_PRESIDENT, undefined],
    ["Алматыда", RU_ALMATY, undefined],
  ])("%s matches %j (%s)", (query, title, lang) => {
    expect(matches(query, title, lang)).toBe(true);
  });

  it.each([
    // The other way round: the Russian name finds the Kazakh headline whatever its language guess.
    ["Президент", KK_PRESIDENT],
    ["Алматы", KK_ALMATY],
    ["Израиль", "Израильге көмек"],
  ])("%s matches %j with or without a language", (query, title) => {
    expect(matches(query, title, "kk")).toBe(true);
    expect(matches(query, title, "ru")).toBe(true);
  });

  it("a phrase with a Kazakh form matches the Russian phrase", () => {
    expect(matches('"Алматыда снегопад"', "В Алматы снегопад", "ru")).toBe(true);
    expect(matches('"снегопад Алматыда"', "В Алматы снегопад", "ru")).toBe(false);
  });

  it("the query index agrees with matchesQuery for Kazakh forms", () => {
    const index = new QueryIndex<string>();
    for (const query of ["Израильге", "Алматыда", "Президентке", "база"]) index.add(query, parseQuery(query));
    const doc = prepareDocument({ title: `${RU_ALMATY}. ${RU_PRESIDENT}`, lang: "ru" });
    expect(index.match(doc).sort()).toEqual(["Алматыда", "Президентке"]);
  });
});

describe("Russian words are not cut by Kazakh rules", () => {
  it.each([
    ["база", "Открылся новый базар"],
    ["база", "Месторождение базальта"],
    ["правда", "Права человека"],
    ["города", "В горах выпал снег"],
    ["фонда", "На фоне санкций"],
    ["команда", "Пациент впал в кому"],
    ["стенде", "Стена рухнула"],
    ["блокада", "Блок НАТО"],
    ["доллар", "Доля рынка выросла"],
    ["Праге", "Право на отдых"],
    ["сетке", "Сеть магазинов"],
    ["обмен", "Обман вкладчиков"],
    ["Казахстан", "Казахи за рубежом"],
    ["феномен", "Фен для волос"],
    ["подписке", "Токаев подписал указ"],
    ["Иран", "Ирак и Сирия"],
  ])("%s does not match %j", (query, title) => {
    expect(matches(query, title, "ru")).toBe(false);
  });

  it.each([
    ["база", "На военной базе прошли учения"],
    ["правда", "Это правда"],
    ["города", "Мэр города"],
    ["фонда", "Средства Национального фонда"],
    ["Казахстан", "Инфляция в Казахстане"],
    ["Праге", "Саммит в Праге"],
  ])("%s still matches %j", (query, title) => {
    expect(matches(query, title, "ru")).toBe(true);
  });
});
