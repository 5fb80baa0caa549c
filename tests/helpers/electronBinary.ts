import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary's path when it was downloaded; undefined on machines without it. */
export function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
