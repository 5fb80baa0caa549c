// `planroom sync`: delivers the outbox to the team hub and pulls the other laptops' events, once
// or watching; shows each target's state; sets and removes the hub, pauses and resumes a target (the HTTP
// targets' commands are in syncTargets.ts).
import type { ApiOutput } from '../../shared/api';
import { HUB_TLS } from '../../shared/calls/sync';
import { conflictOptions, conflictSubs } from './syncConflicts';
import { shownName } from '../../shared/domain/displayName';
import { envNameOf, secretNameOf } from '../../shared/sync/secretNames';
import { callApi, common, dbOption, EXIT, subcommandVerb, usage, type Io, type Subcommand, type Verb } from './core';
import { targetLines, targetOptions, targetSubs } from './syncTargets';
import { syncFolderOptions, syncFolderSub } from './syncFolder';
import { secretOptions, secretSub } from './syncSecret';

type Status = ApiOutput<'sync.status'>;

function statusLines(s: Status): string[] {
  const lines = [`laptop ${s.laptopId}`];
  if (s.targets.length === 0) {
    lines.push('no hub set: planroom sync hub --url postgres://USER@HOST:5432/DATABASE');
  }
  for (const t of s.targets) {
    if (t.kind !== 'postgres') {
      lines.push(...targetLines(t));
      if (t.lastError) lines.push(`  last error: ${t.lastError}`, `  what to do: ${t.lastErrorHint ?? '-'}`);
      continue;
    }
    lines.push(
      `${t.id} ${shownName(t.where)}${t.paused ? ' (paused)' : ''}: ${t.pending} pending, ${t.delivered} delivered, ${t.kind === 'postgres' ? `${t.pulled} pulled from other laptops` : `${t.failed} failed`}`,
      `  last success ${t.lastSuccessAt ?? 'never'}${t.nextAttemptAt ? `, next try ${t.nextAttemptAt}` : ''}${t.passwordSet ? '' : `, no password set (planroom sync secret ${t.id}, or set ${envNameOf(secretNameOf(t.id))})`}`,
    );
    if (t.lastError) lines.push(`  last error: ${t.lastError}`, `  what to do: ${t.lastErrorHint ?? '-'}`);
  }
  if (s.undeliverable > 0)
    lines.push(`${s.undeliverable} outbox entr${s.undeliverable === 1 ? 'y waits' : 'ies wait'} for a hub`);
  if (s.waiting > 0)
    lines.push(`${s.waiting} event${s.waiting === 1 ? ' waits' : 's wait'} for a cycle not on this laptop`);
  if (s.conflicts > 0)
    lines.push(`${s.conflicts} conflict${s.conflicts === 1 ? '' : 's'} to resolve: planroom sync conflicts`);
  return lines;
}

function print(io: Io, v: Record<string, unknown>, data: unknown, lines: string[]): void {
  io.out(v.json ? JSON.stringify(data, null, 2) : lines.join('\n'));
}

/** One run: exit 1 when a target failed (its error and what to do on stderr). */
async function runOnce(io: Io, v: Record<string, unknown>, force: boolean): Promise<number> {
  const runs = await callApi(io, v, 'sync.run', { force });
  if (v.json) io.out(JSON.stringify(runs, null, 2));
  let failed = false;
  for (const r of runs) {
    if (r.error) {
      failed = true;
      io.err(`${r.target}: ${r.error}\n  what to do: ${r.hint ?? '-'}`);
    } else if (!v.json) {
      io.out(`${r.target}: ${r.pushed} pushed, ${r.pulled} pulled${r.failed > 0 ? `, ${r.failed} refused` : ''}`);
    }
  }
  if (runs.length === 0 && !v.json) io.out('nothing to sync with: no hub set, or it is paused (planroom sync status)');
  return failed ? EXIT.failed : EXIT.ok;
}

/** `sync pause|resume [TARGET]`: the hub unless another target is named. */
function pauseSub(paused: boolean): Subcommand {
  return {
    usage: '[TARGET]',
    args: 1,
    async run(v, [target], io) {
      const s = await callApi(io, v, 'sync.pause', { target: target ?? 'hub', paused });
      print(io, v, s, statusLines(s));
      return EXIT.ok;
    },
  };
}

export const syncVerb: Verb = subcommandVerb('sync', {
  summary:
    'Deliver the decision log to the team hub (PostgreSQL) and the HTTP targets, and pull the other laptops’ events',
  options: {
    ...common,
    ...dbOption,
    once: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    url: { type: 'string' },
    tls: { type: 'string' },
    remove: { type: 'boolean', default: false },
    ...targetOptions,
    ...conflictOptions,
    ...syncFolderOptions,
    ...secretOptions,
  },
  default: 'run',
  subs: {
    run: {
      usage: '[--once | --watch]',
      async run(v, _args, io) {
        if (v.once && v.watch) throw usage('--once or --watch, not both');
        if (!v.watch) return runOnce(io, v, true);
        // Watching: a run, then the wait the backoff asks (at most 30 s), until interrupted.
        for (;;) {
          await runOnce(io, v, false);
          const s = await callApi(io, v, 'sync.status', {});
          const next = Math.min(...s.targets.map((t) => (t.nextAttemptAt ? Date.parse(t.nextAttemptAt) : Infinity)));
          const wait = Math.max(1000, Math.min(30_000, next - Date.now()));
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      },
    },
    status: {
      usage: '',
      async run(v, _args, io) {
        const s = await callApi(io, v, 'sync.status', {});
        print(io, v, s, statusLines(s));
        return EXIT.ok;
      },
    },
    hub: {
      usage: `--url postgres://USER@HOST:5432/DB [--tls ${HUB_TLS.join('|')}] | --remove`,
      async run(v, _args, io) {
        if (v.remove) {
          const s = await callApi(io, v, 'sync.removeHub', {});
          print(io, v, s, ['hub removed; the outbox keeps its entries', ...statusLines(s)]);
          return EXIT.ok;
        }
        if (typeof v.url !== 'string') throw usage('--url postgres://USER@HOST:5432/DB is required (or --remove)');
        const tls = v.tls as string | undefined;
        if (tls !== undefined && !(HUB_TLS as readonly string[]).includes(tls)) {
          throw usage(`--tls ${HUB_TLS.join('|')}, not "${tls.slice(0, 20)}"`);
        }
        const s = await callApi(io, v, 'sync.setHub', { url: v.url, tls: tls as (typeof HUB_TLS)[number] | undefined });
        print(io, v, s, statusLines(s));
        return EXIT.ok;
      },
    },
    secret: secretSub,
    pause: pauseSub(true),
    resume: pauseSub(false),
    ...targetSubs((io, v, s, head) => print(io, v, s, [...head, ...statusLines(s)])),
    ...conflictSubs,
    folder: syncFolderSub(statusLines),
  },
  commonUsage: '[--db FILE] [--json]',
});
