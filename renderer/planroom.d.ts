// What the Electron preload exposes (electron/preload.ts). Absent in browser mode.
interface Window {
  planroom?: { call(name: string, input: unknown): Promise<unknown> };
}
