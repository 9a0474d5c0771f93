import type { MessageLanguage } from "./alert-types.js";

/** Fixed wording of alert messages per language; the headline's own text is never translated. */
export interface MessageLabels {
  readonly source: string;
  readonly time: string;
  readonly zone: string;
  readonly link: string;
  readonly watching: string;
  readonly unsubscribe: string;
  readonly smsStop: string;
  /** "and N more" subject of the hourly summary. */
  more(count: number, watching: string): string;
  /** Body sentence of the hourly summary. */
  moreBody(count: number, watching: string, from: string, to: string, limit: number): string;
  readonly allOfThem: string;
}

function ruNews(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return "новость";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "новости";
  return "новостей";
}

export const messageLabels: Record<MessageLanguage, MessageLabels> = {
  ru: {
    source: "Источник",
    time: "Время",
    zone: "Алматы",
    link: "Ссылка",
    watching: "Оповещение dabyl по запросу",
    unsubscribe: "Отписаться: ссылка unsubscribe внизу письма или DELETE /alerts/{id} с вашим токеном управления.",
    smsStop: "STOP - отписка",
    more: (n, w) => `ещё ${n} ${ruNews(n)} по «${w}»`,
    moreBody: (n, w, from, to, limit) =>
      `С ${from} до ${to} (Алматы) по запросу «${w}» вышло ещё ${n} ${ruNews(n)} сверх ${limit} оповещений в час.`,
    allOfThem: "Все новости по запросу",
  },
  kk: {
    source: "Дереккөз",
    time: "Уақыты",
    zone: "Алматы",
    link: "Сілтеме",
    watching: "dabyl хабарламасы, сұраныс",
    unsubscribe: "Жазылымнан бас тарту: хаттың төменгі жағындағы unsubscribe сілтемесі немесе басқару токенімен DELETE /alerts/{id}.",
    smsStop: "STOP - бас тарту",
    more: (n, w) => `«${w}» бойынша тағы ${n} жаңалық`,
    moreBody: (n, w, from, to, limit) =>
      `${from}–${to} аралығында (Алматы) «${w}» сұранысы бойынша сағатына ${limit} хабарламадан тыс тағы ${n} жаңалық шықты.`,
    allOfThem: "Сұраныс бойынша барлық жаңалықтар",
  },
  en: {
    source: "Source",
    time: "Time",
    zone: "Almaty",
    link: "Link",
    watching: "dabyl alert for",
    unsubscribe: "To unsubscribe: use the unsubscribe link at the bottom of this mail, or DELETE /alerts/{id} with your manage token.",
    smsStop: "Reply STOP to opt out",
    more: (n, w) => `${n} more ${n === 1 ? "headline" : "headlines"} for "${w}"`,
    moreBody: (n, w, from, to, limit) =>
      `Between ${from} and ${to} (Almaty time) ${n} more ${n === 1 ? "headline" : "headlines"} matched "${w}", beyond the ${limit} alerts per hour.`,
    allOfThem: "All headlines for this query",
  },
};

/** The wording for a headline's language code ("ru", "kk-KZ", "en", anything else: Russian). */
export function messageLanguage(lang: string | undefined): MessageLanguage {
  const base = (lang ?? "").toLowerCase().slice(0, 2);
  return base === "kk" || base === "en" ? base : "ru";
}
