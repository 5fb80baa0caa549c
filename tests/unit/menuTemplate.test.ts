// The application menu's template (electron/shell/menu.ts), read as data: the standard roles on
// each platform (so edit, zoom and full-screen shortcuts work again), Planroom's own items each
// sending its command, accelerators that collide neither with each other nor with a role's
// default, and no reload or developer tools in a packaged build.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/desktop/channels';
import { menuTemplate, type MenuOptions } from '../../electron/shell/menu';

/** Every item of the template, submenus included, depth first. */
function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function options(over: Partial<MenuOptions> = {}): MenuOptions & { sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  return {
    platform: 'linux',
    packaged: true,
    recent: [],
    send: (c) => sent.push(c),
    openDatabase: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    sent,
    ...over,
  };
}

const roles = (items: readonly MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role);
const byLabel = (items: readonly MenuItemConstructorOptions[], label: string) => {
  const item = flatten(items).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
};
const click = (item: MenuItemConstructorOptions) =>
  (item.click as () => void)(); /* the template's clicks take no argument */

// The accelerators Electron gives these roles by default (electron/lib/browser/api/menu-item-roles.ts).
const ROLE_DEFAULTS = [
  'CmdOrCtrl+Z',
  'Shift+CmdOrCtrl+Z',
  'CmdOrCtrl+Y',
  'CmdOrCtrl+X',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+A',
  'CmdOrCtrl+R',
  'Shift+CmdOrCtrl+R',
  'Alt+CmdOrCtrl+I',
  'Ctrl+Shift+I',
  'CmdOrCtrl+0',
  'CmdOrCtrl+Plus',
  'CmdOrCtrl+-',
  'F11',
  'Control+Command+F',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+M',
  'CmdOrCtrl+H',
];

describe('menuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('has the standard roles on %s', (platform) => {
    const r = roles(menuTemplate(options({ platform })));
    expect(r).toEqual(
      expect.arrayContaining(['editMenu', 'windowMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'help']),
    );
    if (platform === 'darwin') {
      expect(r).toContain('appMenu');
      expect(r).toContain('close');
      expect(r).not.toContain('about'); // the app menu has it
    } else {
      expect(r).not.toContain('appMenu');
      expect(r).toContain('quit');
      expect(r).toContain('about');
    }
  });

  it('gives Alt mnemonics on Windows and Linux, plain labels on macOS', () => {
    const labels = (p: NodeJS.Platform) => menuTemplate(options({ platform: p })).map((i) => i.label ?? i.role);
    expect(labels('linux')).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(labels('darwin')).toEqual(['appMenu', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('has unique accelerators on %s, none a role default', (platform) => {
    const own = flatten(menuTemplate(options({ platform, packaged: false })))
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(own.length).toBeGreaterThanOrEqual(6);
    expect(new Set(own).size).toBe(own.length);
    for (const a of own) expect(ROLE_DEFAULTS).not.toContain(a);
  });

  it('sends each of its own commands from its item', () => {
    const opts = options();
    const template = menuTemplate(opts);
    const items: Record<MenuCommand, string> = {
      import: 'Import export folder…',
      'new-cycle': 'New cycle…',
      'export-minutes': 'Export minutes…',
      presenter: 'Presenter mode',
      shortcuts: 'Keyboard shortcuts',
    };
    for (const command of MENU_COMMANDS) click(byLabel(template, items[command]));
    expect(opts.sent).toEqual([...MENU_COMMANDS]);
    expect(byLabel(template, 'Presenter mode').accelerator).toBe('F5');
    expect(byLabel(template, 'Import export folder…').accelerator).toBe('CmdOrCtrl+I');
  });

  it('has reload and developer tools only when not packaged', () => {
    const dev = ['reload', 'forceReload', 'toggleDevTools'];
    expect(roles(menuTemplate(options({ packaged: false })))).toEqual(expect.arrayContaining(dev));
    const packaged = roles(menuTemplate(options({ packaged: true })));
    for (const role of dev) expect(packaged).not.toContain(role);
  });

  it('lists recent databases, opens the one chosen, and says when there is none', () => {
    const empty = menuTemplate(options());
    expect(byLabel(empty, 'No recent databases').enabled).toBe(false);

    const opts = options({
      recent: [
        { path: '/home/ana/a.db', label: 'a.db — /home/ana' },
        { path: '/tmp/b.db', label: 'b.db — /tmp' },
      ],
    });
    const template = menuTemplate(opts);
    click(byLabel(template, 'b.db — /tmp'));
    expect(opts.openRecent).toHaveBeenCalledWith('/tmp/b.db');
    click(byLabel(template, 'Clear Recent'));
    expect(opts.clearRecent).toHaveBeenCalledOnce();
    click(byLabel(template, 'Open database…'));
    expect(opts.openDatabase).toHaveBeenCalledOnce();
  });
});
