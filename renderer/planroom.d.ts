// What the Electron preload exposes (electron/preload.ts). Absent in browser mode.
interface Window {
  planroom?: {
    call(name: string, input: unknown): Promise<unknown>;
    /** The app window's own full screen (presenter mode); absent in browser mode. */
    setFullScreen?(on: boolean): Promise<void>;
  };
}
