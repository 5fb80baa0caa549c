// The HTTP write-back and file-drop targets' settings: checked when saved, what each reads from
// the outbox, and where it goes (for people).
import type { FileDropConfigT, HttpTargetConfigT } from '../../shared/calls/sync';
import { AppError, cutInput } from '../../shared/domain/errors';
import { checkBodyTemplate } from '../../shared/sync/bodyTemplate';
import { refuseSecretInUrl } from '../secrets/secretInUrl';
import { checkDropFolder } from './dropFolder';

type TargetConfigT = HttpTargetConfigT | FileDropConfigT;

/** The outbox kinds a file drop writes files for: the decision log and the data issues. */
export const FILE_DROP_KINDS = ['decision_event', 'data_issue_change'] as const;

export function targetKinds(cfg: TargetConfigT): string[] {
  return cfg.kind === 'http' ? Object.keys(cfg.templates) : [...FILE_DROP_KINDS];
}

export function targetWhere(cfg: TargetConfigT): string {
  if (cfg.kind === 'file') return cfg.folder;
  const url = new URL(cfg.url);
  return `${cfg.method} ${url.origin}${url.pathname}`;
}

/** Refuses settings that could never deliver, naming the field and what to do. */
export function checkTargetConfig<T extends TargetConfigT>(cfg: T): T {
  if (cfg.kind === 'file') checkDropFolder(cfg.folder);
  if (cfg.kind === 'http') {
    let url: URL | null = null;
    try {
      url = new URL(cfg.url);
    } catch {
      // refused below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new AppError('invalid_input', `"${cutInput(cfg.url, 80)}" is not an http(s) URL.`, {
        where: { field: 'url', value: cutInput(cfg.url, 80) },
        hint: 'Type the endpoint as https://HOST/PATH.',
      });
    }
    if (url.username || url.password) {
      throw new AppError('invalid_input', 'The URL holds credentials; Planroom does not store them in its database.', {
        where: { field: 'url', value: '(a URL with credentials, not shown)' },
        hint: 'Remove them from the URL; choose bearer or basic auth and set the secret apart.',
      });
    }
    refuseSecretInUrl(cfg.url, 'url', 'Remove it from the URL; choose bearer or basic auth and set the secret apart.');
    if (cfg.auth === 'basic' && !cfg.username) {
      throw new AppError('invalid_input', 'Basic auth needs a user name.', {
        where: { field: 'username', value: '' },
        hint: 'Type the user name; the password is set apart as the target secret.',
      });
    }
    if (Object.keys(cfg.templates).length === 0) {
      throw new AppError('invalid_input', 'The target has no body template, so it would be sent nothing.', {
        where: { field: 'templates', value: '{}' },
        hint: 'Give a body template for at least one kind (decision_event, data_issue_change, ...).',
      });
    }
    checkHeaders(cfg.headers);
    for (const [kind, template] of Object.entries(cfg.templates)) {
      const problem = checkBodyTemplate(template);
      if (!problem) continue;
      const at = `line ${problem.line}, column ${problem.column}`;
      throw new AppError('invalid_input', `The ${kind} body template is ${problem.message} at ${at}.`, {
        where: { field: `templates.${kind}`, value: at },
        hint: 'Write the body as JSON with {{path}} placeholders, e.g. {"title": {{decision.title}}} (README, "HTTP write-back").',
      });
    }
  }
  return cfg;
}

/** Headers Planroom sets itself, or that would hold a secret in clear text in its database. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'idempotency-key',
  'content-type',
  'content-length',
  'host',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || /[\r\n\0]/.test(value)) {
      throw new AppError('invalid_input', `"${cutInput(name, 60)}" is not a valid header (name or value).`, {
        where: { field: 'headers', value: cutInput(name, 60) },
        hint: 'A header name is letters, digits and -; its value is one line.',
      });
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new AppError('invalid_input', `The ${cutInput(name, 60)} header is not set here.`, {
        where: { field: 'headers', value: cutInput(name, 60) },
        hint: /auth|cookie/i.test(name)
          ? 'Choose bearer or basic auth and set the secret apart; Planroom keeps no secret in its database.'
          : 'Planroom sets it on every request itself.',
      });
    }
  }
}
