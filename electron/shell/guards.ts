// Navigation, new windows and permissions for every web contents Planroom creates (applied from
// app.on('web-contents-created'), so a window added later cannot forget them):
// - a page may navigate only within the app's own origin (app://planroom); a link, a redirect or
//   a frame pointing anywhere else is stopped, and <webview> is never attached;
// - window.open and target=_blank: the app's room view (#/room) opens as its own window where the
//   app window asks for it (electron/presenterWindows.ts); an http(s) link goes to the system
//   browser; everything else (file:, javascript:, smb:, custom schemes) is denied;
// - every permission request and check is denied: Planroom needs none (see ALLOWED_PERMISSIONS).
import type { HandlerDetails, Session, WebContents } from 'electron';
import { isAppOrigin } from './appProtocol';

/** A navigation event: preventDefault stops it. */
interface Preventable {
  preventDefault(): void;
}

/** What the guards need of a WebContents. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: Preventable, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' }): void;
}

export interface OpenRules {
  /** The system browser (shell.openExternal). */
  openExternal(url: string): Promise<void> | void;
  /** The room view, when this contents may open it (the app window): true when `url` is it. */
  openRoom?(url: string): boolean;
}

/**
 * How a window.open came about. HandlerDetails carries no user-gesture flag; `disposition` is
 * Chromium's WindowOpenDisposition for the open: a link clicked or a key pressed on it
 * (target=_blank, middle or modifier click) is a foreground tab, a background tab or a new
 * window. 'default' (the current tab) and 'other' (a save, a download) are not link opens and
 * are denied. This is a weak signal (a script's window.open is a foreground tab too); what keeps
 * foreign scripts from calling it is the Content-Security-Policy (electron/shell/csp.ts).
 */
const LINK_DISPOSITIONS: ReadonlySet<HandlerDetails['disposition']> = new Set([
  'foreground-tab',
  'background-tab',
  'new-window',
]);

/** True for an http: or https: address, the only ones the system browser is given. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The window.open handler: never lets Electron open a window itself. */
export function windowOpenHandler(rules: OpenRules): (details: Pick<HandlerDetails, 'url' | 'disposition'>) => {
  action: 'deny';
} {
  return ({ url, disposition }) => {
    if (rules.openRoom?.(url)) return { action: 'deny' };
    if (isWebUrl(url) && LINK_DISPOSITIONS.has(disposition)) void rules.openExternal(url);
    return { action: 'deny' };
  };
}

/** Navigation and window rules on one web contents (no room view: the app window adds it). */
export function guardWebContents(contents: GuardedContents, rules: OpenRules): void {
  const stayInApp = (e: Preventable, url: string): void => {
    if (!isAppOrigin(url)) e.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (e) => stayInApp(e, e.url));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler({ openExternal: rules.openExternal }));
}

/**
 * The permissions Planroom grants: none. Presenter mode's full screen goes through the preload
 * (window.planroom.setFullScreen -> BrowserWindow.setFullScreen), not the Fullscreen API; files
 * are saved by downloads (no permission); nothing reads or writes the clipboard, the camera, the
 * microphone, notifications, location or devices.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

type SessionGuards = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
>;

/** Denies every permission the page asks for or Chromium checks, devices and screen capture. */
export function guardSession(session: SessionGuards): void {
  const granted = (permission: string, origin: string): boolean =>
    ALLOWED_PERMISSIONS.has(permission) && isAppOrigin(origin);
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(granted(permission, contents.getURL())),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => granted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/** Both guards, from start-up on: every web contents created, and the default session. */
export function installGuards(
  app: { on(event: 'web-contents-created', listener: (e: unknown, contents: WebContents) => void): unknown },
  session: SessionGuards,
  rules: Pick<OpenRules, 'openExternal'>,
): void {
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, rules));
  guardSession(session);
}
