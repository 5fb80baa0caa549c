// The minutes as Markdown, for pasting into a wiki, a ticket or an e-mail. Every text that came
// from a person (a title, a note, a scenario's name) is escaped: inline markup (`*`, `_`, `` ` ``,
// `[`, `<`, an entity) is shown as typed, a `|` cannot split a table cell, a newline cannot end a
// table row, and markup at the start of a line (`#`, `>`, `-`, `1.`) cannot open a heading,
// quote or list. (`>` is escaped everywhere, as inline HTML.)
import { cellText, type Part, type Table } from './table';
import type { MinutesData } from './minutesData';

/** Inline Markdown (CommonMark) escaped: each character that could start markup. */
function inline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/\r\n?|\n/g, ' ');
}

/**
 * Text that may start a line: inline escapes, and no block markup opening it (a heading `# `, a
 * quote `>`, a list item `- `, `+ `, `* `, `1. `, a rule or underline `---`, `===`). "87.6%" or "+1 call" open nothing and stay.
 */
export function mdText(text: string): string {
  return inline(text)
    .replace(/^(\s*)([#+\-*])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)([=-])(?=[=\-\s]*$)/, '$1\\$2');
}

function table(t: Table): string[] {
  const out: string[] = [];
  if (t.title) out.push(`### ${mdText(t.title)}`, '');
  if (t.rows.length === 0) {
    out.push(`_${mdText(t.empty)}_`, '');
    return out;
  }
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  out.push(row(t.columns.map((c) => mdText(c.label))));
  out.push(row(t.columns.map(() => '---')));
  for (const r of t.rows) out.push(row(t.columns.map((c, i) => mdText(cellText(r[i] ?? null, c)) || ' ')));
  out.push('');
  if (t.note) out.push(mdText(t.note), '');
  return out;
}

export function minutesMarkdown(m: MinutesData, parts: readonly Part[]): string {
  const out = [`# Minutes: ${mdText(m.cycle.name)}`, '', `Meeting ${mdText(m.cycle.meetingLocal)}.`, ''];
  for (const p of parts) {
    out.push(`## ${mdText(p.title)}`, '');
    for (const t of p.tables) out.push(...table(t));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
