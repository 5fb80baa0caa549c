// The only bridge between the sandboxed renderer and the main process: window.planroom, exactly
// shared/desktop/channels.ts's DesktopBridge. Every payload is checked again in the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DESKTOP_CHANNELS, MENU_COMMANDS, type DesktopBridge, type MenuCommand } from '../shared/desktop/channels';

const bridge: DesktopBridge = {
  call: (name, input) => ipcRenderer.invoke(DESKTOP_CHANNELS.call, name, input),
  setFullScreen: async (on) => {
    await ipcRenderer.invoke(DESKTOP_CHANNELS.fullScreen, on === true);
  },
  onCommand: (listener) => {
    // The renderer sees the command, never Electron's event (it carries the sender).
    const wrapped = (_e: IpcRendererEvent, command: unknown): void => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(DESKTOP_CHANNELS.command, wrapped);
    return () => {
      ipcRenderer.removeListener(DESKTOP_CHANNELS.command, wrapped);
    };
  },
  pickFolder: async (pick) => {
    const path: unknown = await ipcRenderer.invoke(DESKTOP_CHANNELS.pickFolder, pick);
    return typeof path === 'string' ? path : null;
  },
};

contextBridge.exposeInMainWorld('planroom', bridge);
