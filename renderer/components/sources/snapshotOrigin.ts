// Whether a snapshot was pulled from a connection or imported from export files, told from the
// one thing the contract gives: SnapshotInfo.origin. A pull's origin starts with its reader's
// `from` ("GET https://…", "query for items") or the connection's kind or address ("http…",
// "postgres://…", "odata…"); a file import's is the folder it read.
import { fmtDateTime } from '../../format';

const PULLED = /^(GET |POST |https?:|https? |odata|postgres(ql)?(:|\s)|query |pull )/i;

export const isPulled = (origin: string): boolean => PULLED.test(origin.trim());

/** "pulled 2026-12-01 06:00 UTC" or "exported 2026-11-30 22:00 UTC": when its data is from. */
export function asOfText(origin: string | undefined, extractedAt: string): string {
  const when = fmtDateTime(extractedAt);
  if (origin === undefined) return when;
  return `${isPulled(origin) ? 'pulled' : 'exported'} ${when}`;
}
