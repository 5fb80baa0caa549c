// A page's body read as a stream and refused as soon as it passes the page limit (a Content-Length
// over it is refused before a byte is read), so a feed that ignores paging never fills memory;
// then parsed as JSON, an error naming the byte where the text stops being JSON (a truncated
// page ends in the middle of a value).
import { AppError, cutInput } from '../../shared/domain/errors';

export interface BodyWhere {
  from: string;
  /** The page as shown: "page 3 (GET https://...)". */
  page: string;
  scrub(text: string): string;
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

function tooLarge(where: BodyWhere, maxBytes: number, seen: string): AppError {
  return new AppError('import_failed', `The ${where.page} is ${seen}, over the ${mb(maxBytes)} page limit.`, {
    where: { file: where.from },
    hint: "The feed may ignore paging: set the table's paging (or a smaller page size), or raise the page limit of the connection if pages this large are expected.",
  });
}

/** The body's bytes, at most `maxBytes`; rejects past it without reading the rest. */
export async function readLimited(res: Response, maxBytes: number, where: BodyWhere): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(where, maxBytes, `${mb(declared)} (Content-Length)`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(where, maxBytes, `more than ${mb(maxBytes)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, bytes);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The page parsed, or an error naming the byte the JSON breaks at. */
export function parseJson(body: Buffer, contentType: string | null, where: BodyWhere): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new AppError('import_failed', `The ${where.page} is not UTF-8 text.`, {
      where: { file: where.from },
      hint: 'JSON is UTF-8: ask the system owner why the feed sends another encoding.',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const char = at ? Number(at[1]) : text.length;
    const byte = Buffer.byteLength(text.slice(0, char), 'utf8');
    const truncated = !at || char >= text.trimEnd().length;
    const type = contentType ? ` (Content-Type ${cutInput(contentType, 80)})` : '';
    throw new AppError(
      'import_failed',
      truncated
        ? `The ${where.page} is truncated JSON: it ends at byte ${byte} of ${body.byteLength} in the middle of a value.`
        : `The ${where.page} is invalid JSON at byte ${byte} of ${body.byteLength}${type}.`,
      {
        where: { file: where.from, value: where.scrub(cutInput(text.slice(Math.max(0, char - 40), char + 40), 80)) },
        hint: truncated
          ? 'The answer was cut short (a proxy, a crash of the service, a lost connection): pull again; if it repeats, ask the system owner.'
          : 'The URL may answer a login or error page instead of the feed: check the URL and the credentials.',
      },
    );
  }
}
