// The secret of a saved source connection (bearer token, basic password, API key, database
// password) through the write-only SecretForm: whether one is set and where it is kept, or that
// the environment variable supplies it; never the value.
import type { SourceConnectionStatusT } from '../../../shared/api';
import type { SourceConnection } from '../../../shared/calls/sources';
import { call } from '../../api/client';
import { SecretForm } from '../SecretForm';

/** What the connection's secret is, or null when it takes none (a folder, HTTP without auth). */
export function secretKindOf(c: SourceConnection): 'token' | 'password' | 'API key' | null {
  if (c.kind === 'postgres') return 'password';
  if (c.kind === 'folder' || c.auth.kind === 'none') return null;
  return c.auth.kind === 'bearer' ? 'token' : c.auth.kind === 'basic' ? 'password' : 'API key';
}

export function SourceSecret({
  status,
  onStatus,
}: {
  status: SourceConnectionStatusT;
  onStatus(s: SourceConnectionStatusT): void;
}) {
  const kind = secretKindOf(status.connection);
  if (!kind) return null;
  const source = status.source;
  const Kind = kind === 'API key' ? kind : kind.charAt(0).toUpperCase() + kind.slice(1);
  return (
    <SecretForm
      formLabel={`${Kind} of ${source}`}
      kind={kind}
      fieldLabel={`${source} ${kind === 'password' && status.connection.kind === 'postgres' ? 'database password' : kind}`}
      what={`${kind} of ${source}`}
      envVar={status.secret.environmentVariable}
      state={{ set: status.secret.set, fromEnvironment: status.secret.fromEnvironment, where: status.secret.where }}
      save={(secret) => call('source.setSecret', { source, secret })}
      forget={() => call('source.removeSecret', { source })}
      onSaved={onStatus}
      stillSetIn={(s) => (s.secret.set ? s.secret.where : null)}
    />
  );
}
