// Outbox entries for the hub (DESIGN.md: a change and its outbox entry, all or nothing): written
// by the repository that records the change, inside its transaction. Keys are deterministic and
// name this laptop (its id from migration 0010), since local row ids repeat on every laptop and
// the hub keeps the first entry of a key.
import type { WriteDb } from '../types';
import { nowIso } from '../types';
import { laptopId } from './sync';

export function enqueue(db: WriteDb, kind: string, keyParts: (string | number)[], payload: object): void {
  db.prepare(`INSERT INTO outbox (idempotency_key, target, kind, payload, created_at) VALUES (?, 'hub', ?, ?, ?)`).run(
    `${kind}:${laptopId(db)}:${keyParts.join(':')}`,
    kind,
    JSON.stringify(payload),
    nowIso(),
  );
}
