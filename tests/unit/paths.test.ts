import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDbPath } from '../../electron/paths';
import { tempDir } from '../helpers/tmp';

describe.runIf(process.platform === 'linux')('database path', () => {
  it('prefers --db, then PLANROOM_DB, then the user data folder, created on first run', () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home, PLANROOM_DB: '' };
    expect(resolveDbPath('/x/flag.db', { ...env, PLANROOM_DB: '/x/env.db' })).toBe('/x/flag.db');
    expect(resolveDbPath(undefined, { ...env, PLANROOM_DB: '/x/env.db' })).toBe('/x/env.db');
    expect(existsSync(join(home, 'Planroom'))).toBe(false);
    expect(resolveDbPath(undefined, env)).toBe(join(home, 'Planroom', 'planroom.db'));
    expect(existsSync(join(home, 'Planroom'))).toBe(true);
  });
});
