#!/usr/bin/env bash
# What the production image holds, checked without Docker: `npm run build`, dist/ copied to a
# scratch directory with its production dependencies only (as the Dockerfile's final stage), then
#   1. no tsx and no TypeScript source in it;
#   2. every service and operator command, started with no network at all (unshare -n), stops on
#      its missing setting with its one-line message: it loads without fetching anything;
#   3. compiled migrations, then review and the classifier against the real Postgres and Redis:
#      /healthz answers 200 and review serves its static assets from the built layout.
# Needs Postgres (a user that may create databases) and Redis, like the tests:
#   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
# The install in the scratch directory is the only step that uses the registry.
set -euo pipefail
cd "$(dirname "$0")/.."

admin_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
redis_url="${REDIS_URL:-redis://127.0.0.1:6379}"
# A database and Redis prefix of its own, so it can run beside the tests.
check_db="${CHECK_IMAGE_DB:-netra_check_image_$$}"
redis_prefix="check_image_$$"
image="$(mktemp -d /tmp/netra-image.XXXXXX)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS $check_db" >/dev/null 2>&1 || true
  redis-cli -u "$redis_url" --scan --pattern "$redis_prefix:*" 2>/dev/null | xargs -r redis-cli -u "$redis_url" del >/dev/null 2>&1 || true
  rm -rf "$image"
}
trap cleanup EXIT
fail() { echo "check-image: FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$1"; }

step "build and install production dependencies in $image"
npm run -s build
cp -a dist/. "$image/"
(cd "$image" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

step "no tsx, no TypeScript source"
[ ! -e "$image/node_modules/tsx" ] || fail "tsx is installed"
ts_files="$(cd "$image" && find packages services migrations -name '*.ts' -not -path '*/node_modules/*' | head -n 5)"
[ -z "$ts_files" ] || fail "TypeScript source in the image: $ts_files"
echo ok

# Without a network namespace of its own (not root, no unshare), the registry is at least off.
step "each entry, offline, stops on its missing setting"
if unshare -n true 2>/dev/null; then offline=(unshare -n); echo "(no network: unshare -n)"; else offline=(); echo "(unshare -n unavailable: npm offline only)"; fi
expect_config_error() { # "entry [arguments]", expected message, settings…
  local command="$1" expected="$2" output status=0
  shift 2
  # shellcheck disable=SC2086 # the command is split into the entry and its arguments on purpose
  output="$(cd "$image" && env -i PATH="$PATH" npm_config_offline=true "$@" "${offline[@]}" node $command 2>&1)" || status=$?
  [ "$status" -ne 0 ] && [ "$output" = "$expected" ] || fail "$command exited $status with: $output"
  echo "$command: $output (exit $status)"
}
for command in services/{scheduler,ingest,classifier,media,review,forwarder}/src/main.js packages/db/src/cli/migrate.js \
  "services/review/src/cli/users.js list" "services/registry/src/cli.js regions data/demo/regions.csv" packages/stats/src/cli.js; do
  expect_config_error "$command" "netra: DATABASE_URL: is not set"
done
expect_config_error services/sim-platform/src/main.js "netra: SIM_PLATFORM_PORT: Invalid input: expected number, received NaN" SIM_PLATFORM_PORT=none

step "migrations, review and classifier against Postgres and Redis"
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
db_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$admin_url" "$check_db")"
psql "$admin_url" -qc "CREATE DATABASE $check_db"
(cd "$image" && DATABASE_URL="$db_url" npm_config_offline=true node packages/db/src/cli/migrate.js >/dev/null)
review_port="$(free_port)"; review_metrics="$(free_port)"; classifier_metrics="$(free_port)"
start() { # log name, settings…
  local name="$1"; shift
  (cd "$image" && exec env DATABASE_URL="$db_url" REDIS_URL="$redis_url" REDIS_PREFIX="$redis_prefix" npm_config_offline=true "$@") \
    >"$image/$name.log" 2>&1 &
  pids+=("$!")
}
start review METRICS_PORT="$review_metrics" REVIEW_PORT="$review_port" REVIEW_INSECURE_COOKIES=true node services/review/src/main.js
start classifier METRICS_PORT="$classifier_metrics" node services/classifier/src/main.js
status() { curl -s -o /dev/null -w '%{http_code}' "$1" || true; }
for url in "http://127.0.0.1:$review_port/healthz" "http://127.0.0.1:$review_metrics/healthz" "http://127.0.0.1:$classifier_metrics/healthz"; do
  for _ in $(seq 1 60); do [ "$(status "$url")" = 200 ] && break; sleep 1; done
  [ "$(status "$url")" = 200 ] || { tail -n 20 "$image"/*.log >&2; fail "$url does not answer 200"; }
  echo "$url: 200"
done
for path in / /static/app.css /static/app.js /stats/assets/stats.js /stats/assets/stats.css /stats/assets/chart.umd.min.js; do
  code="$(status "http://127.0.0.1:$review_port$path")"
  [ "$code" = 200 ] || fail "review GET $path: $code"
  echo "review GET $path: 200"
done

printf '\ncheck-image: ok\n'
