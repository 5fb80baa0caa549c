// The only bridge between the sandboxed renderer and the main process: window.planroom.call.
import { contextBridge, ipcRenderer } from 'electron';

const API_CHANNEL = 'planroom:call';

contextBridge.exposeInMainWorld('planroom', {
  call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, name, input),
});
