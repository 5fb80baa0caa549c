// The rule of every mode: a secret in the environment ($PLANROOM_HUB_PASSWORD, or the 0600 file
// named by $PLANROOM_HUB_PASSWORD_FILE) wins over a kept one, so an administrator's or a
// script's setting is never shadowed by one typed earlier. Keeping a secret that the
// environment would shadow is refused, with what to do.
import { AppError } from '../../shared/domain/errors';
import { envSecrets, secretLabel } from './envSecrets';
import { envNameOf, type SecretName, type SecretStore } from './secretStore';

export function withEnvironment(kept: SecretStore, env: NodeJS.ProcessEnv = process.env): SecretStore {
  const fromEnv = envSecrets(env);
  const inEnv = (name: SecretName): string | undefined => {
    const variable = envNameOf(name);
    if (env[variable]) return variable;
    if (env[`${variable}_FILE`]) return `${variable}_FILE`;
    return undefined;
  };
  return {
    get: (name) => fromEnv.get(name) ?? kept.get(name),
    set(name, value) {
      const variable = inEnv(name);
      if (variable) {
        throw new AppError(
          'conflict',
          `${variable} is set in this Planroom's environment, and it wins over a kept ${secretLabel(name)}.`,
          {
            hint: `Change it there, or unset ${variable} and restart Planroom to keep the ${secretLabel(name)} here instead.`,
          },
        );
      }
      kept.set(name, value);
    },
    remove: (name) => kept.remove(name),
    fromEnvironment: (name) => inEnv(name) !== undefined,
    whereFor(name) {
      const variable = inEnv(name);
      if (!variable) return kept.whereFor(name);
      return variable.endsWith('_FILE') ? `the file named by ${variable}` : `the environment variable ${variable}`;
    },
  };
}
