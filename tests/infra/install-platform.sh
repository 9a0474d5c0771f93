#!/usr/bin/env bash
# Generates .sst/platform (SST's component sources, config.d.ts, @pulumi/pulumi, @pulumi/aws)
# offline: SST_SKIP_DEPENDENCY_CHECK skips the Pulumi/bun download that needs the internet,
# SST_NO_BUN makes it install with npm, SST_STAGE answers the stage prompt when there is no TTY.
# Skips the ~40 s install when the platform matches the installed sst version and providers.
set -euo pipefail
cd "$(dirname "$0")/../.."

platform=.sst/platform
want_version=$(node -p 'require("./node_modules/sst/package.json").version')
have_version=$(cat "$platform/version" 2>/dev/null || true)

if [[ "${1:-}" != "--force" && "$have_version" == "$want_version" \
  && -f "$platform/config.d.ts" \
  && -f "$platform/node_modules/@pulumi/pulumi/package.json" \
  && -f "$platform/node_modules/@pulumi/aws/package.json" ]]; then
  echo "install-platform: .sst/platform is up to date (sst $want_version)"
  exit 0
fi

echo "install-platform: running sst install (sst $want_version, offline)..."
SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 SST_STAGE="${SST_STAGE:-dev}" \
  npx --no-install sst install </dev/null

test -f "$platform/config.d.ts" || { echo "install-platform: sst install wrote no $platform/config.d.ts" >&2; exit 1; }
echo "install-platform: done"
