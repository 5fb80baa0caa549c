// The system dialogs (electron/shell/dialogs.ts) with a fake dialog: the folder dialog answers only
// the app's own page with a valid request and gives the path or null; Open database filters .db
// files; a download's save dialog starts in Downloads with the export's name and type.
import type { BaseWindow, OpenDialogOptions } from 'electron';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bindPickFolder, chooseDatabase, saveDialogOptions } from '../../electron/shell/dialogs';
import { DESKTOP_CHANNELS } from '../../shared/desktop/channels';

const INDEX = 'file:///opt/planroom/renderer/index.html';
const win = { id: 1 } as unknown as BaseWindow;
const appSender = { id: 'app' };

function setup(answer: { canceled: boolean; filePaths: string[] }) {
  const dialog = { showOpenDialog: vi.fn(async (_w: BaseWindow, _o: OpenDialogOptions) => answer) };
  // A fake ipcMain: the one handler bindPickFolder registers, called as Electron would.
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  bindPickFolder(
    { handle: (channel, fn) => void handlers.set(channel, fn as never) },
    { dialog, indexUrl: INDEX, windowOf: (sender) => (sender === (appSender as unknown) ? win : null) },
  );
  const handler = (event: unknown, pick: unknown) => handlers.get(DESKTOP_CHANNELS.pickFolder)!(event, pick);
  const event = (url: string, sender: unknown = appSender, parent: unknown = null) => ({
    sender,
    senderFrame: { url, parent },
  });
  return { dialog, handler, event };
}

describe('bindPickFolder', () => {
  it('opens a folder dialog on the app window and answers the chosen path', async () => {
    const { dialog, handler, event } = setup({ canceled: false, filePaths: ['/data/erp'] });
    const path = await handler(event(`${INDEX}#/data`), { title: 'ERP export folder', defaultPath: '/data' });
    expect(path).toBe('/data/erp');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'ERP export folder',
      defaultPath: '/data',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('answers null when the dialog is cancelled', async () => {
    const { handler, event } = setup({ canceled: true, filePaths: [] });
    expect(await handler(event(INDEX), { title: 'Folder' })).toBeNull();
  });

  it.each([
    ['another page', `file:///tmp/evil.html`, appSender, null],
    ['a frame inside the app', INDEX, appSender, {}],
    ['another window', INDEX, { id: 'other' }, null],
  ])('refuses %s without opening a dialog', async (_what, url, sender, parent) => {
    const { dialog, handler, event } = setup({ canceled: false, filePaths: ['/x'] });
    const r = await handler(event(url, sender, parent), { title: 'Folder' });
    expect(r).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['no title', {}],
    ['a title too long', { title: 'x'.repeat(201) }],
    ['an unknown field', { title: 'Folder', properties: ['openFile'] }],
    ['not an object', 'C:\\'],
  ])('refuses a request with %s', async (_what, pick) => {
    const { dialog, handler, event } = setup({ canceled: false, filePaths: ['/x'] });
    const r = await handler(event(INDEX), pick);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(JSON.stringify(r).length).toBeLessThan(400);
  });
});

describe('chooseDatabase', () => {
  it('asks for one .db file', async () => {
    const dialog = {
      showOpenDialog: vi.fn(async (_w: BaseWindow, _o: OpenDialogOptions) => ({
        canceled: false,
        filePaths: ['/home/ana/q1.db'],
      })),
    };
    expect(await chooseDatabase(dialog, win, '/home/ana')).toBe('/home/ana/q1.db');
    const options = dialog.showOpenDialog.mock.calls[0]![1];
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters![0]).toEqual({ name: 'Planroom database', extensions: ['db'] });
  });
});

describe('saveDialogOptions', () => {
  it("starts in Downloads with the export's name and its type first", () => {
    expect(saveDialogOptions('2027-01 S&OP minutes.pdf', '/home/ana/Downloads')).toEqual({
      title: 'Save the export',
      defaultPath: join('/home/ana/Downloads', '2027-01 S&OP minutes.pdf'),
      filters: [
        { name: 'PDF document', extensions: ['pdf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(saveDialogOptions('plan.XLSX', '/d').filters![0]).toEqual({ name: 'Excel workbook', extensions: ['xlsx'] });
    expect(saveDialogOptions('cycle.planroom', '/d').filters![0]!.extensions).toEqual(['planroom']);
  });

  it('keeps only the last part of a name with folders in it, and gives a nameless one a name', () => {
    expect(saveDialogOptions('../../etc/passwd', '/d').defaultPath).toBe(join('/d', 'passwd'));
    expect(saveDialogOptions('..\\..\\x.csv', '/d').defaultPath).toBe(join('/d', 'x.csv'));
    expect(saveDialogOptions('', '/d').defaultPath).toBe(join('/d', 'planroom-export'));
    expect(saveDialogOptions('..', '/d').defaultPath).toBe(join('/d', 'planroom-export'));
    expect(saveDialogOptions('noext', '/d').filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
