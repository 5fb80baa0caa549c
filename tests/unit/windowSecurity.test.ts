// The main process's window security without an Electron binary: the one webPreferences, the
// Content-Security-Policy (the header constant, the HTTP host's header, index.html's meta), the
// navigation / window.open / permission guards on fake web contents and sessions, and the
// app:// protocol handler on a real folder, refusing paths that would leave it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SECURITY_HEADERS } from '../../electron/host';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  appFilePath,
  appProtocolHandler,
  isAppOrigin,
} from '../../electron/shell/appProtocol';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CSP } from '../../electron/shell/csp';
import {
  guardSession,
  guardWebContents,
  installGuards,
  windowOpenHandler,
  type GuardedContents,
} from '../../electron/shell/guards';
import { secureWebPreferences } from '../../electron/shell/webPreferences';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('webPreferences', () => {
  it('turns every checklist item to its safe value, with the preload when asked', () => {
    const prefs = secureWebPreferences({ preload: '/app/dist/preload.cjs' });
    expect(prefs).toEqual({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      javascript: true,
    });
  });

  it('gives the PDF printer no preload and no JavaScript, and the rest unchanged', () => {
    const prefs = secureWebPreferences({ javascript: false });
    expect(prefs.preload).toBeUndefined();
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
  });
});

describe('the Content-Security-Policy', () => {
  const directive = (name: string) => CSP_DIRECTIVES.find((d) => d.split(' ')[0] === name);

  it("is strict: no eval, no wildcard, only the app's own scripts, no plugins, no framing", () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    const sources = CSP_DIRECTIVES.flatMap((d) => d.split(' ').slice(1));
    expect(sources.filter((s) => s.includes('*') || s === 'http:' || s === 'https:' || s === 'blob:')).toEqual([]);
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('form-action')).toBe("form-action 'none'");
  });

  it('is the one the HTTP host sends and the one in index.html (without frame-ancestors, which a meta cannot carry)', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const metas = [...html.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
    expect(metas.map((m) => m[1])).toEqual([META_CSP]);
    expect(META_CSP).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CSP)).toBe(true);
  });
});

/** A web contents that records its listeners; `fire` runs one and says whether it was prevented. */
function fakeContents() {
  const on = new Map<string, (...args: never[]) => void>();
  let openHandler: ((d: { url: string; disposition: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, fn: (...args: never[]) => void) => on.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
  };
  return {
    contents: contents as unknown as GuardedContents,
    /** True when the listener prevented the event. */
    fire(event: string, url: string): boolean {
      let prevented = false;
      const e = { preventDefault: () => (prevented = true), url };
      (on.get(event) as (e: unknown, url: string) => void)(e, url);
      return prevented;
    },
    open: (url: string, disposition = 'foreground-tab') => openHandler!({ url, disposition }),
  };
}

describe('navigation guards', () => {
  it("lets a page move within the app's origin only, and never attaches a webview", () => {
    const openExternal = vi.fn();
    const c = fakeContents();
    guardWebContents(c.contents, { openExternal });
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(c.fire(event, `${APP_INDEX_URL}#/data`), event).toBe(false);
      expect(c.fire(event, 'https://example.com/'), event).toBe(true);
      expect(c.fire(event, 'file:///etc/passwd'), event).toBe(true);
      expect(c.fire(event, 'app://evil/index.html'), event).toBe(true);
      expect(c.fire(event, 'javascript:alert(1)'), event).toBe(true);
      expect(c.fire(event, 'not a url'), event).toBe(true);
    }
    expect(c.fire('will-attach-webview', '')).toBe(true);
  });

  it('sends clicked http(s) links to the system browser, denies every window and every other scheme', () => {
    const openExternal = vi.fn();
    const c = fakeContents();
    guardWebContents(c.contents, { openExternal });
    expect(c.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(c.open('http://intranet.local/sop', 'background-tab')).toEqual({ action: 'deny' });
    expect(c.open('https://example.com/new', 'new-window')).toEqual({ action: 'deny' });
    // Not from a link (the current tab, a save): nothing opens.
    c.open('https://example.com/default', 'default');
    c.open('https://example.com/other', 'other');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'data:text/html,x',
    ])
      expect(c.open(url)).toEqual({ action: 'deny' });
    // A room view from a window that may not open one (no openRoom): denied, not external.
    c.open(`${APP_INDEX_URL}#/room`);
    expect(openExternal.mock.calls).toEqual([
      ['https://example.com/help'],
      ['http://intranet.local/sop'],
      ['https://example.com/new'],
    ]);
  });

  it('opens the room view where allowed, whatever the disposition, and never hands it to the browser', () => {
    const openExternal = vi.fn();
    const openRoom = vi.fn((url: string) => url === `${APP_INDEX_URL}#/room`);
    const handler = windowOpenHandler({ openExternal, openRoom });
    expect(handler({ url: `${APP_INDEX_URL}#/room`, disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(openRoom).toHaveBeenCalledWith(`${APP_INDEX_URL}#/room`);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('guards every web contents created from then on', () => {
    let created: ((e: unknown, contents: never) => void) | undefined;
    const app = { on: (_event: string, fn: typeof created) => (created = fn) };
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    };
    installGuards(app as never, session as never, { openExternal: vi.fn() });
    const c = fakeContents();
    created!({}, c.contents as never);
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every request and check, devices and screen capture', () => {
    const set: Record<string, (...args: never[]) => unknown> = {};
    const session = new Proxy(
      {},
      { get: (_t, name: string) => (fn: (...args: never[]) => unknown) => (set[name] = fn) },
    );
    guardSession(session as never);
    const app = { getURL: () => `${APP_INDEX_URL}#/meeting` };
    for (const permission of [
      'media',
      'fullscreen',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'geolocation',
      'openExternal',
      'unknown',
    ]) {
      const callback = vi.fn();
      (set.setPermissionRequestHandler as (...a: unknown[]) => void)(app, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(
        (set.setPermissionCheckHandler as (...a: unknown[]) => boolean)(app, permission, 'app://planroom', {}),
        permission,
      ).toBe(false);
    }
    expect((set.setDevicePermissionHandler as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
    const streams = vi.fn();
    (set.setDisplayMediaRequestHandler as (...a: unknown[]) => void)({}, streams);
    expect(streams).toHaveBeenCalledWith(null);
  });
});

describe('the app:// protocol', () => {
  const dir = tempDir('planroom-protocol-', 'all');
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Planroom</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'the hub password');
  writeFileSync(join(dir, 'renderer-evil.txt'), 'outside');
  const handler = appProtocolHandler(root);
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('is a standard, secure scheme, and its own origin', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(isAppOrigin(`${APP_INDEX_URL}#/room`)).toBe(true);
    expect(isAppOrigin('app://planroom.evil/index.html')).toBe(false);
    expect(isAppOrigin('file:///index.html')).toBe(false);
  });

  it("serves the renderer's files with their type and the Content-Security-Policy", async () => {
    const index = await get(APP_INDEX_URL);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    await expect(index.text()).resolves.toContain('<title>Planroom</title>');
    const script = await get('app://planroom/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://planroom/')).status).toBe(200);
  });

  it('refuses paths that leave the folder, other hosts, folders, missing files and writes', async () => {
    const refused = [
      'app://planroom/%2e%2e/secret.txt',
      'app://planroom/..%2fsecret.txt',
      'app://planroom/assets/..%2f..%2fsecret.txt',
      'app://planroom/..%5csecret.txt',
      'app://planroom/%2e%2e%2frenderer-evil.txt',
      'app://planroom/index.html%00.js',
      'app://planroom/%E0%A4%A',
      'app://planroom/assets/',
      'app://planroom/missing.js',
      'app://evil/index.html',
    ];
    for (const url of refused) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      await expect(r.text(), url).resolves.not.toMatch(/hub password|outside/);
    }
    expect(appFilePath(root, 'app://planroom/..%2fsecret.txt')).toBeNull();
    expect(appFilePath(root, 'app://planroom/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });
});
