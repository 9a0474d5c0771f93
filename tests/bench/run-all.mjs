// Runs every benchmark under tests/bench/ one after another (they share 2 cores; running
// them together would measure each other). Each prints its own ratios; none fails on timing.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit", env: { ...process.env, DABYL_LOG_LEVEL: "silent" } });
  if (r.status !== 0) {
    failed++;
    console.log(`${file} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
