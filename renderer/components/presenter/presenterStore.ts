// Presenter mode: on or off, and why full screen did not come when it did not. The mode is a
// class on <html> (`presenting`) so renderer/presenter.css restyles the whole app, and the
// charts read the same flag for their label sizes.
import { create } from 'zustand';
import { enterFullScreen, exitFullScreen } from './fullScreen';

export interface PresenterState {
  presenting: boolean;
  /** Why full screen is not on while presenting; null when it is, or when not presenting. */
  fullScreenNote: string | null;
  enter(): Promise<void>;
  leave(): Promise<void>;
  toggle(): Promise<void>;
  /** Full screen was left from outside (the browser's own Escape, F11): the mode goes too. */
  fullScreenLeft(): void;
}

function mark(on: boolean): void {
  document.documentElement.classList.toggle('presenting', on);
}

export const usePresenterStore = create<PresenterState>((set, get) => ({
  presenting: false,
  fullScreenNote: null,
  async enter() {
    if (get().presenting) return;
    // The layout first, whatever full screen answers: the room sees the large type at once.
    mark(true);
    set({ presenting: true, fullScreenNote: null });
    const note = await enterFullScreen();
    if (get().presenting) set({ fullScreenNote: note });
  },
  async leave() {
    if (!get().presenting) return;
    mark(false);
    set({ presenting: false, fullScreenNote: null });
    await exitFullScreen();
  },
  toggle() {
    return get().presenting ? get().leave() : get().enter();
  },
  fullScreenLeft() {
    if (!get().presenting || get().fullScreenNote) return;
    mark(false);
    set({ presenting: false });
  },
}));
