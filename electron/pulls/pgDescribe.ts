// What a query returns, asked of the server without running it: Parse and Describe of the
// unnamed statement, then Sync (the extended protocol's own way; pg has no call for it). The
// columns' names and type OIDs come back as they would before the first row, so the types are
// checked (pgTypes.ts) before anything is read, and the rows can then come by COPY, which says
// nothing of types. The query's own errors (syntax, an unknown column or table, several
// statements) come from here with their positions in the query as written.
import type pg from 'pg';

/** The messages of pg's connection this uses (not in pg's published types). */
interface ProtocolConnection {
  parse(query: { text: string }): void;
  describe(msg: { type: 'S' | 'P'; name: string }): void;
  sync(): void;
}

/**
 * The result's columns, or null when the statement returns no rows (a write without RETURNING,
 * a command). Rejects with the server's error.
 */
export function describeQuery(client: pg.Client, text: string): Promise<pg.FieldDef[] | null> {
  return new Promise((resolve, reject) => {
    let fields: pg.FieldDef[] | null = null;
    const describe = {
      submit(con: ProtocolConnection) {
        con.parse({ text });
        con.describe({ type: 'S', name: '' });
        con.sync();
      },
      handleRowDescription(msg: { fields: pg.FieldDef[] }) {
        fields = msg.fields;
      },
      // The server's error (ReadyForQuery follows, and pg sends nothing else before it) or a lost
      // connection (nothing follows).
      handleError(e: unknown) {
        reject(e);
      },
      handleReadyForQuery() {
        resolve(fields);
      },
      handleDataRow() {},
      handleCommandComplete() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
    };
    client.query(describe as unknown as pg.Submittable);
  });
}
