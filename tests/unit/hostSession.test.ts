import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookieValue, createHostSession, sameSecret } from '../../electron/hostSession';

const request = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;

describe('host session', () => {
  it('gives the cookie once, for the right code only, and knows its owner by it', () => {
    const a = createHostSession(5170);
    expect(a.exchange(null)).toBeUndefined();
    expect(a.exchange(`${a.code}x`)).toBeUndefined();
    const cookie = a.exchange(a.code)!;
    expect(cookie).toMatch(/^planroom_5170=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(a.exchange(a.code)).toBeUndefined();
    const pair = cookie.split(';')[0]!;
    expect(a.isOwner(request(`theme=dark; ${pair}`))).toBe(true);
    expect(a.isOwner(request())).toBe(false);
    expect(a.isOwner(request(`${pair}x`))).toBe(false);
    // Each launch has its own secret and code.
    const b = createHostSession(5170);
    expect(b.code).not.toBe(a.code);
    expect(b.isOwner(request(pair))).toBe(false);
  });

  it('reads one cookie of a header, and compares secrets of any length', () => {
    expect(cookieValue('a=1; planroom_1=xyz; b=2', 'planroom_1')).toBe('xyz');
    expect(cookieValue('xplanroom_1=xyz', 'planroom_1')).toBeUndefined();
    expect(cookieValue(undefined, 'a')).toBeUndefined();
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });
});
