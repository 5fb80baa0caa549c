// What the Electron preload exposes (electron/preload.ts). Absent in browser mode.
interface Window {
  planroom?: import('../shared/desktop/channels').DesktopBridge;
}
