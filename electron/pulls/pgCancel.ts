// Stops a query the server is running for a pull that was aborted: PostgreSQL's cancel request,
// sent on a connection of its own (16 bytes: length, the cancel code, the backend's process id and
// secret key from its BackendKeyData). Without it the server would run a long query to its end
// after the pull gave up, holding a snapshot of the source's tables all the while.
import { connect } from 'node:net';
import type pg from 'pg';
import type { PgTarget } from './pgConnect';

const CANCEL_REQUEST_CODE = 80877102;

/** The backend key pg keeps from the start-up (not in pg's published types). */
interface BackendKey {
  processID: number | null;
  secretKey: number | null;
}

/**
 * Asks the server to cancel what `client`'s session is running; resolves once the request is
 * sent (the session's query then fails with 57014). Failures are ignored: a session that cannot be
 * reached ends when its connection does.
 */
export function cancelQuery(client: pg.Client, target: PgTarget): Promise<void> {
  const { processID, secretKey } = client as unknown as BackendKey;
  if (processID === null || secretKey === null || processID === undefined || secretKey === undefined) {
    return Promise.resolve();
  }
  const request = Buffer.alloc(16);
  request.writeInt32BE(16, 0);
  request.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  request.writeInt32BE(processID, 8);
  request.writeInt32BE(secretKey, 12);
  return new Promise((resolve) => {
    const socket = target.host.startsWith('/')
      ? connect(`${target.host}/.s.PGSQL.${target.port}`)
      : connect(target.port, target.host);
    socket.once('error', () => resolve());
    socket.once('close', () => resolve());
    socket.once('connect', () => socket.end(request));
  });
}
