// Opens the app in the system Chromium (or Chrome) as an app window; returns undefined when
// there is none or no display, so the caller prints the sign-in address instead. The address
// carries the launch's one-time code, and every user can read a process's command line: so the
// browser is given a launch page instead, readable by this user only, that goes on to the
// address. The caller removes it once the code has been used.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { userDataDir } from './paths';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PLANROOM_BROWSER) return existsSync(env.PLANROOM_BROWSER) ? env.PLANROOM_BROWSER : undefined;
  return (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p));
}

/** Writes the page that sends a browser on to `loginUrl`, mode 0600 in a 0700 folder; its path. */
export function writeLaunchPage(loginUrl: string, folder: string): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const file = join(folder, `open-${process.pid}.html`);
  rmSync(file, { force: true });
  const href = loginUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}">` +
      `<title>Planroom</title><p>Opening Planroom… <a href="${href}">continue</a></p>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return file;
}

/** Opens an app window signed in with `loginUrl`; returns the launch page to remove, or undefined. */
export function openAppWindow(loginUrl: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  const browser = findChromium(env);
  if (!browser) return undefined;
  const profile = join(userDataDir(env), 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const page = writeLaunchPage(loginUrl, join(userDataDir(env), 'launch'));
  const child = spawn(
    browser,
    [
      `--app=${pathToFileURL(page).href}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
    ],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  child.on('error', () => undefined);
  child.unref();
  return page;
}
