/**
 * A small OpenID Connect provider for tests, on loopback: discovery, JWKS,
 * an authorization endpoint that approves at once as the subject the test
 * chose, and a token endpoint that checks the client secret, the redirect
 * URI and the PKCE verifier before it signs an ID token (RS256, jose).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export interface TestIssuer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Who "signs in" at the next authorization request. */
  subject: string;
  /** Token requests refused, with the reason (for assertions). */
  refusals: string[];
  close(): Promise<void>;
}

interface IssuedCode {
  subject: string;
  nonce: string;
  challenge: string;
  redirectUri: string;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  let server: Server;
  const issuer: TestIssuer = {
    url: '',
    clientId: 'sop-studio',
    clientSecret: randomBytes(16).toString('hex'),
    subject: 'pegawai-001',
    refusals: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  server = createServer(async (req, res) => {
    // No keep-alive: a client reusing a socket the server is just closing would see ECONNRESET.
    res.setHeader('connection', 'close');
    const url = new URL(req.url ?? '/', issuer.url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: issuer.url,
        authorization_endpoint: `${issuer.url}/authorize`,
        token_endpoint: `${issuer.url}/token`,
        jwks_uri: `${issuer.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== issuer.clientId || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || !p.get('nonce')) {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, { subject: issuer.subject, nonce: p.get('nonce')!, challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')! });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const basic = req.headers.authorization?.startsWith('Basic ')
        ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      const refuse = (reason: string) => {
        issuer.refusals.push(reason);
        return json(400, { error: 'invalid_grant', error_description: reason });
      };
      if (basic[0] !== issuer.clientId || basic[1] !== issuer.clientSecret) return refuse('client authentication');
      const issued = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!issued) return refuse('unknown or used code');
      if (form.get('redirect_uri') !== issued.redirectUri) return refuse('redirect_uri');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) return refuse('PKCE verifier');
      const idToken = await new SignJWT({ nonce: issued.nonce })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .setIssuer(issuer.url)
        .setAudience(issuer.clientId)
        .setSubject(issued.subject)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  issuer.url = `http://127.0.0.1:${address.port}`;
  return issuer;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
