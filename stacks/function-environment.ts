// Settings operators may give at deploy time (`DABYL_CORS_ORIGINS=... npx sst deploy`); each is
// passed to every function as is, and read by the runtime's adapters (see README, Environment).
const passThrough = [
  "DABYL_CORS_ORIGINS",
  "DABYL_RATE_LIMIT_PER_MINUTE",
  "DABYL_SMS_COUNTRY_CODES",
  "DABYL_RETENTION_DAYS",
  "DABYL_LOG_LEVEL",
] as const;

/**
 * Environment for every dabyl function. Links carry the table, secret and stage; these are the
 * plain settings: alerts always go to SNS in AWS, and message links point at the API unless the
 * operator fronts it with another address (DABYL_PUBLIC_URL at deploy time).
 */
export function functionEnvironment(apiUrl: $util.Input<string>): Record<string, $util.Input<string>> {
  const given = Object.fromEntries(
    passThrough.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  return {
    ...given,
    DABYL_ALERTS: "sns",
    DABYL_STAGE: $app.stage,
    DABYL_PUBLIC_URL: process.env.DABYL_PUBLIC_URL ?? apiUrl,
  };
}
