// How user text is written into the exports: Markdown escaping (no markup, no broken table),
// iCalendar TEXT escaping and 75-octet line folding (never inside a UTF-8 character), sheet and
// file names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine, icsText } from '../../electron/exports/decisionIcs';
import { escapeHtml } from '../../electron/exports/minutesHtml';
import { mdText } from '../../electron/exports/minutesMarkdown';
import { fileSlug } from '../../electron/exports/table';
import { sheetName } from '../../electron/exports/xlsxWrite';

describe('mdText', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['# Heading', '\\# Heading'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['---', '\\---'],
    ['> quote', '\\> quote'],
    ['**bold** _it_ `code` [link](x) <b>', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\>'],
    ['two\nlines', 'two lines'],
    ['&amp; S&OP', '\\&amp; S&OP'],
  ])('escapes %j', (text, md) => expect(mdText(text)).toBe(md));

  it.each(['87.6%', '+1 call', '2026-12-04', '=HYPERLINK("x")', 'Overtime +200 h'])('leaves %j', (text) =>
    expect(mdText(text)).toBe(text),
  );
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines, and drops controls', () => {
    expect(icsText('a\\b; c, d\r\ne\nf\u0007')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds every line at 75 octets without splitting a character, and unfolds to the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `SUMMARY:${text}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n'))
          expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});

describe('names', () => {
  it('makes sheet names Excel accepts, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('A/B: [x]?', taken)).toBe('A_B_ _x__');
    expect(sheetName('Promo', taken)).toBe('Promo');
    expect(sheetName('promo', taken)).toBe('promo (2)');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
  });

  it('makes file names from cycle names', () => {
    expect(fileSlug('2026-12 S&OP (demo company)', 'cycle-1')).toBe('2026-12-s-op-demo-company');
    expect(fileSlug('Zürich Ünd Co', 'cycle-1')).toBe('zurich-und-co');
    expect(fileSlug('../..', 'cycle-7')).toBe('cycle-7');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;',
    );
  });
});
