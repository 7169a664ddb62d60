// The outside world on loopback, for the benchmark: Slack's Web API, the Bot Framework's OpenID
// issuer (which also mints the test tokens), the Bot Connector, and an HTTPS token endpoint (MSAL
// speaks nothing but https). Node built-ins only, so it needs no install step.
//
//   node fakes.js <state dir>   reads <state dir>/ports.json and tls.{key,crt}; writes ready when listening.
'use strict';
const http = require('http');
const https = require('https');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const ports = JSON.parse(fs.readFileSync(path.join(dir, 'ports.json'), 'utf8'));
const issuerUrl = `http://127.0.0.1:${ports.issuer}`;
const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = 'bench-key-1';

// Counted so a run can show the replies really went out, not just that requests were acknowledged.
const calls = {};
const count = (name) => { calls[name] = (calls[name] || 0) + 1; };

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

// Bodies are drained before answering, so keep-alive connections stay usable.
function serve(handler) {
  return (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  };
}

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function mint(audience, serviceUrl) {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid };
  const claims = { iss: 'https://api.botframework.com', aud: audience, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 };
  const signed = `${b64url(header)}.${b64url(claims)}`;
  return `${signed}.${crypto.sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`;
}

const slackAnswers = {
  'conversations.create': () => ({ ok: true, channel: { id: `C0INC${Math.floor(Math.random() * 1e6)}`, name: 'inc' } }),
  'users.info': () => ({ ok: false, error: 'user_not_found' }),
  'users.lookupByEmail': () => ({ ok: false, error: 'users_not_found' }),
  'auth.test': () => ({ ok: true, url: 'https://bench.slack.invalid/', team: 'bench', user: 'bench', team_id: 'T0BENCH', user_id: 'U0BENCHBOT', bot_id: 'B0BENCH' }),
};

http.createServer(serve((req, res, body) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/stats') return send(res, 200, calls);
  if (url.pathname.startsWith('/response/')) { count('response_url'); return send(res, 200, { ok: true }); }
  const method = url.pathname.replace(/^\/api\//, '');
  count(method);
  // When the weekly spend report reached the FinOps channel, for scenario 10's due-to-posted time.
  if (method === 'chat.postMessage' && calls.spend_movers_at === undefined && /"text":"Spend movers for /.test(body)) calls.spend_movers_at = Date.now();
  const answer = slackAnswers[method];
  send(res, 200, answer ? answer() : { ok: true, channel: 'C0BENCH', ts: `${Date.now() / 1000}`, message_ts: `${Date.now() / 1000}` });
})).listen(ports.slack, '127.0.0.1');

http.createServer(serve((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/v1/.well-known/openidconfiguration') {
    count('openid-metadata');
    return send(res, 200, { issuer: 'https://api.botframework.com', jwks_uri: `${issuerUrl}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
  }
  if (url.pathname === '/v1/keys') {
    count('jwks');
    return send(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', kty: 'RSA', endorsements: ['msteams'] }] });
  }
  if (url.pathname === '/mint') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return res.end(mint(url.searchParams.get('aud'), url.searchParams.get('serviceurl')));
  }
  send(res, 404, { error: 'not here' });
})).listen(ports.issuer, '127.0.0.1');

http.createServer(serve((req, res) => {
  if (/^\/v3\/conversations\/[^/]+\/activities/.test(new URL(req.url, 'http://x').pathname)) {
    count(`connector ${req.method}`);
    return send(res, req.method === 'PUT' ? 200 : 201, { id: `act-${crypto.randomUUID()}` });
  }
  send(res, 404, { error: { code: 'NotFound', message: 'not on the fake Connector' } });
})).listen(ports.connector, '127.0.0.1');

https.createServer({ key: fs.readFileSync(path.join(dir, 'tls.key')), cert: fs.readFileSync(path.join(dir, 'tls.crt')) }, serve((req, res) => {
  count('token');
  send(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: `bench-${crypto.randomUUID()}` });
})).listen(ports.token, '127.0.0.1', () => fs.writeFileSync(path.join(dir, 'fakes.ready'), ''));
