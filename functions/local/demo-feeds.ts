/**
 * Sample news for `npm run demo` and the end-to-end tests, built from the page dabyl was born
 * from (shared/seed): its article on foreign military bases in Central Asia and its headline
 * list. The seed cut titles mid-word; here every title is whole. Sample data, not reporting.
 */
export interface DemoItem {
  readonly slug: string;
  readonly title: string;
  readonly summary?: string;
}

export interface DemoFeed {
  readonly id: string;
  readonly lang: "ru" | "kk" | "en";
  readonly format: "rss" | "atom";
  readonly title: string;
  readonly items: readonly DemoItem[];
}

const basesSummary =
  "Председатель Объединенного комитета начальников штабов США генерал Марк Милли и начальник Генштаба Вооруженных сил России " +
  "Валерий Герасимов на встрече в Финляндии обсуждали возможность использования американскими военными российских баз в " +
  "Центральной Азии, пишет WSJ. В Таджикистане расположена 201-я российская военная база, в Кыргызстане — авиабаза «Кант».";

export const demoFeeds: readonly DemoFeed[] = [
  {
    id: "demo-ru",
    lang: "ru",
    format: "rss",
    title: "Демо-лента: новости Казахстана",
    items: [
      { slug: "wsj-bazy", title: "WSJ узнала о планах США использовать российские военные базы в Азии", summary: basesSummary },
      { slug: "minfin-arhitektura", title: "Министерство финансов РК переходит на новую цифровую архитектуру" },
      { slug: "karaganda-ptichnik", title: "В Карагандинской области появился новый птичник с искусственным интеллектом" },
      { slug: "minzdrav-proverki", title: "Минздрав возобновляет плановые проверки медицинских организаций" },
      { slug: "atyrau-shkolniki", title: "Атырауские школьники разработали цифровую платформу для детских садов" },
      { slug: "pavodki", title: "В регионах Казахстана проводится комплекс противопаводковых мероприятий" },
      { slug: "tokaev-izrail", title: "Токаев направил телеграмму Президенту Израиля" },
      { slug: "krazha-skota", title: "Полиция раскрыла кражу 80 голов скота на 25 млн тенге в Жамбылской области" },
      { slug: "posobie-207", title: "Более 207 тыс. казахстанцев получили специальное государственное пособие в 2025 году" },
      { slug: "zhelatin-almaty", title: "Завод по производству желатина и коллагена построят в Алматы" },
      { slug: "aktobe-kitai", title: "Актюбинская область усиливает инвестиционный диалог с Китаем" },
      { slug: "kostanai-pozhar", title: "Костанайские спасатели ликвидировали пожар по повышенному рангу" },
      { slug: "pensii-4-trln", title: "В 2025 году казахстанцам выплачено пенсий на сумму 4 трлн тенге" },
      { slug: "bertys-seti", title: "Бухту Бертыс на озере Балхаш очистили от 6 километров браконьерских сетей" },
      { slug: "sneg-astana-1300", title: "В борьбе со снегом в Астане задействовано более 1300 единиц техники" },
      { slug: "eksport-pshenicy", title: "Казахстан наращивает экспорт продукции глубокой переработки пшеницы" },
      { slug: "nacbank-moneta", title: "Нацбанк выпустил коллекционную монету Zn из серии «Недра Казахстана»" },
      { slug: "tokaev-davos", title: "Токаев совершит рабочую поездку в Давос" },
    ],
  },
  {
    id: "demo-kk",
    lang: "kk",
    format: "rss",
    title: "Демо арна: Қазақстан жаңалықтары",
    items: [
      {
        slug: "wsj-askeri-bazalar",
        title: "WSJ: АҚШ Орталық Азиядағы ресейлік әскери базаларды пайдалануды талқылаған",
        summary: "Тәжікстанда Ресейдің 201-әскери базасы орналасқан, Қырғызстанда «Кант» авиабазасы жұмыс істейді.",
      },
      { slug: "tokaev-izrail-kk", title: "Тоқаев Израиль Президентіне жеделхат жолдады" },
      { slug: "astana-kar-kk", title: "Астанада қар күресуге 1300-ден астам техника жұмылдырылды" },
      { slug: "ulttyq-bank-moneta", title: "Ұлттық банк «Қазақстан қойнауы» сериясынан коллекциялық монета шығарды" },
    ],
  },
  {
    id: "demo-en",
    lang: "en",
    format: "atom",
    title: "Demo feed: Kazakhstan news",
    items: [
      {
        slug: "wsj-bases-en",
        title: "WSJ: US weighed using Russian military bases in Central Asia",
        summary: "Russia's 201st military base is in Tajikistan; the Kant air base operates in Kyrgyzstan.",
      },
      { slug: "tokayev-davos-en", title: "Tokayev to make a working trip to Davos" },
      { slug: "wheat-exports-en", title: "Kazakhstan expands exports of deep-processed wheat products" },
      { slug: "snow-astana-en", title: "Over three million cubic meters of snow removed from Astana since the start of winter" },
    ],
  },
];

/**
 * One "breaking" story per demo feed that `npm run demo` publishes a little after it starts (or on
 * POST /demo/breaking to the demo server): each matches the curated topic military-bases, so a
 * visitor who subscribed in the first minute sees an alert arrive. Invented sample news.
 */
export const demoBreaking: readonly { readonly feedId: string; readonly item: DemoItem }[] = [
  {
    feedId: "demo-ru",
    item: {
      slug: "demo-molniya-voennaya-baza",
      title: "Демо-молния: на военной базе под Алматы начались внеплановые учения",
      summary: "Пример срочной новости из демо-режима dabyl: её получают подписчики темы «Военные базы».",
    },
  },
  {
    feedId: "demo-kk",
    item: {
      slug: "demo-shuyl-askeri-baza",
      title: "Демо-шұғыл: Алматы маңындағы әскери база жоспардан тыс жаттығу бастады",
      summary: "dabyl демо режиміндегі шұғыл жаңалық үлгісі: оны «Әскери базалар» тақырыбының жазылушылары алады.",
    },
  },
  {
    feedId: "demo-en",
    item: {
      slug: "demo-breaking-military-base",
      title: "Demo breaking: unscheduled drills begin at a military base near Almaty",
      summary: "A sample breaking story from dabyl's demo: subscribers to the Military bases topic receive it.",
    },
  },
];
