/// <reference path="./.sst/platform/config.d.ts" />

// Stages whose data must survive `sst remove` and a mistaken delete.
const productionStages = ["production", "prod"];

export default $config({
  app(input) {
    const production = productionStages.includes(input?.stage);
    return {
      name: "dabyl",
      removal: production ? "retain" : "remove",
      protect: production,
      home: "aws",
      providers: { aws: { region: process.env.DABYL_AWS_REGION ?? "eu-central-1" } },
    };
  },
  async run() {
    // sst.config.ts may not import at the top; the CLI bundles these dynamic imports.
    const { createStorage } = await import("./stacks/storage.js");
    const { createAlerts } = await import("./stacks/alerts.js");
    const { createPollers } = await import("./stacks/pollers.js");
    const { createApiGateway, routeApi } = await import("./stacks/api.js");
    const { functionEnvironment } = await import("./stacks/function-environment.js");

    const production = productionStages.includes($app.stage);
    const { table } = createStorage({ production });
    const { alerts, addressHashKey } = createAlerts({
      production,
      smsMonthlySpendLimit: Number(process.env.DABYL_SMS_MONTHLY_LIMIT_USD ?? "1"),
    });
    // The pollers' alert links need the API's URL, and the API's admin poll needs the pollers.
    const { api, adminApiKey } = createApiGateway();
    const pollers = createPollers({ table, alerts, addressHashKey, environment: functionEnvironment(api.url) });
    routeApi({ api, adminApiKey, table, alerts, addressHashKey, pollers: pollers.link });

    return { api: api.url, table: table.name };
  },
});
