// A sync target's password or token, typed on the Sync page (SecretForm): kept by the main
// process where this mode keeps secrets, never in SQLite and never sent back. The environment
// variable stays the alternative.
import type { ApiOutput, SyncTargetStatusT } from '../../../shared/api';
import { envNameOf, secretNameOf } from '../../../shared/sync/secretNames';
import { call } from '../../api/client';
import { SecretForm } from '../SecretForm';

type Status = ApiOutput<'sync.status'>;

/** What the target's secret is called, or null when it takes none (a file drop, an HTTP target without auth). */
function secretKind(t: SyncTargetStatusT): 'password' | 'token' | null {
  if (t.kind === 'postgres') return 'password';
  if (t.settings?.kind !== 'http' || t.settings.auth === 'none') return null;
  return t.settings.auth === 'bearer' ? 'token' : 'password';
}

export function SecretField({ t, onSaved }: { t: SyncTargetStatusT; onSaved(s: Status): void }) {
  const kind = secretKind(t);
  if (!kind) return null;
  const hub = t.kind === 'postgres';
  const name = hub ? 'hub' : t.id;
  const Kind = kind === 'token' ? 'Token' : 'Password';
  const envVar = envNameOf(secretNameOf(name));
  return (
    <SecretForm
      formLabel={hub ? 'Password of the hub' : `${Kind} of ${t.id}`}
      kind={kind}
      fieldLabel={hub ? `Hub ${kind}` : Kind}
      what={hub ? 'hub password' : `${kind} of ${t.id}`}
      envVar={envVar}
      state={{ set: t.passwordSet, fromEnvironment: t.passwordFromEnvironment, where: t.passwordWhere ?? null }}
      unsetSuffix={hub ? ', unless the hub needs none' : ''}
      save={(value) => call('sync.setSecret', { name, value })}
      forget={() => call('sync.removeSecret', { name })}
      onSaved={onSaved}
      stillSetIn={(s) => {
        const still = s.targets.find((x) => x.id === t.id);
        return still?.passwordSet ? (still.passwordWhere ?? envVar) : null;
      }}
    />
  );
}
