// Opens the app in the system Chromium (or Chrome) as an app window; returns false when there
// is none or no display, so the caller prints the URL instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

export function openAppWindow(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  const browser = findChromium(env);
  if (!browser) return false;
  const profile = join(userDataDir(env), 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const child = spawn(
    browser,
    [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  child.on('error', () => undefined);
  child.unref();
  return true;
}
