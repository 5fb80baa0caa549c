// Where a text stops being JSON: the offset and what was expected there. JSON.parse says it only
// for some mistakes (and quotes the input in others), so a body template's error could not name
// its line and column; this follows the grammar of RFC 8259 and is checked against JSON.parse
// (tests/unit/bodyTemplate.test.ts).

export interface JsonProblem {
  offset: number;
  message: string;
}

class Bad {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 500;

export function jsonProblem(text: string): JsonProblem | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw new Bad(i, message);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a string is not closed');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail('a line break or control character inside quotes (write \\n)');
      if (c !== 92) {
        i++;
        continue;
      }
      const n = text[i + 1];
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
      else fail('a bad \\ escape');
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('nested too deep');
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail('expected a "quoted" name');
          string();
          ws();
          if (text[i] !== ':') fail("expected ':' after the name");
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail(`expected ',' or '${close}'`);
      }
    }
    if (c === '"') return string();
    LITERAL.lastIndex = i;
    const m = LITERAL.exec(text);
    if (m) {
      i += m[0].length;
      return;
    }
    fail(i >= text.length ? 'the text ends where a value is expected' : 'expected a value');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('more text after the end');
    return undefined;
  } catch (e) {
    if (e instanceof Bad) return { offset: e.offset, message: e.message };
    throw e;
  }
}
