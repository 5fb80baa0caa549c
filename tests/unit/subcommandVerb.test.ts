// The subcommand table of a CLI verb: its usage, its refusals and its default come from the table.
import { describe, expect, it } from 'vitest';
import { EXIT, subcommandVerb, UsageError, type Io } from '../../electron/cli/core';

/** A verb whose subcommands record what they were called with. */
function recordingVerb() {
  const calls: { name: string; args: string[] }[] = [];
  const sub = (name: string, usageText: string, args?: number) => ({
    usage: usageText,
    args,
    async run(_v: Record<string, unknown>, given: string[]) {
      calls.push({ name, args: given });
      return EXIT.ok;
    },
  });
  const verb = subcommandVerb('widget', {
    summary: 'Widgets',
    options: {},
    default: 'list',
    subs: {
      list: sub('list', '[--all]'),
      show: sub('show', 'NAME', 1),
      pair: sub('pair', 'A B', 2),
      wipe: sub('wipe', ''),
    },
    commonUsage: '[--db FILE] [--json]',
  });
  return { verb, calls };
}

const io: Io = { out: () => {}, err: () => {}, isTTY: false, env: {} };

/** The usage error a run refuses with (thrown before or while it runs). */
async function refusal(run: () => Promise<number>): Promise<string> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

describe('subcommandVerb', () => {
  it('builds the usage from the table: the default in brackets, each fragment after its name, common flags last', () => {
    const { verb } = recordingVerb();
    expect(verb.usage).toBe(
      'planroom widget [list] [--all] | widget show NAME | widget pair A B | widget wipe   [--db FILE] [--json]',
    );
    expect(verb.summary).toBe('Widgets');
    expect(verb.positionals).toBe(true);
  });

  it('runs the default subcommand when none is named, and a named one with its arguments', async () => {
    const { verb, calls } = recordingVerb();
    await verb.run({}, [], io);
    await verb.run({}, ['show', 'gear'], io);
    await verb.run({}, ['pair', 'a', 'b'], io);
    await verb.run({}, ['pair', 'a'], io);
    expect(calls).toEqual([
      { name: 'list', args: [] },
      { name: 'show', args: ['gear'] },
      { name: 'pair', args: ['a', 'b'] },
      { name: 'pair', args: ['a'] },
    ]);
  });

  it('refuses an unknown subcommand, naming every subcommand of the table', async () => {
    const { verb, calls } = recordingVerb();
    expect(await refusal(() => verb.run({}, ['frob'], io))).toBe(
      'unknown widget command "frob" (list, show, pair, wipe)',
    );
    expect(calls).toEqual([]);
  });

  it('cuts a long unknown name in the message', async () => {
    const { verb } = recordingVerb();
    const message = await refusal(() => verb.run({}, ['x'.repeat(500)], io));
    expect(message.length).toBeLessThan(120);
    expect(message).toMatch(/^unknown widget command "x+/);
  });

  it('refuses an argument beyond what the subcommand takes', async () => {
    const { verb, calls } = recordingVerb();
    expect(await refusal(() => verb.run({}, ['wipe', 'now'], io))).toBe('unexpected argument "now"');
    expect(await refusal(() => verb.run({}, ['show', 'gear', 'cog'], io))).toBe('unexpected argument "cog"');
    expect(await refusal(() => verb.run({}, ['pair', 'a', 'b', 'c'], io))).toBe('unexpected argument "c"');
    expect(calls).toEqual([]);
  });

  it('without a default, asks for a subcommand and lists them', async () => {
    const verb = subcommandVerb('box', {
      summary: 'Boxes',
      options: {},
      subs: { open: { usage: '', run: async () => EXIT.ok }, shut: { usage: 'NOW', run: async () => EXIT.ok } },
      commonUsage: '[--json]',
    });
    expect(verb.usage).toBe('planroom box open | box shut NOW   [--json]');
    expect(await refusal(() => verb.run({}, [], io))).toBe('give a command: open, shut');
  });
});
