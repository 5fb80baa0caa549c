// Body templates of HTTP write-back targets: placeholders take the JSON encoding of a value
// outside strings and its escaped text inside them, a missing path is null (or nothing inside a
// string), a bad template is refused with the line and column, and whatever the entry holds, a
// checked template renders valid JSON (property test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBodyTemplate, renderBodyTemplate, templateContext } from '../../shared/sync/bodyTemplate';
import { jsonProblem } from '../../shared/sync/jsonCheck';
import { TEMPLATE_EXAMPLES } from '../../shared/sync/templateExamples';

const entry = {
  idempotencyKey: 'decision_event:d-1:2',
  kind: 'decision_event',
  createdAt: '2026-12-01T10:00:00.000Z',
  payload: {
    uid: 'd-1',
    seq: 2,
    kind: 'updated',
    decision: { title: 'Say "yes"\nnow', ranks: [{ cycleId: 1, priorityRank: 3 }], expectedValue: null },
  },
};

describe('body templates', () => {
  it('renders values as JSON outside strings and as escaped text inside them', () => {
    const t =
      '{"title": {{decision.title}}, "note": "{{ decision.title }} (#{{seq}})", "rank": {{decision.ranks.0.priorityRank}}, "key": {{idempotencyKey}}, "event": {{kind}}, "outbox": {{entry.kind}}, "v": {{decision.expectedValue}}}';
    expect(checkBodyTemplate(t)).toBeUndefined();
    const body = JSON.parse(renderBodyTemplate(t, templateContext(entry))) as Record<string, unknown>;
    expect(body).toEqual({
      title: 'Say "yes"\nnow',
      note: 'Say "yes"\nnow (#2)',
      rank: 3,
      key: 'decision_event:d-1:2',
      event: 'updated',
      outbox: 'decision_event',
      v: null,
    });
  });

  it('renders a missing path as null, or as nothing inside a string', () => {
    const t = '{"a": {{decision.nope.deeper}}, "b": "<{{nope}}>", "c": {{decision.title.length}}}';
    expect(JSON.parse(renderBodyTemplate(t, templateContext(entry)))).toEqual({ a: null, b: '<>', c: null });
  });

  it('gives kind as the outbox kind when the payload has none', () => {
    const ctx = templateContext({ ...entry, kind: 'exception_review', payload: { status: 'parked' } });
    expect(JSON.parse(renderBodyTemplate('[{{kind}}, {{status}}]', ctx))).toEqual(['exception_review', 'parked']);
  });

  it('refuses a template that is not JSON, with the line and column of the problem', () => {
    expect(checkBodyTemplate('{\n  "title": {{decision.title}}\n  "x": 1\n}')).toMatchObject({ line: 3, column: 3 });
    expect(checkBodyTemplate('{"a": {{decision.title}}')).toMatchObject({
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(checkBodyTemplate('{"a": {{decision title}}}')).toMatchObject({
      message: expect.stringMatching(/not a placeholder/),
      line: 1,
      column: 7,
    });
    expect(checkBodyTemplate('{"a": "{{x}}" {{y}}}')).toBeDefined();
  });

  it('renders valid JSON for any payload once the template is checked', () => {
    const t = '{"t": {{a}}, "s": "x{{a}}y{{b.c}}", "n": [{{b.c}}, {{b}}, {{zz}}]}';
    expect(checkBodyTemplate(t)).toBeUndefined();
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, c) => {
        const body = renderBodyTemplate(t, { a, b: { c } });
        const parsed = JSON.parse(body) as { t: unknown; n: unknown[] };
        expect(parsed.t).toEqual(JSON.parse(JSON.stringify(a)));
      }),
    );
  });
});

describe('the starting templates of the Sync page form', () => {
  it('are valid templates', () => {
    for (const [kind, t] of Object.entries(TEMPLATE_EXAMPLES)) expect(checkBodyTemplate(t), kind).toBeUndefined();
  });
});

describe('the README example', () => {
  it('is a valid template', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const example = /For `decision_event`:\n\n```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(checkBodyTemplate(example!)).toBeUndefined();
  });
});

describe('jsonProblem', () => {
  const agrees = (text: string) => {
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    expect(jsonProblem(text) === undefined, JSON.stringify(text)).toBe(parses);
  };

  it('finds a problem exactly when JSON.parse refuses the text (property, against JSON.parse)', () => {
    for (const t of ['01', '-', '1.', '1e', '"\\x"', '"\\u12"', '[1,]', '{"a" 1}', ' ', 'nul', '"a\tb"', '[] []']) {
      agrees(t);
    }
    const json = fc.jsonValue().map((v) => JSON.stringify(v, null, 1));
    // Valid JSON, and the same with a character dropped, doubled or replaced: mostly invalid.
    fc.assert(
      fc.property(
        json,
        fc.nat(),
        fc.constantFrom('', ',', '"', '}', ']', ':', '\\', 'e', '-', ' ', '\n'),
        (t, at, c) => {
          agrees(t);
          const k = t.length === 0 ? 0 : at % t.length;
          agrees(t.slice(0, k) + c + t.slice(k + 1));
          agrees(t.slice(0, k) + c + t.slice(k));
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 12 }), agrees), { numRuns: 2000 });
  });

  it('says where: the offset of the first problem', () => {
    expect(jsonProblem('{"a": tru}')).toEqual({ offset: 6, message: 'expected a value' });
    expect(jsonProblem('{"a": 1 "b": 2}')).toEqual({ offset: 8, message: "expected ',' or '}'" });
    expect(jsonProblem('{"a": "x\ny"}')?.offset).toBe(8);
  });
});
