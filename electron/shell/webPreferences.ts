// One set of webPreferences for every Planroom window (the app window, the room view, the hidden
// PDF printer), per Electron's security checklist: the page gets no Node, runs in Chromium's
// sandbox in its own JavaScript world, and cannot turn web security off, load http content into
// the app, open <webview>s or navigate by a dropped file. Each window only says what differs.
import type { WebPreferences } from 'electron';

export interface WindowNeeds {
  /** The preload script (window.planroom); none for a window that needs no API. */
  preload?: string;
  /** False for a page that must not run script (the minutes printed to PDF). */
  javascript?: boolean;
}

export function secureWebPreferences(needs: WindowNeeds = {}): WebPreferences {
  return {
    ...(needs.preload ? { preload: needs.preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    javascript: needs.javascript ?? true,
  };
}
