#!/usr/bin/env bash
# The Socket Mode benchmark (bench/run.sh --socket-mode): how fast a slash command is acknowledged over Socket Mode,
# beside the same command over HTTP, at one fixed rate, for ExecOps.Bot and the durable Bolt peer (Bolt's own
# SocketModeReceiver and HTTP receiver, each writing the update to SQLite before it acknowledges). Every envelope and
# request is `/incident update INC-1 "…"`, whose answer comes after the update is committed; over Socket Mode that
# answer rides in the acknowledgement. The fake Slack (bench/tools/socket-mode.js) hands out the connections and times
# each envelope from its send to its ack; wrk times the HTTP requests.
#
#   bench/run.sh --socket-mode            the full run (20 s per run at 200 a second; about two minutes on 2 cores)
#   BENCH_SMOKE=1 bench/run.sh --socket-mode   2 s runs at 50 a second, to check the harness
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench")
if [ -n "${BENCH_SMOKE:-}" ]; then seconds=2 warm=1 rate=50; else seconds=20 warm=3 rate=200; fi
threads=1 fixed_connections=50
secret="bench-$RANDOM-$RANDOM"
playground="play-$RANDOM-$RANDOM"

# shellcheck source=tools/common.sh
. "$bench/tools/common.sh"
scratch execops-bench-socket
needs dotnet node npm curl
debian_packages wrk sqlite3

say "building the bot in Release; installing the peers' npm packages"
dotnet publish "$repo/bot/ExecOps.Bot.csproj" -c Release -o "$tmp/bot" --nologo -v q >"$tmp/publish.log" 2>&1 || { cat "$tmp/publish.log" >&2; exit 1; }
(cd "$bench/peers" && npm ci --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1) || { cat "$tmp/npm.log" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
slack_port=$(free_port)
slack="http://127.0.0.1:$slack_port"
node "$bench/tools/socket-mode.js" "$tmp" "$slack_port" >"$tmp/slack.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -e "$tmp/socket.ready" ] && break; sleep 0.1; done
[ -e "$tmp/socket.ready" ] || { cat "$tmp/slack.log" >&2; exit 1; }

server_pid=""
# start <log> <command…>: a server in the background; stop: the last one started.
start() { local log=$1; shift; "$@" >"$log" 2>&1 & server_pid=$!; pids+=("$server_pid"); }
stop() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
wait_for() {
  for _ in $(seq 1200); do eval "$1" >/dev/null 2>&1 && return; kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
  say "$2 never happened"; cat "$3" >&2; exit 1
}
connections_at_least() { [ "$(curl -sf "$slack/connections")" -ge "$1" ]; }

rows=()
# socket <label> <count committed updates>: a warm-up and a measured run over the open Socket Mode connections; every
# envelope answered must be an update committed, or the acknowledgement was not durable.
socket() {
  local line rps p50 p99 max errors total before
  curl -sf -X POST "$slack/go?rate=$rate&warm=$warm&seconds=0" >/dev/null
  before=$($2)
  line=$(curl -sf -X POST "$slack/go?rate=$rate&warm=0&seconds=$seconds")
  read -r _ rps p50 p99 max errors total <<<"$line"
  rows+=("| $1 | Socket Mode, $(curl -sf "$slack/connections") connection(s) | $rate/s | $rps | $p50 | $p99 | $max | $errors |")
  durable+=("$1: $(( total - errors )) / $(( $($2) - before ))")
  say "$1 over Socket Mode: $rps/s, p99 $p99 ms, $errors errors"
}
warm_http() { (cd "$bench/tools" && wrk -t"$threads" -c16 -d"${warm}s" --timeout 5s -s load.lua "$1" -- slack-command 0 "$threads" "$secret" "$slack/response/command" >/dev/null 2>&1); }
# http <label> <url>: the same at the same rate over HTTP, with wrk.
http() {
  local line rps p50 p99 max errors total
  warm_http "$2"
  line=$(cd "$bench/tools" && wrk -t"$threads" -c"$fixed_connections" -d"${seconds}s" --timeout 5s -s load.lua "$2" -- slack-command "$rate" "$threads" "$secret" "$slack/response/command" | grep '^RESULT')
  read -r _ rps p50 p99 max errors total <<<"$line"
  rows+=("| $1 | HTTP, $fixed_connections connections | $rate/s | $rps | $p50 | $p99 | $max | $errors |")
  say "$1 over HTTP: $rps/s, p99 $p99 ms, $errors errors"
}

say "1. ExecOps.Bot with both receivers on (a signing secret and an app token)"
bot_port=$(free_port)
bot="http://127.0.0.1:$bot_port"
start "$tmp/bot.log" env Urls="$bot" Storage__Path="$tmp/bench.db" \
  Slack__SigningSecret="$secret" Slack__AppToken=xapp-bench Slack__BotToken=xoxb-bench Slack__ApiBaseUrl="$slack/api/" Slack__AnnouncementsChannel=C0BENCH \
  Scheduler__IdleWait=00:00:01 Playground__Enabled=true Playground__Token="$playground" Logging__LogLevel__Default=Warning \
  dotnet "$tmp/bot/ExecOps.Bot.dll"
wait_for "curl -sf $bot/healthz" "the bot healthy" "$tmp/bot.log"
wait_for "connections_at_least 2" "the bot's two Socket Mode connections" "$tmp/bot.log"
curl -sf -X POST "$bot/api/playground/commands" -H 'content-type: application/json' -H "Authorization: Bearer $playground" \
  -d '{"as":"alice","text":"/incident declare sev2 \"Bench\""}' | grep -q 'INC-1' || { say "could not declare INC-1"; exit 1; }
bot_updates() { sqlite3 "$tmp/bench.db" "SELECT count(*) FROM timeline WHERE aggregate_id = 'INC-1' AND kind = 'update'"; }
durable=()
# Both paths warmed before either is measured: they share the command's code, which the JIT is still tiering up after
# one short warm-up, so the path measured first would otherwise pay for the other.
warm_http "$bot/api/slack/commands"
socket "ExecOps.Bot" bot_updates
http "ExecOps.Bot" "$bot/api/slack/commands"
stop

say "2. the durable Bolt peer, over Socket Mode and then over HTTP"
start "$tmp/bolt-socket.log" env SLACK_APP_TOKEN=xapp-bench SLACK_API_URL="$slack/api/" DB="$tmp/bolt-socket.db" node "$bench/peers/bolt-durable.js"
wait_for "connections_at_least 1" "Bolt's Socket Mode connection" "$tmp/bolt-socket.log"
bolt_updates() { sqlite3 "$tmp/bolt-socket.db" "SELECT count(*) FROM timeline"; }
socket "durable Bolt peer" bolt_updates
stop
bolt_port=$(free_port)
start "$tmp/bolt-http.log" env PORT="$bolt_port" SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="$slack/api/" DB="$tmp/bolt-http.db" node "$bench/peers/bolt-durable.js"
wait_for "curl -s -o /dev/null http://127.0.0.1:$bolt_port/" "the Bolt peer listening" "$tmp/bolt-http.log"
http "durable Bolt peer" "http://127.0.0.1:$bolt_port/api/slack/commands"
stop

table=$(cat <<EOF
## ExecOps.Bot Socket Mode benchmark

$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') · .NET $(dotnet --version) · Node $(node --version) · Bolt $(node -p 'require(process.argv[1]).version' "$bench/peers/node_modules/@slack/bolt/package.json")$([ -n "${BENCH_SMOKE:-}" ] && echo ' · **smoke run: tiny counts, not results**')

\`/incident update INC-1 "…"\` slash commands at a fixed rate, each acknowledged after its update is committed (over Socket Mode the answer rides in the acknowledgement). Latency in ms, from the envelope's send to its acknowledgement (Socket Mode, timed by the fake Slack) or from the request to its response (HTTP, timed by wrk); $seconds s per run after a $warm s warm-up. Errors: no acknowledgement within 5 s, or one without the answer.

| bot | receiver | offered | acked/s | p50 | p99 | max | errors |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")

Over Socket Mode, envelopes answered / updates committed in the measured run: $(IFS=';'; echo "${durable[*]}" | sed 's/;/; /g').

Rerun: \`bench/run.sh --socket-mode\`.
EOF
)
mkdir -p "$bench/results"
echo "$table" | tee "$bench/results/socket-mode.md"
