export { fakeAccount, fakeRegion } from "./record-mocks.js";

/** The SNS actions the alert design needs (issue 5), written out again so a change is deliberate. */
export const snsActionsExpected = [
  "sns:CreateTopic",
  "sns:Subscribe",
  "sns:Unsubscribe",
  "sns:Publish",
  "sns:GetSubscriptionAttributes",
  "sns:ListSubscriptionsByTopic",
  "sns:GetTopicAttributes",
  "sns:SetTopicAttributes",
];
