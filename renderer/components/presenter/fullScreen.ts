// Full screen for presenter mode: the Electron window's own full screen through the preload when
// there is one, else the Fullscreen API. A refusal (headless, a policy, no user gesture) is an
// answer in words, not an error: the presenter layout goes on without it.

/** Null when the screen went full; else why not, for the facilitator. */
export async function enterFullScreen(): Promise<string | null> {
  try {
    if (window.planroom?.setFullScreen) {
      await window.planroom.setFullScreen(true);
      return null;
    }
    const root = document.documentElement;
    if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') {
      return 'Full screen is not available in this browser: press F11 for it.';
    }
    if (!document.fullscreenElement) await root.requestFullscreen();
    return null;
  } catch {
    return 'Full screen was not available: the presenter layout is on; press F11 for full screen.';
  }
}

export async function exitFullScreen(): Promise<void> {
  try {
    if (window.planroom?.setFullScreen) await window.planroom.setFullScreen(false);
    else if (document.fullscreenElement) await document.exitFullscreen();
  } catch {
    // Already out of full screen: nothing to undo.
  }
}
