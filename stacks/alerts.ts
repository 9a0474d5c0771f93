export interface AlertsOptions {
  /**
   * SMS preferences are one setting per account and region, not per stage: only the production
   * stage manages them, so a dev stage in the same account cannot overwrite its spend limit.
   */
  readonly production: boolean;
  /** USD per month; AWS starts every account at 1 and refuses more until a quota increase. */
  readonly smsMonthlySpendLimit: number;
}

/** Everything the alert jobs may do in SNS; topics are created at run time, so no topic lives here. */
export const snsActions = [
  "sns:CreateTopic",
  "sns:Subscribe",
  "sns:Unsubscribe",
  "sns:Publish",
  "sns:GetSubscriptionAttributes",
  "sns:ListSubscriptionsByTopic",
  "sns:GetTopicAttributes",
  "sns:SetTopicAttributes",
] as const;

/**
 * SNS access for the functions that subscribe and deliver, as a link: linking "Alerts" grants
 * the policy and tells the code the topic prefix. The policy covers dabyl-<stage>-* topics
 * (and their subscriptions, whose ARNs extend the topic ARN) and nothing else.
 */
export function createAlerts({ production, smsMonthlySpendLimit }: AlertsOptions) {
  const topicPrefix = `dabyl-${$app.stage}-`;
  const partition = aws.getPartitionOutput({}).partition;
  const region = aws.getRegionOutput({}).region;
  const account = aws.getCallerIdentityOutput({}).accountId;
  const topicArns = $interpolate`arn:${partition}:sns:${region}:${account}:${topicPrefix}*`;

  const alerts = new sst.Linkable("Alerts", {
    properties: { topicPrefix },
    include: [
      sst.aws.permission({ actions: [...snsActions], resources: [topicArns] }),
      // Verification codes are published straight to a phone number, which has no ARN: SNS checks
      // sns:Publish on "*" for that. Only Publish; everything else stays on the topics above.
      sst.aws.permission({ actions: ["sns:Publish"], resources: ["*"] }),
    ],
  });

  // The HMAC key for address hashes (rate limits, duplicate checks). Kept out of the table, so an
  // export of the table cannot be brute-forced over Kazakhstan's ~10^9 numbers. Set per stage with
  // `npx sst secret set AddressHashKey "$(openssl rand -base64 32)" --stage <stage>`.
  const addressHashKey = new sst.Secret("AddressHashKey");

  if (production) {
    new aws.sns.SmsPreferences("SmsPreferences", {
      // Transactional: alerts are time-critical and get the better delivery routes.
      defaultSmsType: "Transactional",
      monthlySpendLimit: smsMonthlySpendLimit,
      defaultSenderId: "dabyl",
    });
  }
  return { alerts, topicPrefix, topicArns, addressHashKey };
}
