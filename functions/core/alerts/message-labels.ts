import type { MessageLanguage } from "./alert-types.js";

/** Fixed wording of alert messages per language; the headline's own text is never translated. */
export interface MessageLabels {
  readonly source: string;
  readonly time: string;
  readonly zone: string;
  readonly link: string;
  readonly watching: string;
  /**
   * The email footer. Alerts go to an SNS topic shared by everyone watching the same thing, so a
   * per-subscriber link cannot be in the body: SNS's own unsubscribe link ends every mail, and the
   * page at `url` explains the rest.
   */
  unsubscribe(url: string | undefined): string;
  readonly smsStop: string;
  /** The one-time code SMS; short enough for one segment. */
  verifyCode(code: string, minutes: number): string;
  /** After the code: SMS alerts are on; the manage link follows. */
  readonly smsActivated: (watching: string) => string;
  readonly smsManage: string;
  readonly fxOfficial: string;
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
    unsubscribe: (url) =>
      "Отписаться: ссылка «unsubscribe» в самом конце письма или ссылка управления, которую вы получили при подписке" + (url ? ` (подробнее: ${url}).` : "."),
    smsStop: "STOP - отписка",
    verifyCode: (code, m) => `dabyl: код подтверждения ${code}. Действует ${m} мин.`,
    smsActivated: (w) => `dabyl: SMS-оповещения по «${w}» включены.`,
    smsManage: "Отписка: STOP или",
    fxOfficial: "Официальный курс Национального банка Казахстана.",
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
    unsubscribe: (url) =>
      "Жазылымнан бас тарту: хаттың ең соңындағы «unsubscribe» сілтемесі немесе жазылған кезде алған басқару сілтемеңіз" + (url ? ` (толығырақ: ${url}).` : "."),
    smsStop: "STOP - бас тарту",
    verifyCode: (code, m) => `dabyl: растау коды ${code}. ${m} минут жарамды.`,
    smsActivated: (w) => `dabyl: «${w}» бойынша SMS-хабарламалар қосылды.`,
    smsManage: "Бас тарту: STOP немесе",
    fxOfficial: "Қазақстан Ұлттық банкінің ресми бағамы.",
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
    unsubscribe: (url) =>
      "To unsubscribe: use the \"unsubscribe\" link at the very end of this mail, or the manage link you got when you signed up" + (url ? ` (more: ${url}).` : "."),
    smsStop: "Reply STOP to opt out",
    verifyCode: (code, m) => `dabyl: your code is ${code}. It expires in ${m} minutes.`,
    smsActivated: (w) => `dabyl: SMS alerts for "${w}" are on.`,
    smsManage: "Reply STOP or manage at",
    fxOfficial: "Official rate of the National Bank of Kazakhstan.",
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
