// Setting and forgetting the hub password and the HTTP targets' tokens (sync.setSecret,
// sync.removeSecret): handed to the secret store of this mode, never written to SQLite. The
// value is passed on and nowhere else: not logged, not quoted in an error, not returned.
import type { ApiInput } from '../../shared/api';
import { TargetConfig } from '../../shared/calls/sync';
import { AppError } from '../../shared/domain/errors';
import { getTarget } from '../db/repos/sync';
import type { ReadDb } from '../db/types';
import { secretNameOf, type SecretStore } from '../secrets/secretStore';

/** The hub's password may be set before the hub; a target's secret only for an HTTP target that takes one. */
function checkOwner(db: ReadDb, name: string): void {
  if (name === 'hub') return;
  const t = getTarget(db, name);
  const where = { field: 'name', value: name };
  if (!t) {
    throw new AppError('not_found', `No sync target "${name}".`, {
      where,
      hint: 'Add the HTTP target first (Sync page, or planroom sync status for the names), then its token.',
    });
  }
  const cfg = TargetConfig.parse(JSON.parse(t.config));
  if (cfg.kind !== 'http' || cfg.auth === 'none') {
    throw new AppError('invalid_input', `The target "${name}" takes no password or token.`, {
      where,
      hint: cfg.kind === 'http' ? 'Choose bearer or basic auth for it first.' : 'A file drop needs no secret.',
    });
  }
}

export function setSecret(db: ReadDb, secrets: SecretStore, input: ApiInput<'sync.setSecret'>): void {
  checkOwner(db, input.name);
  secrets.set(secretNameOf(input.name), input.value);
}

/** Also for a target already removed: nothing of it should stay behind. */
export function removeSecret(secrets: SecretStore, input: ApiInput<'sync.removeSecret'>): void {
  secrets.remove(secretNameOf(input.name));
}
