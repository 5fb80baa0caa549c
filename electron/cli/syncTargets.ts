// `planroom sync http | target remove | retry`: HTTP write-back targets from the command line
// (issue 17 item 3), and their lines in `planroom sync status`. Flags are checked here first so
// a mistake names the flag (exit 2); the service checks the same settings again when saved.
import { readFileSync } from 'node:fs';
import type { ApiInput, ApiOutput, SyncTargetStatusT } from '../../shared/api';
import { OUTBOX_KINDS } from '../../shared/calls/sync';
import { shownName } from '../../shared/domain/displayName';
import { checkBodyTemplate } from '../../shared/sync/bodyTemplate';
import { envNameOf } from '../secrets/secretStore';
import { callApi, CallFailed, EXIT, usage, type Io, type Subcommand } from './core';

type Status = ApiOutput<'sync.status'>;
type HttpInput = Extract<ApiInput<'sync.setTarget'>, { kind: 'http' }>;

export const targetOptions = {
  id: { type: 'string' },
  method: { type: 'string' },
  auth: { type: 'string' },
  username: { type: 'string' },
  header: { type: 'string', multiple: true },
  template: { type: 'string', multiple: true },
  timeout: { type: 'string' },
} as const;

const METHODS = ['POST', 'PATCH'] as const;
const AUTHS = ['none', 'bearer', 'basic'] as const;

function oneOf<T extends string>(v: unknown, flag: string, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!(allowed as readonly string[]).includes(s))
    throw usage(`--${flag} ${allowed.join('|')}, not "${shownName(s, 20)}"`);
  return s as T;
}

/** `--template KIND=FILE`: each file read and checked, so a bad one names its flag, line and column. */
function templatesOf(values: unknown): HttpInput['templates'] {
  const list = (values as string[] | undefined) ?? [];
  if (list.length === 0) throw usage(`--template KIND=FILE is required (KIND: ${OUTBOX_KINDS.join(', ')})`);
  const templates: HttpInput['templates'] = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    const kind = item.slice(0, Math.max(eq, 0));
    if (eq < 1 || !(OUTBOX_KINDS as readonly string[]).includes(kind)) {
      throw usage(`--template "${shownName(item, 60)}": write KIND=FILE with KIND one of ${OUTBOX_KINDS.join(', ')}`);
    }
    const file = item.slice(eq + 1);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw usage(`--template ${kind}=${shownName(file, 100)}: cannot read it (${(e as NodeJS.ErrnoException).code})`);
    }
    const problem = checkBodyTemplate(text);
    if (problem) {
      throw usage(
        `--template ${kind}=${shownName(file, 100)}: ${problem.message} at line ${problem.line}, column ${problem.column}`,
      );
    }
    templates[kind as keyof HttpInput['templates']] = text;
  }
  return templates;
}

function headersOf(values: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const item of (values as string[] | undefined) ?? []) {
    const colon = item.indexOf(':');
    if (colon < 1) throw usage(`--header "${shownName(item, 60)}": write NAME:VALUE`);
    headers[item.slice(0, colon).trim()] = item.slice(colon + 1).trim();
  }
  return headers;
}

function timeoutOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const s = Number(v);
  if (!/^\d+(\.\d+)?$/.test(String(v)) || s < 1 || s > 120) {
    throw usage(`--timeout is seconds from 1 to 120, not "${shownName(String(v), 20)}"`);
  }
  return Math.round(s * 1000);
}

/** The contract's fields that this command's flags feed, for a refusal of the service. */
const FLAG_OF: Record<string, string> = {
  id: 'id',
  url: 'url',
  username: 'username',
  headers: 'header',
  templates: 'template',
  timeoutMs: 'timeout',
};

async function setHttp(io: Io, v: Record<string, unknown>): Promise<Status> {
  if (typeof v.id !== 'string') throw usage('--id NAME is required (lower-case letters, digits, dashes)');
  if (typeof v.url !== 'string') throw usage('--url https://HOST/PATH is required');
  const input: HttpInput = {
    kind: 'http',
    id: v.id,
    url: v.url,
    method: oneOf(v.method, 'method', METHODS),
    auth: oneOf(v.auth, 'auth', AUTHS),
    username: typeof v.username === 'string' ? v.username : undefined,
    headers: headersOf(v.header),
    templates: templatesOf(v.template),
    timeoutMs: timeoutOf(v.timeout),
  };
  try {
    return await callApi(io, v, 'sync.setTarget', input);
  } catch (e) {
    const field = e instanceof CallFailed ? e.shape.where?.field?.split('.')[0] : undefined;
    const flag = field && e instanceof CallFailed && e.shape.code === 'invalid_input' ? FLAG_OF[field] : undefined;
    if (!flag || !(e instanceof CallFailed)) throw e;
    throw usage(
      `--${flag}: ${e.shape.message.replace(/\.$/, '')}${e.shape.hint ? ` (${e.shape.hint.replace(/\.$/, '')})` : ''}`,
    );
  }
}

/** The status lines of an HTTP or file-drop target. */
export function targetLines(t: SyncTargetStatusT): string[] {
  const lines = [
    `${t.id} ${shownName(t.where)}${t.paused ? ' (paused)' : ''}: ${t.pending} pending, ${t.delivered} delivered, ${t.failed} failed`,
  ];
  const secret =
    t.passwordSet || t.settings?.kind !== 'http'
      ? ''
      : `, no ${t.settings.auth === 'bearer' ? 'token' : 'password'} set (${envNameOf(`target:${t.id}`)} or ${envNameOf(`target:${t.id}`)}_FILE)`;
  lines.push(
    `  last success ${t.lastSuccessAt ?? 'never'}${t.nextAttemptAt ? `, next try ${t.nextAttemptAt}` : ''}${secret}`,
  );
  if (t.lastFailure) {
    const f = t.lastFailure;
    const first = f.response.split(/\r?\n/)[0] ?? '';
    lines.push(
      `  last refusal: ${f.status === null ? 'no status' : `HTTP ${f.status}`} for ${f.idempotencyKey}: ${shownName(first, 120) || '(empty answer)'}`,
      `  after fixing it: planroom sync retry ${t.id}`,
    );
  }
  return lines;
}

type Print = (io: Io, v: Record<string, unknown>, s: Status, head: string[]) => void;

/** The subcommands, given the verb's way to print a status (plain lines or --json). */
export function targetSubs(print: Print): Record<string, Subcommand> {
  return {
    http: {
      usage:
        '--id NAME --url URL [--method POST|PATCH] [--auth none|bearer|basic] [--username U] [--header K:V]... --template KIND=FILE... [--timeout S]',
      async run(v, _args, io) {
        const s = await setHttp(io, v);
        print(io, v, s, [`target ${String(v.id)} saved; its secret comes from ${envNameOf(`target:${String(v.id)}`)}`]);
        return EXIT.ok;
      },
    },
    target: {
      usage: 'remove NAME',
      args: 2,
      async run(v, args, io) {
        const [action, id] = args;
        if (action !== 'remove' || !id) throw usage('planroom sync target remove NAME');
        const s = await callApi(io, v, 'sync.removeTarget', { target: id });
        print(io, v, s, [`target ${shownName(id, 40)} removed; the outbox keeps its entries`]);
        return EXIT.ok;
      },
    },
    retry: {
      usage: 'NAME',
      args: 1,
      async run(v, args, io) {
        const [id] = args;
        if (!id) throw usage('planroom sync retry NAME (the target whose refused entries go again)');
        const s = await callApi(io, v, 'sync.retryFailed', { target: id });
        print(io, v, s, [`the entries ${shownName(id, 40)} refused go again at the next sync`]);
        return EXIT.ok;
      },
    },
  };
}
