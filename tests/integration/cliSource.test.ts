// `planroom source` end to end on a temp database: set, show, test, pull, secret, remove, with
// the built command (npm run build first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDir } from '../../electron/paths';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('planroom source', () => {
  const dir = tempDir('planroom-cli-source-', 'all');
  const db = join(dir, 'p.db');
  const cli = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'planroom.cjs'), 'source', ...args, '--db', db], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: { ...process.env, PLANROOM_DB: '', PLANROOM_LOG: join(dir, 'planroom.log'), PLANROOM_SOURCE_CRM_SECRET: '' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const secret = 'tok-cli-secret-5e1d';
  const everything = (): string[] => {
    const files = [db, `${db}-wal`, join(dir, 'planroom.log')].filter((f) => existsSync(f));
    return files.map((f) => readFileSync(f, 'latin1'));
  };

  it('sets a folder connection with a schedule, shows it, tests and pulls it', () => {
    const set = cli(['set', 'ERP', '--folder', join(demoDir(), 'erp'), '--schedule', '0 6 * * 1-5']);
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/schedule: 0 6 \* \* 1-5 .*next pull 20\d\d-/);

    const show = cli(['show', 'ERP']);
    expect(show.code).toBe(0);
    expect(show.out).toContain(`folder ${join(demoDir(), 'erp')}`);
    expect(show.out).toContain('last pull: never');

    const test = cli(['test', 'ERP']);
    expect(test.code).toBe(0);
    expect(test.out).toMatch(/items: ok, items\.xlsx: \d+ columns, 5 rows read/);
    expect(test.out).toContain('ERP: the connection reads every table the profile maps');

    const pull = cli(['pull', 'ERP']);
    expect(pull.code).toBe(0);
    expect(pull.out).toMatch(/ERP: snapshot 1, 28574 rows/);
    expect(pull.out).toMatch(/pulled in [\d.]+ s \([\d,]+ rows\/s\)/);
    expect(cli(['pull', 'ERP']).out).toContain('ERP: identical to snapshot 1; nothing pulled');
    expect(cli(['show', 'ERP']).out).toMatch(/last pull: \S+ unchanged \(snapshot 1\)/);

    // Without --schedule or --no-schedule the schedule stays; --no-schedule drops it.
    expect(cli(['set', 'ERP', '--folder', join(demoDir(), 'erp')]).out).toContain('schedule: 0 6 * * 1-5');
    expect(cli(['set', 'ERP', '--folder', join(demoDir(), 'erp'), '--no-schedule']).out).toContain(
      'schedule: none (pulled on demand)',
    );
  });

  it('refuses a bad schedule and a connection file that is not one, saying what to do', () => {
    const cron = cli(['set', 'ERP', '--folder', join(demoDir(), 'erp'), '--schedule', '61 * * * *']);
    expect(cron.code).toBe(2);
    expect(cron.err).toMatch(
      /--schedule "61 \* \* \* \*": .*not a five-field cron expression.*for example "0 6 \* \* 1-5"/,
    );
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ kind: 'ftp', host: 'x' }));
    const bad = cli(['set', 'ERP', '--file', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /bad\.json is not a source connection: kind: .*\(file .*bad\.json, field kind\) — Write a connection as JSON/,
    );
    expect(cli(['set', 'ERP']).code).toBe(2);
    expect(cli(['pull', 'TMS']).err).toMatch(/TMS has no connection set.*planroom source set TMS/);
  });

  it('keeps an HTTP connection’s secret from standard input and never prints it', () => {
    const file = join(dir, 'crm.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'http',
        odata: true,
        auth: { kind: 'bearer' },
        timeoutSeconds: 5,
        retries: 0,
        maxPageMb: 8,
        tables: {
          forecasts: { url: 'http://127.0.0.1:9/odata/Forecasts', rowsPath: 'value', paging: { kind: 'odata' } },
          pipeline: { url: 'http://127.0.0.1:9/odata/Pipeline', rowsPath: 'value', paging: { kind: 'odata' } },
        },
      }),
    );
    expect(cli(['set', 'CRM', '--file', file]).code).toBe(0);
    expect(cli(['show', 'CRM']).out).toContain(
      'secret: not set (planroom source secret CRM, or set PLANROOM_SOURCE_CRM_SECRET)',
    );

    const unset = cli(['pull', 'CRM']);
    expect(unset.code).toBe(1);
    expect(unset.err).toMatch(/needs a secret.*PLANROOM_SOURCE_CRM_SECRET/);

    const flag = cli(['secret', 'CRM', '--value', secret]);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/--value is refused/);
    expect(flag.out + flag.err).not.toContain(secret);
    expect(cli(['secret', 'CRM'], '').code).toBe(2);

    const set = cli(['secret', 'CRM'], `${secret}\n`);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/CRM: secret set \(kept in .*source-crm/);
    const outputs = [set, cli(['show', 'CRM']), cli(['show', '--json']), cli(['test', 'CRM']), cli(['pull', 'CRM'])];
    expect(outputs[1]!.out).toMatch(/secret: set \(kept in/);
    for (const o of outputs) expect(o.out + o.err).not.toContain(secret);
    // Not in SQLite nor in the log either (the pull above failed: the feed is not there).
    for (const text of everything()) expect(text).not.toContain(secret);

    const removed = cli(['remove', 'CRM']);
    expect(removed.out).toContain('CRM: connection and its secret removed; its snapshots stay');
    expect(readdirSync(`${db}.secrets`)).toEqual([]);
    expect(cli(['show', 'CRM']).code).toBe(1);
    expect(cli(['remove', 'CRM']).out).toContain('CRM: had no connection');
  });
});
