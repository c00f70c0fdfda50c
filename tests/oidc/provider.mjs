// A real, independent OpenID provider for the test suite: oidc-provider 8.8.1 in its own process.
//
// Usage:
//   node provider.mjs CONFIG.json [--slow-ms N]
//
// CONFIG.json (every field optional except `clients`):
//   {
//     "port": 0,                        // 0 = let the OS pick a free port (race-free)
//     "issuer": "http://127.0.0.1:PORT",  // default; derived from the bound port
//     "clients": [{"client_id": "...", "client_secret": "...", "redirect_uris": ["..."]}],
//                                       // any other client metadata is passed through verbatim
//     "accounts": {"alice@example.org": {"name": "Alice", "groups": ["a"], "email_verified": true}},
//     "slow_ms": 0,                     // delay every response by N ms (`--slow-ms N` overrides)
//     "jwks": {"keys": [...]},          // private signing keys; default: a fresh RSA key (RS256)
//     "exit_with_parent": false         // exit when stdin reaches EOF (the harness sets this)
//   }
//
// Behaviour:
//   - listens on 127.0.0.1 only and prints one line `READY <issuer>` to stdout once listening;
//   - authorization code flow only, PKCE (S256) required for every client;
//   - scopes `openid email profile`; claims sub, email, email_verified, name and a custom `groups`
//     claim (under the `profile` scope), all placed in the ID token itself (conformIdTokenClaims:
//     false), not only in userinfo;
//   - the built-in development interactions render a login form (any login is accepted, the
//     password is ignored) and a consent form (grants whatever was requested);
//   - sub = the login string; claims come from `accounts`; unknown logins get email = login,
//     email_verified = false, no name and groups = [];
//   - ID tokens are signed RS256 with a key generated at startup; JWKS at /jwks, discovery at
//     /.well-known/openid-configuration.
// Errors are logged to stderr as single lines starting with `oidc-provider event`.

import { generateKeyPairSync, randomBytes, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

// Silence the development-only notices (dev interactions, in-memory adapter, default helpers).
// They are expected here; anything else still reaches stderr.
const QUIET = [
  /devInteractions/,
  /development-only in-memory adapter/,
  /oidc-provider NOTICE: default .* function called/,
];
for (const level of ['warn', 'info']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    const text = args.map(String).join(' ');
    if (QUIET.some((pattern) => pattern.test(text))) return;
    original(...args);
  };
}

const { default: Provider } = await import('oidc-provider');

function parseArgs(argv) {
  let configPath;
  let slowMs;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--slow-ms') {
      slowMs = Number(argv[(i += 1)]);
    } else if (arg.startsWith('--slow-ms=')) {
      slowMs = Number(arg.slice('--slow-ms='.length));
    } else if (!configPath) {
      configPath = arg;
    } else {
      throw new Error(`unexpected argument ${arg}`);
    }
  }
  if (!configPath) throw new Error('usage: node provider.mjs CONFIG.json [--slow-ms N]');
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  if (slowMs !== undefined) config.slow_ms = slowMs;
  if (!Number.isFinite(Number(config.slow_ms ?? 0))) throw new Error('slow_ms must be a number');
  return config;
}

function signingKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${jwk.e}.${jwk.n}`).digest('base64url').slice(0, 16);
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

const config = parseArgs(process.argv.slice(2));
const accounts = config.accounts ?? {};
const slowMs = Number(config.slow_ms ?? 0);

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(Number(config.port ?? 0), '127.0.0.1', resolve);
});
const issuer = config.issuer ?? `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: config.clients ?? [],
  jwks: config.jwks ?? signingKeys(),
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  responseTypes: ['code'],
  pkce: { methods: ['S256'], required: () => true },
  scopes: ['openid', 'email', 'profile'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: true },
  },
  async findAccount(ctx, sub) {
    const known = accounts[sub] ?? {};
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email: known.email ?? sub,
          email_verified: known.email_verified ?? false,
          ...(known.name !== undefined ? { name: known.name } : {}),
          groups: known.groups ?? [],
        };
      },
    };
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    const text = Object.entries(out).map(([key, value]) => `${key}: ${value}`).join('\n');
    ctx.body = `<!DOCTYPE html><html><body><pre id="error">${text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')}</pre></body></html>`;
  },
});

if (slowMs > 0) {
  provider.use(async (ctx, next) => {
    await sleep(slowMs);
    await next();
  });
}

for (const event of [
  'server_error', 'authorization.error', 'grant.error', 'userinfo.error', 'jwks.error',
  'discovery.error', 'end_session.error', 'introspection.error', 'revocation.error',
  'interaction.error', 'check_session_origin.error',
]) {
  provider.on(event, (ctx, err) => {
    const detail = err?.error_description ? `${err.message}: ${err.error_description}` : err?.stack;
    console.error(`oidc-provider event ${event} ${ctx?.method} ${ctx?.path}: ${detail}`);
  });
}

server.on('request', provider.callback());
server.removeAllListeners('error');
server.on('error', (err) => console.error(`oidc-provider server error: ${err.stack}`));

function shutdown() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (config.exit_with_parent) {
  process.stdin.on('data', () => {});
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
}

process.stdout.write(`READY ${issuer}\n`);
