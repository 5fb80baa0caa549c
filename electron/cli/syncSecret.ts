// `planroom sync secret NAME [--remove]`: keeps the hub password (NAME "hub") or an HTTP
// target's token where this mode keeps secrets (the file beside the database, shared with
// `planroom serve`). The secret comes from standard input only: typed at a prompt that does not
// echo it, or the first line of a pipe. A flag would leave it in the shell's history and in the
// process list, so `--value` is refused.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { shownName } from '../../shared/domain/displayName';
import { callApi, EXIT, usage, type Subcommand } from './core';

/** The flags `sync secret` reads besides --remove; spread into the sync verb's options. */
export const secretOptions = { value: { type: 'string' } } as const;

/** The first line of a pipe, or what is typed at a prompt that echoes nothing. */
export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  const tty = Boolean(input.isTTY);
  let muted = false;
  // The prompt goes to stderr (stdout may be a pipe); once it is out, nothing typed is echoed.
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output, terminal: tty });
  try {
    if (tty) output.write(prompt);
    muted = true;
    const line = await new Promise<string | undefined>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(undefined));
      // Ctrl+C at the prompt: nothing is set (an empty answer is refused below).
      rl.once('SIGINT', () => rl.close());
    });
    if (tty) process.stderr.write('\n');
    return (line ?? '').replace(/\r$/, '');
  } finally {
    rl.close();
  }
}

export const secretSub: Subcommand = {
  usage: 'NAME [--remove]   (NAME: hub or an HTTP target; the secret is read from standard input)',
  args: 1,
  async run(v, args, io) {
    if (v.value !== undefined) {
      throw usage(
        '--value is refused: a secret given as a flag stays in the shell history; pipe it or type it at the prompt',
      );
    }
    const name = args[0];
    if (!name) throw usage('name whose secret it is: hub, or an HTTP target');
    if (v.remove) {
      const s = await callApi(io, v, 'sync.removeSecret', { name });
      const t = s.targets.find((x) => x.id === name);
      io.out(
        t?.passwordSet
          ? `forgotten here; one is still set: ${t.passwordWhere ?? ''}`
          : `${shownName(name, 40)}: secret forgotten`,
      );
      return EXIT.ok;
    }
    const what = name === 'hub' ? 'Hub password' : `Token or password of ${shownName(name, 40)}`;
    const value = await readSecret(`${what} (not shown): `);
    if (value === '') throw usage('no secret on standard input: type it at the prompt, or pipe it (first line)');
    const s = await callApi(io, v, 'sync.setSecret', { name, value });
    const t = s.targets.find((x) => x.id === name);
    if (t?.passwordWhere) io.out(`${shownName(name, 40)}: secret set (kept in ${t.passwordWhere})`);
    else
      io.out(
        `${shownName(name, 40)}: secret set; the hub comes next: planroom sync hub --url postgres://USER@HOST:5432/DB`,
      );
    return EXIT.ok;
  },
};
