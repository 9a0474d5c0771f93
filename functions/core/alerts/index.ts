// Alerts core: what jobs/deliver-alerts.ts, the alert routes and the SNS adapter share.
export type { AlertMessage, AlertStatus, AlertSubscription, AlertTopic, Channel, Delivery, DeliveryStatus, FloodWindow, MessageLanguage, TopicKind } from "./alert-types.js";
export { bearerToken, hashManageToken, manageTokenMatches } from "./manage-token.js";
export { composeFloodSummary, composeFxAlert, composeHeadlineAlert, emailSubject, MAX_SMS_SEGMENTS, MAX_SUBJECT_LENGTH, unsubscribeUrl } from "./compose-alert.js";
export { composeSmsActivated, composeVerificationSms } from "./compose-sms-notice.js";
export { hashVerificationCode, newVerificationCode, normalizeVerificationCode, openAddress, sealAddress, verificationCodeMatches } from "./verification-code.js";
export type { FloodSummaryInput, FxAlertInput, HeadlineAlertInput } from "./compose-alert.js";
export { floodWindow, isAlertable } from "./flood-control.js";
export { formatLocalTime } from "./format-local-time.js";
export { messageLanguage } from "./message-labels.js";
export { fitSms, smsCapacity, smsEncoding, smsLength } from "./sms-segments.js";
export type { SmsEncoding, SmsLength } from "./sms-segments.js";
export { alertTopicKey, snsTopicName } from "./topic-name.js";
export { normalizeAddress, normalizeEmail, normalizePhone } from "./validate-address.js";
