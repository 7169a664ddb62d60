// Slack's side of Socket Mode on loopback, for the benchmark. It answers the Web API (apps.connections.open with a
// ws:// URL to itself, auth.test, and ok to the rest, as fakes.js does) and greets each connection with hello. Asked
// with POST /go?rate=R&warm=W&seconds=S, it sends slash_commands envelopes at R a second, spread over the open
// connections, for W seconds unmeasured and then S measured, timing each from the send to its acknowledgement, and
// answers with the result once the last ack is in. An envelope counts as an error when its ack carries no answer naming INC-1 (it was taken for
// a retry, or answered later) or when no ack comes within 5 s. The envelope is the recorded one in
// tests/external/slack-socket-mode, with the bench's command put in.
//
//   node socket-mode.js <state dir> <port>     writes <state dir>/socket.ready when listening
// GET /connections answers how many are open; /go answers RESULT <envelopes/s> <p50 ms> <p99 ms> <max ms> <errors> <envelopes>.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const WebSocket = require(path.join(__dirname, '..', 'peers', 'node_modules', 'ws'));

const [dir, port] = process.argv.slice(2);
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'external', 'slack-socket-mode', 'slash_commands.json'), 'utf8'));
const hello = fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'external', 'slack-socket-mode', 'hello.json'), 'utf8');

function send(res, body) {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/connections') return send(res, sockets.length);
    if (url.pathname === '/go') return run(Number(url.searchParams.get('rate')), Number(url.searchParams.get('warm')), Number(url.searchParams.get('seconds')), res);
    const method = url.pathname.replace(/^\/api\//, '');
    if (method === 'apps.connections.open') return send(res, { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${Date.now()}` });
    if (method === 'auth.test') return send(res, { ok: true, url: 'https://bench.slack.invalid/', team: 'bench', user: 'bench', team_id: 'T0BENCH', user_id: 'U0BENCHBOT', bot_id: 'B0BENCH' });
    if (method === 'conversations.create') return send(res, { ok: true, channel: { id: `C0INC${Math.floor(Math.random() * 1e6)}`, name: 'inc' } });
    if (method === 'users.info') return send(res, { ok: false, error: 'user_not_found' });
    send(res, { ok: true, channel: 'C0BENCH', ts: `${Date.now() / 1000}`, message_ts: `${Date.now() / 1000}` });
  });
});

const sockets = [];
const pending = new Map();
let latencies = [], errors = 0, sent = 0, next = 0;

const wss = new WebSocket.Server({ server });
wss.on('connection', (socket) => {
  socket.send(hello);
  sockets.push(socket);
  socket.on('close', () => sockets.splice(sockets.indexOf(socket), 1));
  socket.on('message', (data) => {
    const ack = JSON.parse(data.toString());
    const started = pending.get(ack.envelope_id);
    if (started === undefined) return;
    pending.delete(ack.envelope_id);
    if (!started.measured) return;
    const text = ack.payload && ack.payload.text;
    if (typeof text !== 'string' || !text.includes('INC-1')) {
      if (errors++ === 0) console.error(`the first ack without the answer: ${data.toString().slice(0, 300)}`);
    }
    else latencies.push(Number(process.hrtime.bigint() - started.at) / 1e6);
  });
});

function envelope(n) {
  const message = structuredClone(recorded);
  message.envelope_id = `bench-${process.pid}-${n}`;
  Object.assign(message.payload, {
    command: '/incident', text: `update INC-1 "socket update ${n}"`, user_id: 'U01ALICE01', user_name: 'alice',
    team_id: 'T0BENCH', channel_id: 'C0BENCH', trigger_id: `socket.${process.pid}.${n}`,
  });
  return message;
}

function run(rate, warmSeconds, measureSeconds, res) {
  latencies = [], errors = 0, sent = 0;
  pending.clear();
  const interval = 1000 / rate;
  const warmEnd = warmSeconds * 1000, end = warmEnd + measureSeconds * 1000;
  const start = Date.now(), first = next;
  let n = 0;
  const tick = () => {
    const elapsed = Date.now() - start;
    // Every envelope whose slot has come goes now, so a slow tick sends a burst rather than lowering the rate.
    while (n * interval <= Math.min(elapsed, end)) {
      // Numbered across runs: the same envelope again would be a redelivery, which the bot rightly takes in once.
      const message = envelope(first + n);
      const measured = n * interval >= warmEnd;
      pending.set(message.envelope_id, { at: process.hrtime.bigint(), measured });
      if (measured) sent++;
      sockets[n % sockets.length].send(JSON.stringify(message));
      n++;
      next++;
    }
    if (elapsed < end) setTimeout(tick, 1);
    else setTimeout(() => finish(measureSeconds, res), 5000);
  };
  tick();
}

function finish(measureSeconds, res) {
  for (const started of pending.values()) if (started.measured) errors++;
  latencies.sort((a, b) => a - b);
  const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : 0).toFixed(2);
  const line = `RESULT ${(latencies.length / measureSeconds).toFixed(0)} ${at(0.5)} ${at(0.99)} ${at(1)} ${errors} ${sent}`;
  console.log(line);
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(line + '\n');
}

server.listen(Number(port), '127.0.0.1', () => fs.writeFileSync(path.join(dir, 'socket.ready'), ''));
