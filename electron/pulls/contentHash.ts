// The checksum of a pull's content: every cell of every row as the readers handed it over, with
// the profile and the table names, so an unchanged pull is recognised after reading (a feed or a
// query has no file to hash first). Each table is hashed on its own (TableHash), where it is read
// (the import worker, or this thread for a reader a test injects), and the pull's hash combines
// the tables' digests in table order. It is stored as "pull:<hash>@<pull time>": the snapshots
// table keeps one checksum once per source, and data that changes and changes back (A, B, A) is a
// new, fresher snapshot, not the old one; and a file import's checksum (bare hex) never equals a
// pull's.
import { createHash, type Hash } from 'node:crypto';
import type { RowSink, SheetInfo } from '../sources/readRows';

const PREFIX = 'pull:';

/** The stored checksum of a pull with content hash `hash` started at `at`. */
export const pullChecksum = (hash: string, at: string): string => `${PREFIX}${hash}@${at}`;

/** Whether a stored checksum is a pull's of the same content. */
export const sameContent = (stored: string, hash: string): boolean => stored.startsWith(`${PREFIX}${hash}@`);

/** One table's content, as read (sinkFor) or as stored (overlay.ts hashStored, through raw). */
export class TableHash {
  private readonly hash: Hash = createHash('sha256');

  /** A sink that hashes what passes on its way to `next`. */
  sinkFor(next: RowSink): RowSink {
    const hash = this.hash;
    // Cells are joined by NUL and rows end with SOH: a control character in a cell is refused
    // by the mapping (checkControls), so two different tables cannot hash alike. A batch is
    // joined into one string: one update per batch instead of two per row.
    return {
      header(cells: string[], row: number, info: SheetInfo) {
        hash.update(`${cells.join('\0')}\u0003`);
        next.header(cells, row, info);
      },
      rows(rows: string[][], firstRow: number) {
        let text = '';
        for (const r of rows) text += `${r.join('\0')}\u0001`;
        hash.update(text);
        next.rows(rows, firstRow);
      },
      bytes(read: number, total: number) {
        next.bytes?.(read, total);
      },
    };
  }

  /** The hash itself, for a table hashed as stored (overlay.ts). */
  get raw(): Hash {
    return this.hash;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The whole pull's hash: the kind, the profile, then each table's name and digest in order. */
export class ContentHash {
  private readonly hash: Hash = createHash('sha256');

  constructor(kind: string, profile: unknown) {
    this.hash.update(`${kind}\0${JSON.stringify(profile)}\0`);
  }

  /** Adds a table's digest (TableHash.digest), in the pull's table order. */
  add(table: string, digest: string): void {
    this.hash.update(`\u0002${table}\u0002${digest}`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
