// One Planroom per user: a second launch (a double-click on the icon, a .planroom file opened
// from the file manager) hands its arguments to the running app and quits, and the running
// window comes to the front: two processes writing the same database and sync outbox would
// fight over the write lock. Who reads the second launch's arguments (a cycle bundle to open)
// registers with onSecondInstance; this module only owns the lock and the focus.

/** What is needed of Electron's app. */
export interface LockApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/** What is needed of the app window to bring it back. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface SingleInstance {
  /** False in a second launch: it has already asked to quit; the caller starts nothing. */
  primary: boolean;
  /** Runs `listener` with each later launch's arguments and working directory. */
  onSecondInstance(listener: (argv: readonly string[], workingDirectory: string) => void): void;
}

/** Brings the window back: out of the dock or taskbar, shown, focused. */
export function bringToFront(win: FocusableWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function singleInstance(app: LockApp, appWindow: () => FocusableWindow | null): SingleInstance {
  const listeners: ((argv: readonly string[], workingDirectory: string) => void)[] = [];
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, onSecondInstance: () => undefined };
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront(appWindow());
    for (const listener of listeners) listener(argv, workingDirectory);
  });
  return { primary: true, onSecondInstance: (listener) => void listeners.push(listener) };
}
