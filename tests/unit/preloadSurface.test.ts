// The preload's exposed surface without Electron: contextBridge and ipcRenderer are fakes, and
// electron/preload.ts is imported as the sandbox would run it. The page gets exactly one world
// key, window.planroom, holding exactly DesktopBridge's four functions; each invokes its own
// channel; menu commands reach the listener as a bare command (never Electron's event, which
// carries the sender), unknown ones are dropped, and the unsubscribe really unsubscribes.
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS, type DesktopBridge } from '../../shared/desktop/channels';

type Listener = (event: unknown, ...args: unknown[]) => void;
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<Listener>>(),
  invoked: [] as unknown[][],
  answer: undefined as unknown,
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args);
      return fake.answer;
    },
    on: (channel: string, fn: Listener) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: Listener) => fake.listeners.get(channel)?.delete(fn),
  },
}));

await import('../../electron/preload');

/** DesktopBridge's keys; the compiler fails here when the interface gains or loses one. */
const BRIDGE_KEYS = {
  call: true,
  setFullScreen: true,
  onCommand: true,
  pickFolder: true,
} satisfies Record<keyof DesktopBridge, true>;

const bridge = () => fake.exposed.get('planroom') as DesktopBridge;
const send = (command: unknown) => {
  const event = { sender: { id: 'main' }, ports: [] };
  for (const fn of fake.listeners.get(DESKTOP_CHANNELS.command) ?? []) fn(event, command);
};

describe('the preload', () => {
  it('exposes one world key, planroom, with exactly the four bridge functions', () => {
    expect([...fake.exposed.keys()]).toEqual(['planroom']);
    expect(Object.keys(bridge()).sort()).toEqual(Object.keys(BRIDGE_KEYS).sort());
    for (const fn of Object.values(bridge())) expect(typeof fn).toBe('function');
  });

  it('invokes each channel with its arguments only', async () => {
    fake.invoked.length = 0;
    fake.answer = { ok: true, data: 1 };
    await expect(bridge().call('app.info', {})).resolves.toEqual({ ok: true, data: 1 });
    await bridge().setFullScreen(true);
    await bridge().setFullScreen('yes' as never);
    fake.answer = '/home/dana/exports';
    await expect(bridge().pickFolder({ title: 'Export folder' })).resolves.toBe('/home/dana/exports');
    // The main process refusing (an error result) or a cancel is "no folder", never an object.
    fake.answer = { ok: false, error: { code: 'usage', message: 'refused' } };
    await expect(bridge().pickFolder({ title: 'Export folder' })).resolves.toBeNull();
    expect(fake.invoked).toEqual([
      [DESKTOP_CHANNELS.call, 'app.info', {}],
      [DESKTOP_CHANNELS.fullScreen, true],
      [DESKTOP_CHANNELS.fullScreen, false],
      [DESKTOP_CHANNELS.pickFolder, { title: 'Export folder' }],
      [DESKTOP_CHANNELS.pickFolder, { title: 'Export folder' }],
    ]);
  });

  it('passes known menu commands, alone, to the listener; drops others; unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge().onCommand((...args: unknown[]) => got.push(args));
    send('import');
    send('presenter');
    send('rm -rf /');
    send({ command: 'import' });
    expect(got).toEqual([['import'], ['presenter']]);
    off();
    expect(fake.listeners.get(DESKTOP_CHANNELS.command)?.size).toBe(0);
    send('import');
    expect(got).toHaveLength(2);
  });
});
