// The only bridge between the sandboxed renderer and the main process: window.planroom.call, and
// the window's own full screen for presenter mode (electron/presenterIpc.ts).
import { contextBridge, ipcRenderer } from 'electron';

const API_CHANNEL = 'planroom:call';
const FULL_SCREEN_CHANNEL = 'planroom:fullScreen';

contextBridge.exposeInMainWorld('planroom', {
  call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, name, input),
  setFullScreen: async (on: boolean): Promise<void> => {
    await ipcRenderer.invoke(FULL_SCREEN_CHANNEL, on === true);
  },
});
