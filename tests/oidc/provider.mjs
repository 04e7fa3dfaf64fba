// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the tests of
// signing in with an organisation's identity provider (tests/accounts/test_oidc.py).
//
// Environment:
//   PORT           port on 127.0.0.1 to listen on
//   CLIENT_ID      the one client, with CLIENT_SECRET and REDIRECT_URI (the Django callback)
//   STATE_FILE     JSON file read on every request, so a test changes it between sign-ins:
//                  {"users": {"<login>": {"password", "sub", "email", "name", "groups",
//                                         "amr", "acr"}},
//                   "id_token": "normal" | "forged" | "tampered" | "expired" | "audience"}
//   "id_token" other than "normal" rewrites the ID token in the token response: signed with
//   another key under the provider's key id (forged), a changed payload under the original
//   signature (tampered), or signed with the provider's own key but expired or for another
//   client (audience).
//
// The login screen is our own minimal interaction: a form with login and password; the login
// result carries the user's amr and acr, which end up in the ID token. Consent is implied.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const state = () => JSON.parse(fs.readFileSync(process.env.STATE_FILE, 'utf8'));

const b64url = (data) => Buffer.from(data).toString('base64url');

function signingKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey;
}

const providerKey = signingKey();
const kid = 'test-key';
const jwk = { ...providerKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

function signJwt(header, payload, key) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = crypto.sign('sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

function rewriteIdToken(token, mode) {
  const [rawHeader, rawPayload, signature] = token.split('.');
  const header = JSON.parse(Buffer.from(rawHeader, 'base64url'));
  const payload = JSON.parse(Buffer.from(rawPayload, 'base64url'));
  const now = Math.floor(Date.now() / 1000);
  switch (mode) {
    case 'forged':
      return signJwt(header, payload, signingKey());
    case 'tampered':
      return `${rawHeader}.${b64url(JSON.stringify({ ...payload, sub: 'someone-else' }))}.${signature}`;
    case 'expired':
      return signJwt(header, { ...payload, iat: now - 7200, exp: now - 3600 }, providerKey);
    case 'audience':
      return signJwt(header, { ...payload, aud: 'another-client' }, providerKey);
    default:
      return token;
  }
}

const configuration = {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: [process.env.REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: ['tests-only-cookie-key'] },
  claims: {
    // amr and acr with the openid scope: every ID token says how the user signed in.
    openid: ['sub', 'amr', 'acr'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
    groups: ['groups'],
    auth_time: null,
    sid: null,
    iss: null,
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const user = Object.values(state().users).find((each) => each.sub === id);
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        const [given, ...family] = (user.name || '').split(' ');
        return {
          sub: id,
          email: user.email,
          email_verified: true,
          name: user.name,
          given_name: given,
          family_name: family.join(' '),
          groups: user.groups || [],
        };
      },
    };
  },
  // Consent is implied (a first-party client): a grant for what the client asked.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);

provider.use(async (ctx, next) => {
  await next();
  const mode = state().id_token || 'normal';
  if (ctx.path === '/token' && ctx.body?.id_token && mode !== 'normal') {
    ctx.body = { ...ctx.body, id_token: rewriteIdToken(ctx.body.id_token, mode) };
  }
});

const page = (body) => `<!doctype html><html lang="nl"><head><title>Test-IdP</title></head>
<body><h1>Test-identiteitsprovider</h1>${body}</body></html>`;

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const action = `/interaction/${details.uid}`;
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page(`<form method="post" action="${escape(action)}">
      <label>Gebruikersnaam <input name="login"></label>
      <label>Wachtwoord <input name="password" type="password"></label>
      <button type="submit">Inloggen</button></form>`));
    return;
  }
  const form = await readForm(req);
  const user = state().users[form.get('login')];
  if (!user || user.password !== form.get('password')) {
    res.statusCode = 401;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page('<p>Onbekende gebruiker of verkeerd wachtwoord.</p>'));
    return;
  }
  const login = { accountId: user.sub, amr: user.amr || ['pwd'] };
  if (user.acr) login.acr = user.acr;
  await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  } else {
    callback(req, res);
  }
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${issuer}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
