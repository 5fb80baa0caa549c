// The order of the Electron start-up, apart from Electron so it can be tested with fakes: the
// window is created and loading the renderer first; the database (open, migrations, the demo
// company on a first run, the engine's warm-up) comes once the window has painted, so nothing that
// grows with the data stands between the click and the first paint. The API's calls wait for the
// database on one promise (deferredHandlers.ts). A failure at any step closes the window and ends
// the app through `fail` (the error box and exit code 1 in main.ts).

/** The app window as the start-up sees it. */
export interface StartupWindow {
  /** Settles when the renderer has loaded (rejects when it cannot be loaded). */
  loaded: Promise<void>;
  /** Resolves at the first paint (Electron's ready-to-show), when the window is shown. */
  shown: Promise<void>;
  close(): void;
}

export interface StartupSteps<T> {
  /** Creates the window and starts loading the renderer; must not wait for anything heavy. */
  createWindow(): StartupWindow;
  /** Everything heavy: the database opened and migrated, the demo company, the services. */
  openData(): Promise<T>;
  /** Shows the failure and ends the app (after the window was closed). */
  fail(error: unknown): void;
}

export interface Started<T> {
  /** The services, once the data is open; the API's calls await it. Rejects when start-up failed. */
  ready: Promise<T>;
  /** Settles when start-up has finished, either way (never rejects). */
  done: Promise<void>;
}

export function startInOrder<T>(steps: StartupSteps<T>): Started<T> {
  const win = steps.createWindow();
  // Whichever comes first: a window that never paints (a renderer that failed to load) must
  // still end in the error box, not leave the app waiting on an invisible window.
  const painted = Promise.race([win.shown, win.loaded]);
  const ready = painted.then(() => steps.openData());
  // A load failure after the data opened ends the app too.
  const done = Promise.all([ready, win.loaded]).then(
    () => undefined,
    (e: unknown) => {
      win.close();
      steps.fail(e);
    },
  );
  // The API's callers see the rejection through `ready`; this keeps it from being unhandled.
  ready.catch(() => undefined);
  return { ready, done };
}
