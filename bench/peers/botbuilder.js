// The botbuilder peer: the smallest botbuilder bot that answers a Teams message, set up as its docs
// do (CloudAdapter + ConfigurationBotFrameworkAuthentication). The adapter validates the bearer JWT
// against the OpenID metadata it is given (here the bench's issuer on loopback) before the bot runs,
// and the reply goes to the activity's serviceUrl with an app token from MSAL, as in production.
//   PORT, APP_ID, OPENID_METADATA_URL, TOKEN_AUTHORITY (https://127.0.0.1:<port>/botframework.com).
'use strict';
const express = require('express');
const { ConfidentialClientApplication } = require('@azure/msal-node');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { MsalServiceClientCredentialsFactory } = require('botframework-connector');

const authority = process.env.TOKEN_AUTHORITY;
const authorityUrl = new URL(authority);
// msal-node would otherwise look the authority up on login.microsoftonline.com; the bench has no
// internet, so its metadata is given here (the same endpoint the ExecOps bot is configured with).
const msal = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.APP_ID,
    clientSecret: 'x',
    authority,
    knownAuthorities: [authorityUrl.host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    }),
  },
});

const auth = new ConfigurationBotFrameworkAuthentication(
  {
    MicrosoftAppId: process.env.APP_ID,
    MicrosoftAppType: 'MultiTenant',
    // Setting one endpoint makes the factory take all of them from here, so the rest are the public cloud's values.
    ToBotFromChannelOpenIdMetadataUrl: process.env.OPENID_METADATA_URL,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: process.env.OPENID_METADATA_URL,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ValidateAuthority: true,
  },
  new MsalServiceClientCredentialsFactory(process.env.APP_ID, msal),
);
const adapter = new CloudAdapter(auth);

class Bot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`No open incidents match "${context.activity.text}".`);
      await next();
    });
  }
}
const bot = new Bot();

// As in botbuilder's samples: a web server that parses JSON and hands the request to the adapter.
const server = express();
server.use(express.json());
server.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('botbuilder peer listening'));
