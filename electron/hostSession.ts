// The HTTP host answers only its owner: a per-launch secret, handed to the owner's browser as an
// HttpOnly, SameSite=Strict cookie in exchange for a one-time code that `planroom serve` prints
// (or passes to the browser it opens). Another local process or OS user can reach the port, but
// not the printed code or the cookie.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface HostSession {
  /** The one-time code of the login address, until it has been used. */
  readonly code: string;
  /** The cookie's name: per port, as browsers share cookies between the ports of one host. */
  readonly cookieName: string;
  /** Exchanges the one-time code for the Set-Cookie header value; undefined once used or wrong. */
  exchange(code: string | null): string | undefined;
  /** True when the request carries the session cookie. */
  isOwner(req: IncomingMessage): boolean;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Compares two secrets in time independent of where they differ (equal-length digests). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function createHostSession(port: number): HostSession {
  const secret = randomBytes(32).toString('base64url');
  const code = randomBytes(24).toString('base64url');
  const cookieName = `planroom_${port}`;
  let codeUsed = false;
  return {
    code,
    cookieName,
    exchange(given) {
      if (codeUsed || given === null || !sameSecret(given, code)) return undefined;
      codeUsed = true;
      return `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
    },
    isOwner(req) {
      const value = cookieValue(req.headers.cookie, cookieName);
      return value !== undefined && sameSecret(value, secret);
    },
  };
}

/** The value of one cookie in a Cookie header (`a=1; b=2`). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
