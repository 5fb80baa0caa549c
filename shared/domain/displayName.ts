// File names and paths as shown to a person: in a terminal, an error message, the UI. A name
// comes from the user's disk and may hold anything a file system allows: a newline would forge
// a line of CLI output, an ANSI escape would drive the terminal, a right-to-left override would
// reorder what is read. Such characters are shown as visible escapes (\n, \x1b, \u202e) and a
// long name is cut, keeping its end (the extension says what the file is).

/** Longest name shown, in characters after escaping (the cut adds one "…"). */
export const MAX_SHOWN_NAME = 160;
const TAIL = 40;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One character as shown: itself, or its escape when it is a control or formatting character. */
function shownChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0)!;
  // C0 and C1 controls and DEL: \x1b, \x7f, \x9b (the one-byte CSI).
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${code.toString(16).padStart(2, '0')}`;
  // Bidirectional overrides and isolates, line and paragraph separators, lone surrogates:
  // each changes how the rest of the line reads, or is not a character at all.
  if (
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0xd800 && code <= 0xdfff)
  ) {
    return `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return ch;
}

/** A name or path safe to print: controls escaped, cut to `max` characters with "…". */
export function shownName(name: string, max = MAX_SHOWN_NAME): string {
  const parts: string[] = [];
  let length = 0;
  // for..of walks code points, so an emoji is one part and a lone surrogate is escaped whole.
  for (const ch of name) {
    const shown = shownChar(ch);
    parts.push(shown);
    length += shown.length;
  }
  if (length <= max) return parts.join('');
  // Cut between parts, never inside an escape: the head up to max - TAIL, then the tail.
  const tail: string[] = [];
  let tailLength = 0;
  const tailMax = Math.min(TAIL, Math.floor((max - 1) / 3));
  for (let i = parts.length - 1; i >= 0 && tailLength + parts[i]!.length <= tailMax; i--) {
    tail.unshift(parts[i]!);
    tailLength += parts[i]!.length;
  }
  const head: string[] = [];
  let headLength = 0;
  for (const p of parts) {
    if (headLength + p.length > max - tailLength - 1) break;
    head.push(p);
    headLength += p.length;
  }
  return `${head.join('')}…${tail.join('')}`;
}

/**
 * A longer text that quotes names or values (an error line, a reason), with its control
 * characters escaped and no cut: its parts are bounded where they are made.
 */
export const shownText = (text: string): string => shownName(text, Number.POSITIVE_INFINITY);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file name read from disk as bytes, as text: valid UTF-8 decoded, each byte that is not
 * shown as \xNN (a Latin-1 name written on another system, say). `valid` is false when any byte
 * was escaped: such a name cannot be opened through a text path.
 */
export function decodeName(bytes: Uint8Array): { name: string; valid: boolean } {
  try {
    return { name: utf8.decode(bytes), valid: true };
  } catch {
    // Decode piece by piece: the longest valid sequence (1 to 4 bytes) at each position.
  }
  let name = '';
  for (let i = 0; i < bytes.length;) {
    let taken = 0;
    for (let len = 1; len <= 4 && i + len <= bytes.length && taken === 0; len++) {
      try {
        const text = utf8.decode(bytes.subarray(i, i + len));
        name += text;
        taken = len;
      } catch {
        // Not a whole character yet: try one byte more.
      }
    }
    if (taken === 0) {
      name += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      taken = 1;
    }
    i += taken;
  }
  return { name, valid: false };
}
