import { join } from "node:path";
import { readLocalConfig } from "../adapters/resources.js";
import { defaults } from "../config/settings.js";
import { demoFeeds } from "./demo-feeds.js";
import { startDemoServer } from "./demo-server.js";
import { main } from "./main.js";

// The demo keeps its own database so sample headlines never mix with real ones.
const config = readLocalConfig(process.env, defaults);
const demo = await startDemoServer(demoFeeds);
console.log(`demo feeds served at ${demo.url}/feeds/`);
await main({ sources: demo.sources, dataDir: join(config.dataDir, "demo"), onStop: () => demo.close() });
