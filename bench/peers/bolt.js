// The Bolt peer: the smallest @slack/bolt app that answers `/incident update` the way the bot does,
// in the HTTP response. Bolt's own receiver verifies the v0 signature and the timestamp window
// before the handler runs, as its docs set it up; nothing here turns that off.
//   PORT, SLACK_SIGNING_SECRET, SLACK_API_URL (the fake Web API; Bolt checks its token there once).
'use strict';
const { App } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: 'xoxb-bench',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  endpoints: '/api/slack/commands',
});

app.command('/incident', async ({ command, ack }) => {
  const [verb, id, ...rest] = command.text.split(' ');
  await ack({ response_type: 'in_channel', text: `${id} · ${verb}: ${rest.join(' ').replace(/"/g, '')} (by <@${command.user_id}>)` });
});

app.start(Number(process.env.PORT)).then(() => console.log('bolt peer listening'));
