import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A session lasts 30 days; after that the login URL `tend serve` prints signs in again. */
const SESSION_MS = 30 * 86_400_000;

export interface WebSessions {
  /** The cookie's name: one per port, so two servers on one machine keep their own sessions. */
  cookieName: string;
  /** A new one-time login token (the URL `tend serve` prints carries it). */
  loginToken(): string;
  /** The session cookie's value for a login token not used yet; null for a used or unknown token. */
  redeem(token: string): string | null;
  valid(cookie: string | undefined): boolean;
}

const mac = (secret: Buffer, text: string) =>
  createHmac('sha256', secret).update(`tend-session:${text}`).digest('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sessions signed with the installation's secret (services/serve-secret.ts): the cookie is
 * `issuedAt.random.mac`, so it survives a restart of the server and nothing is stored for it.
 */
export function createWebSessions(secret: Buffer, port: number, clock: () => number = Date.now): WebSessions {
  const unused = new Set<string>();
  return {
    cookieName: `tend_session_${port}`,
    loginToken() {
      const token = randomBytes(24).toString('base64url');
      unused.add(token);
      return token;
    },
    redeem(token) {
      if (!unused.delete(token)) return null;
      const body = `${clock()}.${randomBytes(16).toString('base64url')}`;
      return `${body}.${mac(secret, body)}`;
    },
    valid(cookie) {
      if (!cookie) return false;
      const parts = cookie.split('.');
      if (parts.length !== 3) return false;
      const [issued = '', random = '', signature = ''] = parts;
      if (!sameText(signature, mac(secret, `${issued}.${random}`))) return false;
      const age = clock() - Number(issued);
      return Number.isFinite(age) && age >= 0 && age < SESSION_MS;
    },
  };
}
