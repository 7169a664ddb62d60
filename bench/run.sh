#!/usr/bin/env bash
# The benchmark: ExecOps.Bot against a Bolt and a botbuilder peer and Kestrel's hello world, in one
# run on this machine. Builds in Release, starts everything on loopback with a fresh SQLite file,
# runs every scenario with wrk, stops what it started and prints one Markdown table (also written
# to bench/results/latest.md).
#
#   bench/run.sh           the full run (20 s per load run, 10 s for /scoreboard and /spend; about 15 minutes on 2 cores)
#   bench/run.sh --smoke   tiny counts (2 s per run), to check the harness works
#   bench/run.sh --replicas 3   one bot on SQLite, one and three on PostgreSQL behind HAProxy (bench/replicas.sh)
#   bench/run.sh --socket-mode  slash commands acknowledged over Socket Mode beside HTTP, with the Bolt peer (bench/socket-mode.sh)
#   BENCH_KEEP=1 bench/run.sh   keeps the scratch folder (logs, database) to look into afterwards
#
# Needs the .NET 10 SDK, Node 20 with npm, openssl and curl; installs wrk and sqlite3 with apt-get
# when they are missing (the machine's user is root).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
[ "${1:-}" = "--replicas" ] && exec "$bench/replicas.sh" "${2:-3}"
[ "${1:-}" = "--socket-mode" ] && exec "$bench/socket-mode.sh"
repo=$(dirname "$bench")
smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

if $smoke; then duration=2s warmup=1s fixed_rate=50 fsync_seconds=1 rest_seconds=2; else duration=20s warmup=3s fixed_rate=500 fsync_seconds=5 rest_seconds=60; fi
# One wrk thread: on two cores a second one would take CPU from the server it measures.
threads=1
max_connections=16
# Enough connections that pacing, not a slow answer, sets the rate (each has 1/50 of it).
fixed_connections=50

app_id=6d3b2a8e-1c4f-4e55-9a1e-5b0c0b7e0b01
secret="bench-$RANDOM-$RANDOM"
diagnostics="diag-$RANDOM-$RANDOM"

# shellcheck source=tools/common.sh
. "$bench/tools/common.sh"
scratch execops-bench
needs dotnet node npm openssl curl
debian_packages wrk sqlite3

say "building the bot and the hello-world ceiling in Release"
dotnet publish "$repo/bot/ExecOps.Bot.csproj" -c Release -o "$tmp/bot" --nologo -v q >"$tmp/publish.log" 2>&1 \
  || { cat "$tmp/publish.log" >&2; exit 1; }
dotnet publish "$bench/hello/Hello.csproj" -c Release -o "$tmp/hello" --nologo -v q >"$tmp/publish-hello.log" 2>&1 \
  || { cat "$tmp/publish-hello.log" >&2; exit 1; }
say "installing the peers' npm packages (npm ci)"
(cd "$bench/peers" && npm ci --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1) || { cat "$tmp/npm.log" >&2; exit 1; }

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
slack_port=$(free_port); issuer_port=$(free_port); connector_port=$(free_port); token_port=$(free_port)
printf '{"slack":%s,"issuer":%s,"connector":%s,"token":%s}\n' "$slack_port" "$issuer_port" "$connector_port" "$token_port" >"$tmp/ports.json"
slack_api="http://127.0.0.1:$slack_port/api/"
openid="http://127.0.0.1:$issuer_port/v1/.well-known/openidconfiguration"
service_url="http://127.0.0.1:$connector_port/"
token_authority="https://127.0.0.1:$token_port/botframework.com"

# MSAL (in the bot and in botbuilder) insists on https for the token endpoint, so the fake one has a
# self-signed certificate that only the processes started here are told to trust.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" \
  -addext subjectAltName=IP:127.0.0.1 -addext basicConstraints=critical,CA:TRUE >/dev/null 2>&1

node "$bench/tools/fakes.js" "$tmp" >"$tmp/fakes.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -e "$tmp/fakes.ready" ] && break; sleep 0.1; done
[ -e "$tmp/fakes.ready" ] || { cat "$tmp/fakes.log" >&2; exit 1; }
token=$(curl -sf "http://127.0.0.1:$issuer_port/mint?aud=$app_id&serviceurl=$service_url")
cat >"$tmp/activity.json" <<EOF
{"type":"message","id":"bench-1","timestamp":"2026-01-01T00:00:00Z","channelId":"msteams","serviceUrl":"$service_url",
 "from":{"id":"29:bench-alice","name":"Alice Chen","aadObjectId":"00000000-0000-0000-0000-0000000000a1"},
 "conversation":{"id":"a:bench-alice","conversationType":"personal","tenantId":"bench-tenant"},
 "recipient":{"id":"28:$app_id","name":"ExecOps"},"text":"incident list","textFormat":"plain","channelData":{"tenant":{"id":"bench-tenant"}}}
EOF

# Starts a server in the background and waits until <url> answers; sets server_pid and server_ms (start-up time).
start_server() {
  local url=$1 log=$2
  shift 2
  local started=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 600); do
    if curl -s -o /dev/null "$url"; then server_ms=$(( ($(date +%s%N) - started) / 1000000 )); return; fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  say "server did not come up: $*"; cat "$log" >&2; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
rss_mb() { awk -v key="$2:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

rows=()
declare -A result
field() { cut -d' ' -f"$2" <<<"${result[$1]}"; }
# load <key> <label> <rate> <url> <mode> [mode args]: one wrk run; rate 0 means as fast as answered.
load() {
  local key=$1 label=$2 rate=$3 url=$4
  shift 4
  local connections=$max_connections load_label="max rate, $max_connections conns"
  if [ "$rate" != 0 ]; then connections=$fixed_connections load_label="fixed $rate req/s"; fi
  local line
  line=$(cd "$bench/tools" && wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s -s load.lua "$url" -- "$1" "$rate" "$threads" "${@:2}" | grep '^RESULT')
  read -r _ rps p50 p99 max errors total <<<"$line"
  result[$key]="$rps $p50 $p99 $max $errors $total"
  rows+=("| $label | $load_label | $rps | $p50 | $p99 | $max | $errors |")
  say "$label, $load_label: $rps req/s, p99 $p99 ms, $errors errors"
}

# warm <url> <mode> [mode args]: a short max-rate run, discarded, so JIT, caches and first-call
# token and key fetches are not charged to the measured runs (every server gets the same).
warm() {
  local url=$1
  shift
  (cd "$bench/tools" && wrk -t"$threads" -c"$max_connections" -d"$warmup" --timeout 5s -s load.lua "$url" -- "$1" 0 "$threads" "${@:2}" >/dev/null 2>&1)
}

say "5. the ceiling: Kestrel hello world"
hello_port=$(free_port)
start_server "http://127.0.0.1:$hello_port/" "$tmp/hello.log" env Urls="http://127.0.0.1:$hello_port" dotnet "$tmp/hello/Hello.dll"
warm "http://127.0.0.1:$hello_port/" get
load hello_max "Kestrel hello world (ceiling)" 0 "http://127.0.0.1:$hello_port/" get
stop_server

say "4. peers: @slack/bolt and botbuilder"
bolt_port=$(free_port)
start_server "http://127.0.0.1:$bolt_port/" "$tmp/bolt.log" \
  env PORT="$bolt_port" SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="$slack_api" node "$bench/peers/bolt.js"
warm "http://127.0.0.1:$bolt_port/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/bolt"
load bolt_fixed "Bolt peer: /incident update" "$fixed_rate" "http://127.0.0.1:$bolt_port/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/bolt"
load bolt_max "Bolt peer: /incident update" 0 "http://127.0.0.1:$bolt_port/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/bolt"
stop_server

durable_port=$(free_port)
start_server "http://127.0.0.1:$durable_port/" "$tmp/bolt-durable.log" \
  env PORT="$durable_port" SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="$slack_api" DB="$tmp/bolt-durable.db" node "$bench/peers/bolt-durable.js"
warm "http://127.0.0.1:$durable_port/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/bolt"
load durable_fixed "Durable Bolt peer: /incident update (SQLite, WAL, synchronous=FULL)" "$fixed_rate" "http://127.0.0.1:$durable_port/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/bolt"
load durable_max "Durable Bolt peer: /incident update (SQLite, WAL, synchronous=FULL)" 0 "http://127.0.0.1:$durable_port/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/bolt"
durable_updates=$(sqlite3 "$tmp/bolt-durable.db" "SELECT count(*) FROM timeline")
stop_server

botbuilder_port=$(free_port)
start_server "http://127.0.0.1:$botbuilder_port/" "$tmp/botbuilder.log" \
  env PORT="$botbuilder_port" APP_ID="$app_id" OPENID_METADATA_URL="$openid" TOKEN_AUTHORITY="$token_authority" \
  NODE_EXTRA_CA_CERTS="$tmp/tls.crt" node "$bench/peers/botbuilder.js"
warm "http://127.0.0.1:$botbuilder_port/api/messages" teams "$token" "$tmp/activity.json"
load botbuilder_fixed "botbuilder peer: Teams message" "$fixed_rate" "http://127.0.0.1:$botbuilder_port/api/messages" teams "$token" "$tmp/activity.json"
load botbuilder_max "botbuilder peer: Teams message" 0 "http://127.0.0.1:$botbuilder_port/api/messages" teams "$token" "$tmp/activity.json"
stop_server
peer_replies=$(curl -sf "http://127.0.0.1:$slack_port/stats" | node -pe 'JSON.parse(require("fs").readFileSync(0))["connector POST"] || 0')

say "1-3, 6, 8: ExecOps.Bot"
bot_port=$(free_port)
bot_url="http://127.0.0.1:$bot_port"
# SSL_CERT_FILE: .NET on Linux takes its trusted roots from it, so MSAL trusts the fake token endpoint.
start_server "$bot_url/healthz" "$tmp/bot.log" env \
  Urls="$bot_url" Storage__Path="$tmp/bench.db" \
  Slack__SigningSecret="$secret" Slack__BotToken=xoxb-bench Slack__ApiBaseUrl="$slack_api" Slack__AnnouncementsChannel=C0BENCH \
  Teams__AppId="$app_id" Teams__AppPassword=x Teams__OpenIdMetadataUrl="$openid" \
  Teams__TokenEndpoint="$token_authority/oauth2/v2.0/token" SSL_CERT_FILE="$tmp/tls.crt" \
  Scheduler__IdleWait=00:00:01 Playground__Enabled=true Playground__Token="$diagnostics" Logging__LogLevel__Default=Warning Diagnostics__Token="$diagnostics" \
  dotnet "$tmp/bot/ExecOps.Bot.dll"
bot_pid=$server_pid bot_start_ms=$server_ms
# memory: the live heap after a full, compacting collection and the resident set, in MB, from the bot itself.
memory() {
  curl -sf -X POST -H "Authorization: Bearer $diagnostics" "$bot_url/api/diagnostics/memory" \
    | node -pe 'const d = JSON.parse(require("fs").readFileSync(0)); (d.liveHeapBytes / 1048576).toFixed(1) + " " + (d.residentBytes / 1048576).toFixed(0)'
}
curl -sf -X POST "$bot_url/api/playground/commands" -H 'content-type: application/json' -H "Authorization: Bearer $diagnostics" \
  -d '{"as":"alice","text":"/incident declare sev2 \"Bench\""}' | grep -q 'INC-1' || { say "could not declare INC-1"; exit 1; }
sleep 3 # let the declaration's notifications go out, so idle means idle
idle_mb=$(rss_mb "$bot_pid" VmRSS)
read -r cold_heap_mb cold_rss_mb < <(memory)

# Every scenario is warmed before the idle figure is taken, so one-time costs (the JIT, token and
# signing-key caches, connection pools) are in the baseline and what the load adds on top is what stays.
warm "$bot_url/api/messages" teams "$token" "$tmp/activity.json"
warm "$bot_url/api/slack/interactions" slack-action "$secret" "http://127.0.0.1:$slack_port/response/action"
warm "$bot_url/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/command"
sleep 3 # the warm-ups' answers leave through the outbox
read -r idle_heap_mb idle_rss_mb < <(memory)
connector_before=$(curl -sf "http://127.0.0.1:$slack_port/stats" | node -pe 'JSON.parse(require("fs").readFileSync(0))["connector POST"] || 0')

load teams_fixed "ExecOps: Teams message (JWT, reply through the outbox)" "$fixed_rate" "$bot_url/api/messages" teams "$token" "$tmp/activity.json"
load teams_max "ExecOps: Teams message (JWT, reply through the outbox)" 0 "$bot_url/api/messages" teams "$token" "$tmp/activity.json"
# The replies leave through the outbox after their answers; the next scenario starts once they have
# gone, so it is not measured against this one's deliveries (the peers reply inline). How long the
# backlog took is in the table.
teams_sent=$(( $(field teams_fixed 6) + $(field teams_max 6) ))
connector_count() { curl -sf "http://127.0.0.1:$slack_port/stats" | node -pe 'JSON.parse(require("fs").readFileSync(0))["connector POST"] || 0'; }
drain_started=$(date +%s%N)
for _ in $(seq 1200); do
  [ $(( $(connector_count) - connector_before )) -ge "$teams_sent" ] && break
  sleep 0.1
done
teams_drain_s=$(awk -v ns="$(( $(date +%s%N) - drain_started ))" 'BEGIN { printf "%.1f", ns / 1e9 }')
say "Teams replies: the outbox's backlog went in $teams_drain_s s"
load action_fixed "ExecOps: Slack block_actions (refresh)" "$fixed_rate" "$bot_url/api/slack/interactions" slack-action "$secret" "http://127.0.0.1:$slack_port/response/action"
load action_max "ExecOps: Slack block_actions (refresh)" 0 "$bot_url/api/slack/interactions" slack-action "$secret" "http://127.0.0.1:$slack_port/response/action"
committed_before=$(sqlite3 "$tmp/bench.db" "SELECT count(*) FROM timeline WHERE aggregate_id = 'INC-1' AND kind = 'update'")
load command_fixed "ExecOps: Slack /incident update (committed)" "$fixed_rate" "$bot_url/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/command"
load command_max "ExecOps: Slack /incident update (committed)" 0 "$bot_url/api/slack/commands" slack-command "$secret" "http://127.0.0.1:$slack_port/response/command"
peak_mb=$(rss_mb "$bot_pid" VmHWM)
bot_requests=0
for key in teams_fixed teams_max action_fixed action_max command_fixed command_max; do
  bot_requests=$(( bot_requests + $(cut -d' ' -f6 <<<"${result[$key]}") ))
done
read -r under_heap_mb under_rss_mb < <(memory)
say "memory: live heap $idle_heap_mb MB idle, $under_heap_mb MB right after $bot_requests requests; resting $rest_seconds s"
sleep "$rest_seconds" # the rest the memory figure asks for: what is still held after it is held for good
read -r after_heap_mb after_rss_mb < <(memory)
# Replies to Teams leave through the outbox, behind the command that wrote them; by now they have gone.
bot_replies=$(( $(curl -sf "http://127.0.0.1:$slack_port/stats" | node -pe 'JSON.parse(require("fs").readFileSync(0))["connector POST"] || 0') - connector_before ))
read -r presses_acked presses_handled < <(sqlite3 -separator ' ' "$tmp/bench.db" "SELECT count(*), count(processed_at) FROM inbox WHERE source = 'slack.interaction'")
read -r commits units_committed < <(curl -sf "$bot_url/healthz" | node -pe 'const d = JSON.parse(require("fs").readFileSync(0)).database; d.commits + " " + d.unitsCommitted')
max_group=$(grep -o 'MaxGroupSize = [0-9]*' "$repo/workflows/Storage/Store.cs" | grep -o '[0-9]*$')
stop_server

# Every answered /incident update must be an update on INC-1's timeline, or the ack was not durable.
acked=$(( $(cut -d' ' -f6 <<<"${result[command_fixed]}") + $(cut -d' ' -f6 <<<"${result[command_max]}") \
  - $(cut -d' ' -f5 <<<"${result[command_fixed]}") - $(cut -d' ' -f5 <<<"${result[command_max]}") ))
committed=$(( $(sqlite3 "$tmp/bench.db" "SELECT count(*) FROM timeline WHERE aggregate_id = 'INC-1' AND kind = 'update'") - committed_before ))
fsync_rate=$(node "$bench/tools/fsync.js" "$tmp" "$fsync_seconds")

# start_slack_bot <database> <log> [NAME=value ...]: the bot again, on Slack alone, for the scenarios that reopen it on a file made for them.
start_slack_bot() {
  start_server "$bot_url/healthz" "$2" env \
    Urls="$bot_url" Storage__Path="$1" \
    Slack__SigningSecret="$secret" Slack__BotToken=xoxb-bench Slack__ApiBaseUrl="$slack_api" Slack__AnnouncementsChannel=C0BENCH \
    Scheduler__IdleWait=00:00:01 Logging__LogLevel__Default=Warning "${@:3}" \
    dotnet "$tmp/bot/ExecOps.Bot.dll"
}

say "7. scheduler: pending reminders at start-up, and a burst falling due at once"
# The same file, reopened: INC-1 is real, so each reminder that fires does the real work (the incident
# notes the missed update, its IC is nudged through the outbox). The burst falls due together at the
# top of a minute, as a weekly rhythm's prompts do; the rest are weeks away.
if $smoke; then burst=10 later=990 lead=15; else burst=1000 later=99000 lead=45; fi
due_at=$(date -u -d "+$lead seconds" '+%Y-%m-%dT%H:%M:%S.0000000Z')
later_at=$(date -u -d '+30 days' '+%Y-%m-%dT%H:%M:%S.0000000Z')
now_at=$(date -u '+%Y-%m-%dT%H:%M:%S.0000000Z')
sqlite3 "$tmp/bench.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $later)
INSERT INTO reminders (key, kind, subject_id, due_at, scheduled_at, fired_at)
  SELECT 'bench/later/' || i, 'incident.update-due', 'INC-1', '$later_at', '$now_at', NULL FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $burst)
INSERT INTO reminders (key, kind, subject_id, due_at, scheduled_at, fired_at)
  SELECT 'bench/burst/' || i, 'incident.update-due', 'INC-1', '$due_at', '$now_at', NULL FROM n;
SQL
pending=$(sqlite3 "$tmp/bench.db" "SELECT count(*) FROM reminders WHERE fired_at IS NULL")
started=$(date +%s%N)
start_slack_bot "$tmp/bench.db" "$tmp/bot-reminders.log"
reminders_healthy_ms=$server_ms
armed_ms=""
for _ in $(seq 1200); do
  armed=$(curl -s "$bot_url/healthz" | node -pe 'JSON.parse(require("fs").readFileSync(0)).scheduler.armedReminders' 2>/dev/null || echo 0)
  if [ "${armed:-0}" -ge "$pending" ]; then armed_ms=$(( ($(date +%s%N) - started) / 1000000 )); break; fi
  sleep 0.05
done
[ -n "$armed_ms" ] || { say "reminders were never all armed"; cat "$tmp/bot-reminders.log" >&2; exit 1; }
reminders_idle_mb=$(rss_mb "$server_pid" VmRSS)
for _ in $(seq $(( (lead + 60) * 10 ))); do
  fired=$(sqlite3 "$tmp/bench.db" "SELECT count(*) FROM reminders WHERE key LIKE 'bench/burst/%' AND fired_at IS NOT NULL")
  [ "$fired" -ge "$burst" ] && break
  sleep 0.1
done
stop_server
lateness=$(sqlite3 "$tmp/bench.db" "SELECT (julianday(fired_at) - julianday(due_at)) * 86400000.0 FROM reminders WHERE key LIKE 'bench/burst/%' AND fired_at IS NOT NULL ORDER BY 1" \
  | awk -v total="$burst" '{ late[NR] = $1 } END {
      if (NR == 0) { print "none fired"; exit }
      p50 = late[int((NR - 1) * 0.50) + 1]; p99 = late[int((NR - 1) * 0.99) + 1]
      printf "%d of %d fired; late by p50 %.0f ms, p99 %.0f ms, max %.0f ms", NR, total, p50, p99, late[NR] }')
late_p99=$(sed -n 's/.*p99 \([0-9]*\) ms.*/\1/p' <<<"$lateness")
say "reminders: healthy in $reminders_healthy_ms ms, all $pending armed in $armed_ms ms; $lateness"

say "9. /scoreboard over two years of daily KPI data"
# Every slice the scoreboard reads has 730 days of all 12 KPIs: 200 teams over 10 domains, 20 services,
# the domains, the company, and the company in each segment. The smoke run keeps the two years (the
# past-week view reads one a year back) with fewer teams and services.
if $smoke; then board_teams=50 board_services=5 board_rate=20 board_duration=2s; else board_teams=200 board_services=20 board_rate=50 board_duration=10s; fi
board_days=730
board_db="$tmp/scoreboard.db"
# A first start creates the schema, so the rows go into the bot's own tables and not a copy of them.
start_slack_bot "$board_db" "$tmp/bot-scoreboard-schema.log"
stop_server
# Values within 10% of each KPI's target, so the card shows every status; percentages stop at 100.
board_kpis=$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).kpis
  .map(k => `('"'"'${k.id}'"'"', ${k.target}, ${k.unit === "percent" ? 100 : 2 * k.target})`).join(", ")' "$repo/workflows/Kpis/kpi-catalog.json")
# The secondary indexes are dropped and built once after the load: kept up to date row by row they
# make it half as long again. They come back from their own stored definitions, as migrated.
board_drop=$(sqlite3 "$board_db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL")
board_create=$(sqlite3 "$board_db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL")
started=$(date +%s%N)
# synchronous=OFF: a loader that dies is simply rerun; the bot sets its own durability when it opens the file.
sqlite3 "$board_db" <<SQL
PRAGMA cache_size = -1000000;
PRAGMA synchronous = OFF;
BEGIN;
$board_drop
CREATE TEMP TABLE slices (domain TEXT, service TEXT, team TEXT, icp TEXT, size TEXT, region TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $board_teams)
INSERT INTO slices SELECT printf('domain-%02d', (i - 1) % 10 + 1), '', printf('team-%03d', i), '', '', '' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $board_services)
INSERT INTO slices SELECT printf('domain-%02d', (i - 1) % 10 + 1), printf('service-%02d', i), '', '', '', '' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO slices SELECT printf('domain-%02d', i), '', '', '', '', '' FROM n;
INSERT INTO slices VALUES ('', '', '', '', '', ''), ('', '', '', 'icp', '', ''), ('', '', '', 'non-icp', '', ''),
  ('', '', '', '', 'enterprise', ''), ('', '', '', '', 'smb', ''),
  ('', '', '', '', '', 'na'), ('', '', '', '', '', 'emea'), ('', '', '', '', '', 'apac'), ('', '', '', '', '', 'latam');
CREATE TEMP TABLE kpis (kpi TEXT, target REAL, ceiling REAL);
INSERT INTO kpis VALUES $board_kpis;
-- Midnight UTC of each day, written as ToStored() writes instants.
CREATE TEMP TABLE days (at TEXT);
WITH RECURSIVE n(i) AS (SELECT $board_days - 1 UNION ALL SELECT i - 1 FROM n WHERE i > 0)
INSERT INTO days SELECT strftime('%Y-%m-%dT00:00:00.0000000Z', 'now', '-' || i || ' days') FROM n;
INSERT INTO observations (domain, service, team, icp, size, region, kpi, at, value, received_at)
  SELECT s.domain, s.service, s.team, s.icp, s.size, s.region, k.kpi, d.at,
    min(round(k.target * (0.9 + (abs(random()) % 2001) / 10000.0), 4), k.ceiling),
    strftime('%Y-%m-%dT%H:%M:%S.0000000Z', 'now')
  FROM slices s, kpis k, days d;
INSERT INTO metric_paths SELECT domain, service, team FROM slices WHERE domain <> '';
$board_create
COMMIT;
SQL
board_load_s=$(awk -v ns="$(( $(date +%s%N) - started ))" 'BEGIN { printf "%.1f", ns / 1e9 }')
board_rows=$(sqlite3 "$board_db" "SELECT count(*) FROM observations")
board_mb=$(( $(stat -c %s "$board_db") / 1048576 ))
board_rows_label=$(awk -v n="$board_rows" 'BEGIN { printf "%.2f M rows", n / 1e6 }')
say "scoreboard data: $board_rows observations, $board_mb MB, loaded in $board_load_s s"

start_slack_bot "$board_db" "$tmp/bot-scoreboard.log"
year_ago=$(date -u -d '-52 weeks' '+%G-W%V')
board_views=("" "team-042" "segment:emea week:$year_ago")
board_names=("company, this week" "team-042, this week" "segment:emea week:$year_ago")
board_response="http://127.0.0.1:$slack_port/response/scoreboard"
# All three views are warmed before any is measured: the JIT is still tiering up this path after
# one warm-up, so the view measured first would otherwise pay for the other two.
for view in "${board_views[@]}"; do warm "$bot_url/api/slack/commands" slack-read "$secret" "$board_response" /scoreboard "$view" "Executive Scoreboard"; done
# Shorter runs than the others (the duration= before load holds for that call only), so three views fit in about two minutes.
for i in "${!board_views[@]}"; do
  board_args=(slack-read "$secret" "$board_response" /scoreboard "${board_views[$i]}" "Executive Scoreboard")
  duration=$board_duration load "board_${i}_fixed" "ExecOps: Slack /scoreboard ${board_names[$i]} ($board_rows_label)" "$board_rate" "$bot_url/api/slack/commands" "${board_args[@]}"
  duration=$board_duration load "board_${i}_max" "ExecOps: Slack /scoreboard ${board_names[$i]} ($board_rows_label)" 0 "$bot_url/api/slack/commands" "${board_args[@]}"
done
board_peak_mb=$(rss_mb "$server_pid" VmHWM)
stop_server

say "10. /spend and the weekly spend report over a year of daily spend"
# A year of daily spend for every team on every service (each service billed by one provider), straight into a
# fresh file as scenario 9 does; then the weekly report is set to fall due a little after start-up and timed from
# its due instant to its post reaching the FinOps channel (the fake Slack notes when), and /spend is loaded.
if $smoke; then spend_teams=20 spend_services=5 spend_rate=20 spend_duration=2s; else spend_teams=200 spend_services=20 spend_rate=50 spend_duration=10s; fi
spend_days=365
spend_db="$tmp/spend.db"
start_slack_bot "$spend_db" "$tmp/bot-spend-schema.log"
stop_server
spend_drop=$(sqlite3 "$spend_db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spend' AND sql IS NOT NULL")
spend_create=$(sqlite3 "$spend_db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spend' AND sql IS NOT NULL")
# The week the report reviews (the last whole ISO week) rises for two services and ten teams, so it has movers to ask about.
last_monday=$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) + 6 )) days" +%F)
started=$(date +%s%N)
sqlite3 "$spend_db" <<SQL
PRAGMA cache_size = -1000000;
PRAGMA synchronous = OFF;
BEGIN;
$spend_drop
-- The report's reminder is set afresh at the next start, from the schedule given there.
DELETE FROM reminders WHERE key = 'rhythm/spend/weekly-report';
CREATE TEMP TABLE days (day TEXT);
WITH RECURSIVE n(i) AS (SELECT $spend_days UNION ALL SELECT i - 1 FROM n WHERE i > 1)
INSERT INTO days SELECT date('now', '-' || i || ' days') FROM n;
CREATE TEMP TABLE services (service TEXT, provider TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $spend_services)
INSERT INTO services SELECT printf('service-%02d', i), CASE i % 3 WHEN 0 THEN 'aws' WHEN 1 THEN 'gcp' ELSE 'datadog' END FROM n;
CREATE TEMP TABLE teams (team TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $spend_teams)
INSERT INTO teams SELECT printf('team-%03d', i) FROM n;
-- CROSS JOIN keeps this nesting, so rows arrive nearly in key order (day first).
INSERT INTO spend (day, provider, service, team, tenant, env, amount, currency, expires, received_at)
  SELECT d.day, s.provider, s.service, t.team, '', 'prod',
    round((50 + (abs(random()) % 10000) / 100.0) * CASE WHEN d.day >= '$last_monday' AND d.day < date('$last_monday', '+7 days')
      THEN (CASE WHEN s.service IN ('service-02', 'service-03') THEN 1.5 ELSE 1 END) * (CASE WHEN t.team <= 'team-010' THEN 1.4 ELSE 1 END) ELSE 1 END, 2),
    'USD', NULL, strftime('%Y-%m-%dT%H:%M:%S.0000000Z', 'now')
  FROM days d CROSS JOIN services s CROSS JOIN teams t;
-- The daily totals the bot keeps beside the lines as it stores them, summed here as the schema's own backfill does.
INSERT INTO spend_totals SELECT day, 'service', service, SUM(amount) FROM spend WHERE service <> '' GROUP BY day, service;
INSERT INTO spend_totals SELECT day, 'team', team, SUM(amount) FROM spend WHERE team <> '' GROUP BY day, team;
INSERT INTO spend_totals SELECT day, 'provider', provider, SUM(amount) FROM spend GROUP BY day, provider;
$spend_create
COMMIT;
SQL
spend_load_s=$(awk -v ns="$(( $(date +%s%N) - started ))" 'BEGIN { printf "%.1f", ns / 1e9 }')
spend_rows=$(sqlite3 "$spend_db" "SELECT count(*) FROM spend")
spend_totals=$(sqlite3 "$spend_db" "SELECT count(*) FROM spend_totals")
spend_mb=$(( $(stat -c %s "$spend_db") / 1048576 ))
spend_rows_label=$(awk -v n="$spend_rows" 'BEGIN { printf "%.2f M rows", n / 1e6 }')
say "spend data: $spend_rows lines, $spend_mb MB, loaded in $spend_load_s s"

report_due=$(( $(date +%s) + 30 ))
read -r due_s due_m due_h < <(date -u -d "@$report_due" '+%-S %-M %-H')
start_slack_bot "$spend_db" "$tmp/bot-spend.log" Spend__WeeklyReport="$due_s $due_m $due_h * * ?" Spend__TimeZone=UTC
report_posted=""
for _ in $(seq 1200); do
  report_posted=$(curl -sf "http://127.0.0.1:$slack_port/stats" | node -pe 'JSON.parse(require("fs").readFileSync(0)).spend_movers_at || ""')
  [ -n "$report_posted" ] && break
  sleep 0.1
done
[ -n "$report_posted" ] || { say "the weekly spend report was never posted"; cat "$tmp/bot-spend.log" >&2; exit 1; }
report_ms=$(( report_posted - report_due * 1000 ))
report_movers=$(sqlite3 "$spend_db" "SELECT json_array_length(json_extract(body, '\$.top')) || ' listed, ' || (SELECT count(*) FROM json_each(json_extract(body, '\$.movers'))) || ' asked' FROM aggregates WHERE kind = 'spend-review'")
say "weekly spend report: posted $report_ms ms after it fell due ($report_movers)"
spend_response="http://127.0.0.1:$slack_port/response/spend"
spend_views=("" "days:28")
for view in "${spend_views[@]}"; do warm "$bot_url/api/slack/commands" slack-read "$secret" "$spend_response" /spend "$view" "By service"; done
for i in "${!spend_views[@]}"; do
  spend_args=(slack-read "$secret" "$spend_response" /spend "${spend_views[$i]}" "By service")
  duration=$spend_duration load "spend_${i}_fixed" "ExecOps: Slack /spend ${spend_views[$i]:-(last 7 days)} ($spend_rows_label)" "$spend_rate" "$bot_url/api/slack/commands" "${spend_args[@]}"
  duration=$spend_duration load "spend_${i}_max" "ExecOps: Slack /spend ${spend_views[$i]:-(last 7 days)} ($spend_rows_label)" 0 "$bot_url/api/slack/commands" "${spend_args[@]}"
done
spend_peak_mb=$(rss_mb "$server_pid" VmHWM)
stop_server

pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
lower() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? "yes" : "no" }'; }

table=$(cat <<EOF
## ExecOps.Bot benchmark

$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') · .NET $(dotnet --version) · Node $(node --version) · wrk $(wrk -v 2>&1 | awk 'NR==1 { print $2 }')$($smoke && echo ' · **smoke run: tiny counts, not results**')

Each load run lasts $duration ($board_duration for /scoreboard and /spend) with one wrk thread; fixed-rate runs use $fixed_connections connections, max-rate runs $max_connections. Latency in ms. Errors: socket errors, timeouts, non-200 answers, slash commands answered with an empty body (taken for a retry and not run, or past the answer budget and answered later), and /scoreboard or /spend answered without its card.

| scenario | load | req/s | p50 | p99 | max | errors |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")

| measure | value |
| --- | --- |
| 6. durable: /incident updates answered / on INC-1's timeline (every answer committed if the second ≥ the first; requests cut off when a run ends may commit unanswered) | $acked / $committed |
| 2. block_actions: presses acknowledged (kept in the inbox) / handled by the end of the run (their answers wait in the outbox for Slack's pace; a newer edit of a card replaces an older one) | $presses_acked / $presses_handled |
| 6. durable: commands/s at max rate | $(field command_max 1) |
| 6. group commit: units of work / transactions committed over the whole run (up to $max_group units a transaction) | $units_committed / $commits = $(awk -v a="$units_committed" -v b="$commits" 'BEGIN { printf "%.1f", a / b }') a commit |
| 6. this disk's fsync rate (4 KiB write + fdatasync, same directory) | $fsync_rate /s |
| 3. Teams replies the fake Connector received from ExecOps (through the outbox, counted after the rest) / from botbuilder | $bot_replies / $peer_replies |
| 3. Teams: the outbox's backlog of replies delivered after the runs ended, in | $teams_drain_s s |
| 7. scheduler: start-up with $pending pending reminders: healthy / all armed in Quartz | $reminders_healthy_ms ms / $armed_ms ms |
| 7. scheduler: $burst reminders due at the same instant | $lateness |
| 7. scheduler: resident memory with $pending reminders armed, idle | $reminders_idle_mb MB |
| 8. ExecOps start-up to healthy (empty database) | $bot_start_ms ms |
| 8. ExecOps resident memory idle / peak under load | $idle_mb MB / $peak_mb MB |
| 8. ExecOps live heap after a full GC / resident: idle, cold (just started, one incident declared) | $cold_heap_mb MB / $cold_rss_mb MB |
| 8. the same idle after the warm-up runs, before the measured load | $idle_heap_mb MB / $idle_rss_mb MB |
| 8. the same right after the load runs ($bot_requests requests: Teams messages, presses, slash commands) | $under_heap_mb MB / $under_rss_mb MB |
| 8. the same after $rest_seconds s of rest | $after_heap_mb MB / $after_rss_mb MB |
| 6. durable Bolt peer: updates answered / in its SQLite file | $(( $(cut -d' ' -f6 <<<"${result[durable_fixed]}") + $(cut -d' ' -f6 <<<"${result[durable_max]}") - $(cut -d' ' -f5 <<<"${result[durable_fixed]}") - $(cut -d' ' -f5 <<<"${result[durable_max]}") )) / $durable_updates |
| 9. /scoreboard data: daily observations of the 12 KPIs over $board_days days for $board_teams teams in 10 domains, $board_services services, the domains, the company and its 8 segments; metric_paths filled | $board_rows rows, $board_mb MB, written in $board_load_s s |
| 9. ExecOps resident memory peak, /scoreboard runs | $board_peak_mb MB |
| 10. /spend data: daily spend of $spend_teams teams on each of $spend_services services over $spend_days days, and its daily totals | $spend_rows lines and $spend_totals totals, $spend_mb MB, written in $spend_load_s s |
| 10. weekly spend report (the week before against the one before it, movers asked, unit costs): due → posted to the FinOps channel | $report_ms ms ($report_movers) |
| 10. ExecOps resident memory peak, /spend runs | $spend_peak_mb MB |

| target (shown, not pass/fail) | measured |
| --- | --- |
| ≥2× the durable Bolt peer's throughput (slash command committed before the answer, max rate) | $(awk -v a="$(field command_max 1)" -v b="$(field durable_max 1)" 'BEGIN { printf "%.2f×", a / b }') |
| p99 < 20 ms at max rate (slash command; durable Bolt peer for comparison) | $(field command_max 3) vs $(field durable_max 3) ms |
| live heap after load and rest within 20% of idle (warmed) | $(awk -v a="$after_heap_mb" -v b="$idle_heap_mb" 'BEGIN { printf "%+.0f%%", 100 * (a - b) / b }') ($after_heap_mb vs $idle_heap_mb MB) |
| ≥3× Bolt's throughput (slash command, max rate) | $(awk -v a="$(field command_max 1)" -v b="$(field bolt_max 1)" 'BEGIN { printf "%.2f×", a / b }') |
| lower p99 than Bolt at $fixed_rate req/s | $(field command_fixed 3) vs $(field bolt_fixed 3) ms: $(lower "$(field command_fixed 3)" "$(field bolt_fixed 3)") |
| ≥3× botbuilder's throughput (Teams message, max rate) | $(awk -v a="$(field teams_max 1)" -v b="$(field botbuilder_max 1)" 'BEGIN { printf "%.2f×", a / b }') |
| lower p99 than botbuilder at $fixed_rate req/s | $(field teams_fixed 3) vs $(field botbuilder_fixed 3) ms: $(lower "$(field teams_fixed 3)" "$(field botbuilder_fixed 3)") |
| Slack command / block_actions / Teams ≥30% of Kestrel hello world | $(pct "$(field command_max 1)" "$(field hello_max 1)") / $(pct "$(field action_max 1)" "$(field hello_max 1)") / $(pct "$(field teams_max 1)" "$(field hello_max 1)") |
| durable commands ≥50% of fsync rate × batch (batch up to $max_group) | $(pct "$(field command_max 1)" "$(( fsync_rate * max_group ))") of $fsync_rate × $max_group; $(pct "$(field command_max 1)" "$fsync_rate") of the bare fsync rate |
| p99 ack < 50 ms at $fixed_rate req/s (command / block_actions / Teams) | $(field command_fixed 3) / $(field action_fixed 3) / $(field teams_fixed 3) ms |
| reminders late < 1 s p99 | ${late_p99:-?} ms |
| idle memory < 150 MB | $idle_mb MB |

Rerun: \`bench/run.sh\` (\`bench/run.sh --smoke\` for a quick check of the harness).
EOF
)
mkdir -p "$bench/results"
echo "$table" | tee "$bench/results/latest.md"
