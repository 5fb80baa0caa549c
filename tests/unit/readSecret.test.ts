// `planroom sync secret` reads the secret without echoing it at a terminal (the prompt shows,
// what is typed does not), and takes the first line of a pipe.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSecret } from '../../electron/cli/syncSecret';

function stream(tty: boolean): PassThrough & NodeJS.ReadStream {
  return Object.assign(new PassThrough(), { isTTY: tty }) as unknown as PassThrough & NodeJS.ReadStream;
}

describe('readSecret', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prompts on a terminal and echoes nothing that is typed', async () => {
    const shown: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      shown.push(String(chunk));
      return true;
    });
    const input = stream(true);
    const read = readSecret('Hub password (not shown): ', input);
    input.write('typed-s3cret\r');
    expect(await read).toBe('typed-s3cret');
    expect(shown.join('')).toContain('Hub password (not shown): ');
    expect(shown.join('')).not.toContain('typed-s3cret');
  });

  it('takes the first line of a pipe, without its line end', async () => {
    const input = stream(false);
    const read = readSecret('unused', input);
    input.end('piped-secret\r\nsecond line\n');
    expect(await read).toBe('piped-secret');
  });

  it('gives an empty answer for an empty pipe (refused by the command)', async () => {
    const input = stream(false);
    const read = readSecret('unused', input);
    input.end('');
    expect(await read).toBe('');
  });
});
