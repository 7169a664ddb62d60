// The durable Bolt peer: the Bolt peer as a team building on Bolt would ship it, writing each
// `/incident update` to SQLite before it acknowledges, so an answered update survives a crash.
// better-sqlite3 in WAL mode with synchronous=FULL: every commit is on disk before the answer goes.
// It keeps the update and its timeline row, one transaction per command; no outbox, inbox or audit.
// With SLACK_APP_TOKEN it takes the same commands over Socket Mode instead (Bolt's own SocketModeReceiver), the peer of
// the bot's Socket Mode receiver.
//   PORT, SLACK_SIGNING_SECRET, SLACK_API_URL, DB (the SQLite file to create); SLACK_APP_TOKEN for Socket Mode.
'use strict';
const { App } = require('@slack/bolt');
const Database = require('better-sqlite3');

const db = new Database(process.env.DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS incidents (id TEXT PRIMARY KEY, updates INTEGER NOT NULL, last_update TEXT);
         CREATE TABLE IF NOT EXISTS timeline (seq INTEGER PRIMARY KEY AUTOINCREMENT, incident TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, text TEXT NOT NULL);`);
const upsert = db.prepare(`INSERT INTO incidents (id, updates, last_update) VALUES (?, 1, ?)
                           ON CONFLICT (id) DO UPDATE SET updates = updates + 1, last_update = excluded.last_update`);
const note = db.prepare('INSERT INTO timeline (incident, at, actor, text) VALUES (?, ?, ?, ?)');
const update = db.transaction((id, actor, text) => {
  upsert.run(id, text);
  note.run(id, new Date().toISOString(), actor, text);
});

const clientOptions = { slackApiUrl: process.env.SLACK_API_URL };
const app = new App(process.env.SLACK_APP_TOKEN
  // Bolt's Socket Mode client finds apps.connections.open through the installer's client options.
  ? { token: 'xoxb-bench', appToken: process.env.SLACK_APP_TOKEN, socketMode: true, clientOptions, installerOptions: { clientOptions } }
  : { signingSecret: process.env.SLACK_SIGNING_SECRET, token: 'xoxb-bench', clientOptions, endpoints: '/api/slack/commands' });

app.command('/incident', async ({ command, ack }) => {
  const [verb, id, ...rest] = command.text.split(' ');
  const text = rest.join(' ').replace(/"/g, '');
  update(id, command.user_id, text);
  await ack({ response_type: 'in_channel', text: `${id} · ${verb}: ${text} (by <@${command.user_id}>)` });
});

(process.env.SLACK_APP_TOKEN ? app.start() : app.start(Number(process.env.PORT))).then(() => console.log('durable bolt peer listening'));
