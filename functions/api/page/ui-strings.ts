/** Every piece of interface text the front page shows, in one shape per UI language. */
export interface UiStrings {
  readonly tagline: string;
  readonly skipToContent: string;
  readonly skipToAlerts: string;
  readonly interfaceLanguage: string;
  readonly langNames: { readonly ru: string; readonly kk: string; readonly en: string };

  readonly fxTitle: string;
  readonly fxAsOf: (date: string) => string;
  readonly fxStale: (date: string) => string;
  readonly fxNone: string;
  readonly fxMissing: string;
  readonly fxMissingWhy: string;
  readonly fxUnavailable: string;
  readonly fxUp: (change: string) => string;
  readonly fxDown: (change: string) => string;
  readonly fxFlat: string;
  readonly fxPerUnit: (base: string) => string;
  readonly fxHeld: (pair: string, rate: string) => string;

  readonly newsTitle: string;
  readonly searchLabel: string;
  readonly searchHint: string;
  readonly sourceLabel: string;
  readonly allSources: string;
  readonly newsLangLabel: string;
  readonly allLangs: string;
  readonly searchButton: string;
  readonly clearSearch: string;
  readonly invalidQuery: string;
  readonly newsUnavailable: string;
  readonly nothingFound: string;
  readonly scanLimited: (n: number) => string;
  readonly searchFurther: string;
  readonly older: string;
  readonly resultsFor: (q: string) => string;
  readonly alsoIn: string;

  readonly alertsTitle: string;
  readonly alertsIntro: string;
  readonly whatLegend: string;
  readonly byQuery: string;
  readonly byTopic: string;
  readonly queryLabel: string;
  readonly topicLabel: string;
  readonly whereLegend: string;
  readonly email: string;
  readonly sms: string;
  readonly addressLabel: string;
  readonly addressHint: string;
  readonly frequencyNote: (perHour: number) => string;
  readonly subscribe: string;
  readonly previewTitle: string;
  readonly previewHint: string;
  readonly previewLoading: string;
  readonly previewEmpty: string;
  readonly previewFailed: string;
  readonly sending: string;

  readonly pendingEmailTitle: string;
  readonly pendingEmail: (address: string) => string;
  readonly pendingSmsTitle: string;
  readonly pendingSms: (address: string) => string;
  readonly activeTitle: string;
  readonly active: (address: string) => string;
  readonly manageToken: string;
  readonly manageTokenWhy: string;
  readonly unsubscribeHow: string;
  readonly failedTitle: string;
  readonly invalidPhone: string;
  readonly invalidEmail: string;
  readonly invalidAlertQuery: string;
  readonly invalidTopic: string;
  readonly checkForm: string;
  readonly tooManyAlerts: string;
  readonly rateLimited: (when: string) => string;
  readonly signupUnavailable: string;
  readonly details: string;

  readonly footerData: string;
  readonly footerApi: string;
  readonly footerFeed: string;
}
