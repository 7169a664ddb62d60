#!/usr/bin/env bash
# The replicas benchmark (bench/run.sh --replicas N): committed Slack slash commands per second and
# their latency from one bot on SQLite, one bot on PostgreSQL, and N bots on one PostgreSQL database
# behind HAProxy (deploy/haproxy/execops.cfg, cut or extended to N servers), all on this machine.
# Every run answers `/incident update INC-1 "…"`: the answer comes after the update is committed.
# PostgreSQL is a throwaway cluster with its default settings (fsync on), like SQLite's FULL sync.
#
#   bench/run.sh --replicas 3           the full run (20 s per load run; about four minutes on 2 cores)
#   BENCH_SMOKE=1 bench/run.sh --replicas 3   2 s runs, to check the harness
#
# Installs wrk, sqlite3, PostgreSQL and HAProxy with apt-get when they are missing (as root).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench")
replicas=${1:-3}
[[ "$replicas" =~ ^[1-9]$ ]] || { echo "bench: --replicas takes 1 to 9" >&2; exit 1; }
if [ -n "${BENCH_SMOKE:-}" ]; then duration=2s warmup=1s fixed_rate=50; else duration=20s warmup=3s fixed_rate=200; fi
threads=1 max_connections=16 fixed_connections=50
secret="bench-$RANDOM-$RANDOM"
playground="play-$RANDOM-$RANDOM"

tmp=$(mktemp -d /tmp/execops-bench-replicas.XXXXXX)
chmod 755 "$tmp"
pids=()
pg_bin=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$pg_bin" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$tmp/pg" -m fast stop >/dev/null 2>&1 || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT INT TERM
say() { echo "bench: $*" >&2; }

for tool in dotnet node npm curl openssl; do command -v "$tool" >/dev/null || { say "needs $tool on PATH"; exit 1; }; done
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[ -x /usr/sbin/haproxy ] || need+=(haproxy)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]} from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
fi
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

say "building the bot in Release"
dotnet publish "$repo/bot/ExecOps.Bot.csproj" -c Release -o "$tmp/bot" --nologo -v q >"$tmp/publish.log" 2>&1 || { cat "$tmp/publish.log" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
slack_port=$(free_port)
printf '{"slack":%s,"issuer":%s,"connector":%s,"token":%s}\n' "$slack_port" "$(free_port)" "$(free_port)" "$(free_port)" >"$tmp/ports.json"
# The fakes serve a fake Teams token endpoint over TLS too; these runs do not use it, but it needs a certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" >/dev/null 2>&1
node "$bench/tools/fakes.js" "$tmp" >"$tmp/fakes.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -e "$tmp/fakes.ready" ] && break; sleep 0.1; done
[ -e "$tmp/fakes.ready" ] || { cat "$tmp/fakes.log" >&2; exit 1; }
slack_api="http://127.0.0.1:$slack_port/api/"
response_url="http://127.0.0.1:$slack_port/response/command"

say "starting a throwaway PostgreSQL cluster"
pg_port=$(free_port)
mkdir "$tmp/pg" && chown postgres "$tmp/pg"
runuser -u postgres -- "$pg_bin/initdb" -D "$tmp/pg" -U execops --auth=trust -E UTF8 --no-locale >"$tmp/initdb.log" 2>&1
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/server.log" -w start \
  -o "-p $pg_port -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
psql_at() { psql -h 127.0.0.1 -p "$pg_port" -U execops -d "$1" -Atc "$2"; }

bot_pids=()
# spawn_bot <port> <name> <storage settings…>: one bot in the background.
spawn_bot() {
  local port=$1 name=$2
  shift 2
  env Urls="http://127.0.0.1:$port" Replica__Name="$name" "$@" \
    Slack__SigningSecret="$secret" Slack__BotToken=xoxb-bench Slack__ApiBaseUrl="$slack_api" Slack__AnnouncementsChannel=C0BENCH \
    Scheduler__IdleWait=00:00:01 Playground__Enabled=true Playground__Token="$playground" Logging__LogLevel__Default=Warning \
    dotnet "$tmp/bot/ExecOps.Bot.dll" >"$tmp/bot-$name.log" 2>&1 &
  pids+=($!) bot_pids+=($!)
}
wait_healthy() {
  for _ in $(seq 1200); do curl -sf -o /dev/null "http://127.0.0.1:$1/healthz" && return; sleep 0.05; done
  say "bot $2 did not come up"; cat "$tmp/bot-$2.log" >&2; exit 1
}
start_bot() { spawn_bot "$@"; wait_healthy "$1" "$2"; }
stop_bots() { for pid in "${bot_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; bot_pids=(); }
declare_incident() {
  curl -sf -X POST "http://127.0.0.1:$1/api/playground/commands" -H 'content-type: application/json' -H "Authorization: Bearer $playground" \
    -d '{"as":"alice","text":"/incident declare sev2 \"Bench\""}' | grep -q 'INC-1' || { say "could not declare INC-1"; exit 1; }
}

rows=()
# measure <label> <url> <count committed updates>: warm-up, a fixed-rate run and a max-rate run; checks every answer was committed.
measure() {
  local label=$1 url=$2 committed=$3 answered=0 line rps p50 p99 max errors total
  (cd "$bench/tools" && wrk -t"$threads" -c"$max_connections" -d"$warmup" --timeout 5s -s load.lua "$url" -- slack-command 0 "$threads" "$secret" "$response_url" >/dev/null 2>&1)
  local before
  before=$($committed)
  for rate in "$fixed_rate" 0; do
    local connections=$max_connections load_label="max rate, $max_connections conns"
    [ "$rate" != 0 ] && connections=$fixed_connections load_label="fixed $rate req/s"
    line=$(cd "$bench/tools" && wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s -s load.lua "$url" -- slack-command "$rate" "$threads" "$secret" "$response_url" | grep '^RESULT')
    read -r _ rps p50 p99 max errors total <<<"$line"
    answered=$(( answered + total - errors ))
    rows+=("| $label | $load_label | $rps | $p50 | $p99 | $max | $errors |")
    say "$label, $load_label: $rps req/s, p99 $p99 ms, $errors errors"
  done
  sleep 2 # a request cut off when a run ends may still commit, unanswered
  rows+=("| $label | answered / committed | $answered / $(( $($committed) - before )) | | | | |")
}

say "1. one bot on SQLite"
port=$(free_port)
start_bot "$port" sqlite Storage__Path="$tmp/bench.db"
declare_incident "$port"
sqlite_updates() { sqlite3 "$tmp/bench.db" "SELECT count(*) FROM timeline WHERE aggregate_id = 'INC-1' AND kind = 'update'"; }
measure "one bot, SQLite" "http://127.0.0.1:$port/api/slack/commands" sqlite_updates
stop_bots

# postgres_settings <database>: the bots' settings for a database on the cluster.
postgres_settings() { echo "Storage__Provider=postgres Storage__ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=execops;Database=$1 Storage__Path=$tmp/$1/unused.db"; }

say "2. one bot on PostgreSQL"
psql_at postgres "CREATE DATABASE one" >/dev/null
port=$(free_port)
# shellcheck disable=SC2046
start_bot "$port" one $(postgres_settings one)
declare_incident "$port"
one_updates() { psql_at one "SELECT count(*) FROM timeline WHERE aggregate_id = 'INC-1' AND kind = 'update'"; }
measure "one bot, PostgreSQL" "http://127.0.0.1:$port/api/slack/commands" one_updates
stop_bots

say "3. $replicas bots on one PostgreSQL database behind HAProxy"
psql_at postgres "CREATE DATABASE many" >/dev/null
ports=()
# Started together, as replicas are after a deploy: the schema is migrated once whoever is first.
for i in $(seq "$replicas"); do
  ports+=("$(free_port)")
  # shellcheck disable=SC2046
  spawn_bot "${ports[-1]}" "replica$i" $(postgres_settings many)
done
for i in $(seq "$replicas"); do wait_healthy "${ports[$((i - 1))]}" "replica$i"; done
# The repository's HAProxy config, with as many server lines as there are replicas.
awk -v n="$replicas" '/^    server replica1 /{ for (i = 1; i <= n; i++) printf "    server replica%d \"${EXECOPS_REPLICA_%d}\"\n", i, i; next } /^    server replica[0-9]+ /{ next } { print }' \
  "$repo/deploy/haproxy/execops.cfg" >"$tmp/haproxy.cfg"
proxy_port=$(free_port)
env_replicas=()
for i in $(seq "$replicas"); do env_replicas+=("EXECOPS_REPLICA_$i=127.0.0.1:${ports[$((i - 1))]}"); done
env EXECOPS_LISTEN="127.0.0.1:$proxy_port" EXECOPS_STATS="127.0.0.1:$(free_port)" "${env_replicas[@]}" /usr/sbin/haproxy -f "$tmp/haproxy.cfg" -db >"$tmp/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$proxy_port/healthz" && break; sleep 0.1; done
declare_incident "${ports[0]}"
many_updates() { psql_at many "SELECT count(*) FROM timeline WHERE aggregate_id = 'INC-1' AND kind = 'update'"; }
measure "$replicas bots, PostgreSQL, HAProxy" "http://127.0.0.1:$proxy_port/api/slack/commands" many_updates
stop_bots

table=$(cat <<EOF
## ExecOps.Bot replicas benchmark

$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') · .NET $(dotnet --version) · PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') · HAProxy $(/usr/sbin/haproxy -v | awk 'NR==1 { print $3 }')$([ -n "${BENCH_SMOKE:-}" ] && echo ' · **smoke run: tiny counts, not results**')

Signed \`/incident update INC-1\` slash commands, each answered after its update is committed. $duration per run, one wrk thread; fixed-rate runs use $fixed_connections connections, max-rate runs $max_connections. Latency in ms.

| setup | load | req/s | p50 | p99 | max | errors |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")

Rerun: \`bench/run.sh --replicas $replicas\`.
EOF
)
mkdir -p "$bench/results"
echo "$table" | tee "$bench/results/replicas.md"
