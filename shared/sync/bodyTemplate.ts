// HTTP write-back body templates (issue 17 item 3): JSON text with `{{path}}` placeholders that
// take values from an outbox entry. Outside a JSON string a placeholder becomes the JSON encoding
// of the value (`null` when the path is missing); inside a string it becomes the value's text,
// escaped for JSON (nothing when missing). So a template that parses once always renders valid
// JSON, whatever the entry holds: a title with quotes or newlines can never break the body.
import { jsonProblem } from './jsonCheck';

/** A placeholder: dotted names or array indexes (`decision.ranks.0.priorityRank`), spaces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/y;

interface Piece {
  /** Offset of `{{` in the template and the length of the whole placeholder. */
  at: number;
  length: number;
  path: string[];
  inString: boolean;
}

export interface TemplateProblem {
  message: string;
  line: number;
  column: number;
}

/** Line and column (1-based) of an offset, for people. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The placeholders, with whether each sits inside a JSON string; a malformed `{{` is a problem. */
function scan(template: string): Piece[] | TemplateProblem {
  const pieces: Piece[] = [];
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (inString && c === '\\') {
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    if (c !== '{' || template[i + 1] !== '{') continue;
    PLACEHOLDER.lastIndex = i;
    const m = PLACEHOLDER.exec(template);
    if (!m) {
      return {
        message: 'a "{{" that is not a placeholder like {{decision.title}}',
        ...lineColumn(template, i),
      };
    }
    pieces.push({ at: i, length: m[0].length, path: m[1]!.split('.'), inString });
    i += m[0].length - 1;
  }
  return pieces;
}

/**
 * Checks that a template renders valid JSON for any entry: every placeholder is swapped for a
 * stand-in of the same length (`null` and spaces, or letters inside a string), so the position
 * of a problem in it is the template's own. Undefined when it is fine.
 */
export function checkBodyTemplate(template: string): TemplateProblem | undefined {
  const pieces = scan(template);
  if (!Array.isArray(pieces)) return pieces;
  let standIn = '';
  let from = 0;
  for (const p of pieces) {
    standIn += template.slice(from, p.at) + (p.inString ? 'x'.repeat(p.length) : 'null'.padEnd(p.length, ' '));
    from = p.at + p.length;
  }
  standIn += template.slice(from);
  const bad = jsonProblem(standIn);
  return bad && { message: `not valid JSON (${bad.message})`, ...lineColumn(template, bad.offset) };
}

/** What a template's placeholders read: the entry's payload and the entry's own fields. */
export interface TemplateEntry {
  idempotencyKey: string;
  /** The outbox kind (decision_event, data_issue_change...). */
  kind: string;
  createdAt: string;
  payload: unknown;
}

/**
 * The values a placeholder can name: the payload's own fields at the top, plus `idempotencyKey`
 * and `createdAt`, `kind` when the payload has none (a decision event's `kind` stays its own:
 * created, updated...), and `entry.{idempotencyKey,kind,createdAt}` always.
 */
export function templateContext(e: TemplateEntry): Record<string, unknown> {
  const payload = e.payload !== null && typeof e.payload === 'object' && !Array.isArray(e.payload) ? e.payload : {};
  const entry = { idempotencyKey: e.idempotencyKey, kind: e.kind, createdAt: e.createdAt };
  return { kind: e.kind, ...payload, idempotencyKey: e.idempotencyKey, createdAt: e.createdAt, entry };
}

function lookup(context: unknown, path: readonly string[]): unknown {
  let v: unknown = context;
  for (const name of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, name)) return undefined;
    v = (v as Record<string, unknown>)[name];
  }
  return v;
}

/** A value's text inside a JSON string: strings as they are, anything else as its JSON. */
function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The request body for an entry; the template must have passed checkBodyTemplate. */
export function renderBodyTemplate(template: string, context: Record<string, unknown>): string {
  const pieces = scan(template);
  if (!Array.isArray(pieces)) throw new Error(`unchecked body template: ${pieces.message}`);
  let out = '';
  let from = 0;
  for (const p of pieces) {
    const v = lookup(context, p.path);
    out += template.slice(from, p.at);
    out += p.inString ? JSON.stringify(asText(v)).slice(1, -1) : (JSON.stringify(v) ?? 'null');
    from = p.at + p.length;
  }
  return out + template.slice(from);
}
