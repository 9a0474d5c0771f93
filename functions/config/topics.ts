/**
 * Curated alert topics: each is a query in dabyl's query language (see README), so a topic
 * alert fires on exactly what `GET /headlines?topic=<id>` lists. Titles are per UI language.
 */
export interface Topic {
  readonly id: string;
  readonly title: { readonly ru: string; readonly kk: string; readonly en: string };
  readonly query: string;
}

export const topics: readonly Topic[] = [
  {
    id: "military-bases",
    title: { ru: "Военные базы", kk: "Әскери базалар", en: "Military bases" },
    query:
      '"военная база" OR авиабаза OR "военно-воздушная база" OR "әскери база" OR "military base" OR "air base" OR airbase',
  },
  {
    id: "tokayev",
    title: { ru: "Токаев", kk: "Тоқаев", en: "Tokayev" },
    query: "Токаев OR Тоқаев OR Tokayev OR Tokaev",
  },
  {
    id: "tenge-and-national-bank",
    title: { ru: "Тенге и Нацбанк", kk: "Теңге және Ұлттық банк", en: "Tenge and the National Bank" },
    query: 'тенге OR теңге OR tenge OR нацбанк OR "национальный банк" OR "ұлттық банк" OR "national bank"',
  },
  {
    id: "floods",
    title: { ru: "Паводки", kk: "Су тасқыны", en: "Floods" },
    query: 'паводок OR противопаводковый OR наводнение OR "су тасқыны" OR flood',
  },
  {
    id: "fires-and-rescue",
    title: { ru: "Пожары и спасатели", kk: "Өрт және құтқарушылар", en: "Fires and rescue" },
    query: "пожар OR спасатели OR өрт OR құтқарушылар OR fire OR rescuers",
  },
  {
    id: "pensions-and-benefits",
    title: { ru: "Пенсии и пособия", kk: "Зейнетақы және жәрдемақы", en: "Pensions and benefits" },
    query: "пенсия OR пособие OR зейнетақы OR жәрдемақы OR pension OR benefits",
  },
];
