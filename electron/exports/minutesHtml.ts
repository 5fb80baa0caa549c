// The minutes as a page to print to PDF (pdf.ts): A4 landscape, one section per part, tables that
// break between rows with their header row repeated on each page. The cycle's name and "Page N
// of M" are the printer's header and footer (pageTemplates), so they are on every page. Every
// text is HTML-escaped; the page has no script and loads nothing.
import { cellText, isNum, type Part, type Table } from './table';
import type { MinutesData } from './minutesData';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paper and margins, shared by both printers (headless Chromium and Electron). */
export const PAGE = {
  format: 'A4',
  landscape: true,
  marginInches: { top: 0.6, bottom: 0.6, left: 0.45, right: 0.45 },
} as const;

/** The printer's header (the cycle's name) and footer (page numbers), on every page. */
export function pageTemplates(title: string): { headerTemplate: string; footerTemplate: string } {
  // Chromium renders these apart from the page: their styles must be inline, font size included.
  const box = 'font-family: sans-serif; font-size: 8pt; color: #333; width: 100%; padding: 0 0.45in;';
  return {
    headerTemplate: `<div style="${box} display: flex; justify-content: space-between;"><span>${escapeHtml(title)}</span><span>Minutes</span></div>`,
    footerTemplate: `<div style="${box} text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
  };
}

const STYLE = `
  * { box-sizing: border-box; }
  body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 9pt; line-height: 1.35; color: #111; margin: 0; }
  h1 { font-size: 16pt; margin: 0 0 2pt; }
  .meeting { margin: 0 0 10pt; color: #333; }
  h2 { font-size: 12pt; margin: 14pt 0 4pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #1e3a5f; break-after: avoid; }
  h3 { font-size: 10pt; margin: 8pt 0 3pt; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 4pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: #e8eef5; font-weight: bold; }
  th, td { border: 0.5pt solid #9aa5b1; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal; }
  td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.date { white-space: nowrap; }
  td.missing { color: #555; font-style: italic; }
  p.empty, p.note { margin: 2pt 0 6pt; color: #333; }
  p.empty { font-style: italic; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;

function table(t: Table): string {
  const out: string[] = [];
  if (t.title) out.push(`<h3>${escapeHtml(t.title)}</h3>`);
  if (t.rows.length === 0) {
    out.push(`<p class="empty">${escapeHtml(t.empty)}</p>`);
    return out.join('');
  }
  out.push('<table><thead><tr>');
  for (const c of t.columns) out.push(`<th scope="col">${escapeHtml(c.label)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const r of t.rows) {
    out.push('<tr>');
    t.columns.forEach((c, i) => {
      const cell = r[i] ?? null;
      // A date is one unit: never broken at its hyphens.
      const cls =
        cell === null
          ? ' class="missing"'
          : isNum(cell)
            ? ' class="num"'
            : /^\d{4}-\d{2}-\d{2}$/.test(cell)
              ? ' class="date"'
              : '';
      out.push(`<td${cls}>${escapeHtml(cellText(cell, c))}</td>`);
    });
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  if (t.note) out.push(`<p class="note">${escapeHtml(t.note)}</p>`);
  return out.join('');
}

export function minutesHtml(m: MinutesData, parts: readonly Part[]): string {
  const body = parts
    .map((p) => `<section><h2>${escapeHtml(p.title)}</h2>${p.tables.map(table).join('')}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`Minutes: ${m.cycle.name}`)}</title><style>${STYLE}</style></head>
<body><h1>Minutes: ${escapeHtml(m.cycle.name)}</h1><p class="meeting">Meeting ${escapeHtml(m.cycle.meetingLocal)}</p>
${body}
</body></html>
`;
}
