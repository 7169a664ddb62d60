-- wrk script for every scenario. wrk's Lua has no crypto, but wrk itself links OpenSSL, so LuaJIT's
-- FFI reaches HMAC: each Slack request gets its own trigger_id/action_ts and a fresh v0 signature.
-- That matters because the bot takes a repeated (trigger_id, user, timestamp) as Slack retrying and
-- answers it with an empty 200 without running the command again.
--
-- wrk -t<threads> ... -s load.lua <url> -- <mode> <rate> <threads> [mode args]
--   mode: get | slack-command <secret> <response_url> | slack-read <secret> <response_url> <command> <text> <answer contains>
--         | slack-action <secret> <response_url> | teams <token> <body file>
--   rate: total requests/s across all connections, paced per thread; 0 = as fast as the server answers.
--   threads: the same number as -t, so each thread can take its share of the rate.
-- done() prints one line: RESULT <requests/s> <p50 ms> <p99 ms> <max ms> <errors> <requests>.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *tp);
const void *EVP_sha256(void);
unsigned char *HMAC(const void *md, const void *key, int key_len, const unsigned char *data, size_t n, unsigned char *out, unsigned int *out_len);
]]

local threads = {}
local next_id = 1
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local mode, interval_ms, next_slot, sent = nil, 0, 0, 0
local secret, response_url, read_command, read_text, read_expect, fixed_request, teams_headers, teams_body
local mac, mac_len = ffi.new("unsigned char[32]"), ffi.new("unsigned int[1]")
local now_ts = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local function hex_hmac(text)
  ffi.C.HMAC(ffi.C.EVP_sha256(), secret, #secret, text, #text, mac, mac_len)
  local out = {}
  for i = 0, 31 do out[#out + 1] = string.format("%02x", mac[i]) end
  return table.concat(out)
end

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local run_id
function init(args)
  mode = args[1]
  -- Each run gets its own prefix: two runs in the same second must not send the same trigger_id, or
  -- the bot rightly takes the second for Slack retrying the first.
  run_id = string.format("%x", math.floor(now_ms() * 1000) % 0x7fffffff)
  local rate, thread_count = tonumber(args[2]), tonumber(args[3])
  -- Each thread takes an equal share of the rate; its connections draw slots from one clock.
  if rate > 0 then interval_ms = 1000 * thread_count / rate end
  if mode == "slack-command" or mode == "slack-read" or mode == "slack-action" then
    secret, response_url, read_command, read_text, read_expect = args[4], args[5], args[6], args[7], args[8]
  elseif mode == "teams" then
    local file = assert(io.open(args[5], "r"))
    teams_headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. args[4] }
    teams_body = file:read("*a")
    file:close()
  else
    fixed_request = wrk.format("GET")
    -- Reading every body costs wrk time; the ceiling run should measure the server, not the script.
    response = nil
  end
end

function delay()
  if interval_ms == 0 then return 0 end
  local now = now_ms()
  local slot = math.max(now, next_slot)
  next_slot = slot + interval_ms
  return slot - now
end

local function signed(body)
  local ts = tostring(os.time())
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = ts,
    ["X-Slack-Signature"] = "v0=" .. hex_hmac("v0:" .. ts .. ":" .. body),
  }, body)
end

function request()
  if fixed_request then return fixed_request end
  sent = sent + 1
  local unique = string.format("%s.%d.%d", run_id, thread_id, sent)
  -- Each message its own activity id: the bot handles a redelivered id once, as the Bot Framework expects.
  if mode == "teams" then
    return wrk.format("POST", nil, teams_headers, (teams_body:gsub('"id":"bench%-1"', '"id":"bench-' .. unique .. '"', 1)))
  end
  if mode == "slack-command" then
    return signed("command=%2Fincident&text=" .. urlencode('update INC-1 "bench update ' .. unique .. '"')
      .. "&user_id=U01ALICE01&user_name=alice&team_id=T0BENCH&channel_id=C0BENCH&channel_name=bench"
      .. "&response_url=" .. urlencode(response_url) .. "&trigger_id=" .. unique)
  end
  -- dana is an exec, so she sees all 12 KPIs (a card with fewer would cost less than a real one) and all spend.
  if mode == "slack-read" then
    return signed("command=" .. urlencode(read_command) .. "&text=" .. urlencode(read_text)
      .. "&user_id=U01DANA001&user_name=dana&team_id=T0BENCH&channel_id=C0BENCH&channel_name=bench"
      .. "&response_url=" .. urlencode(response_url) .. "&trigger_id=" .. unique)
  end
  -- incident.refresh redraws the card: a read the bot may repeat, so every press is accepted.
  local payload = string.format(
    '{"type":"block_actions","user":{"id":"U01ALICE01","username":"alice"},"team":{"id":"T0BENCH"},'
    .. '"trigger_id":"%s","response_url":"%s","container":{"type":"message","channel_id":"C0BENCH","message_ts":"1700000000.000100"},'
    .. '"channel":{"id":"C0BENCH"},"message":{"ts":"1700000000.000100"},'
    .. '"actions":[{"type":"button","action_id":"incident.refresh","block_id":"b","value":"{\\"incident\\":\\"INC-1\\",\\"version\\":\\"1\\"}","action_ts":"%s"}]}',
    unique, response_url, unique)
  return signed("payload=" .. urlencode(payload))
end

-- A 200 with an empty body to a slash command means the bot took it for a retry, or ran past its answer
-- budget and answers later; a read (/scoreboard, /spend) answered without what it shows was refused.
unanswered = 0 -- global: done() reads it from each thread
first_unanswered = ""
function response(status, headers, body)
  if status ~= 200 or (mode == "slack-command" and #body == 0)
    or (mode == "slack-read" and not body:find(read_expect, 1, true)) then
    unanswered = unanswered + 1
    if first_unanswered == "" then first_unanswered = string.format("HTTP %d %q", status, body:sub(1, 200)) end
  end
end

function done(summary, latency, requests)
  local bad = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local unanswered_total, first = 0, ""
  for _, thread in ipairs(threads) do
    unanswered_total = unanswered_total + (thread:get("unanswered") or 0)
    if first == "" then first = thread:get("first_unanswered") or "" end
  end
  bad = bad + unanswered_total
  if bad > 0 then
    io.stderr:write(string.format("errors: %d unanswered or not 200 (the first: %s), %d connect, %d read, %d write, %d timeout\n",
      unanswered_total, first, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  end
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, summary.requests))
end
