// The `?` dialog: every shortcut of the app, rendered from the one registry (renderer/shortcuts.ts).
// Modal: the rest of the app is inert while it is open, the focus goes to its Close button and
// back to what had it on close; Escape closes it.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { SHORTCUTS } from '../../shortcuts';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    const background = [...document.querySelectorAll<HTMLElement>('.frame > nav, .frame > main, .facilitator-bar')];
    for (const el of background) el.inert = true;
    close.current?.focus();
    return () => {
      for (const el of background) el.inert = false;
      if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
      else document.querySelector<HTMLElement>('.frame > main')?.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    // The app's own keys (1-6, n, f, w) do not act behind the dialog.
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === '?') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      // One button: the focus stays on it.
      e.preventDefault();
      close.current?.focus();
    }
  }

  return (
    <div className="capture-backdrop shortcuts-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="shortcuts-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-heading"
        onKeyDown={onKeyDown}
      >
        <div className="shortcuts-head">
          <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
          <button type="button" ref={close} onClick={onClose}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
        <div className="shortcuts-groups">
          {SHORTCUTS.map((g, gi) => (
            <section key={g.where} aria-labelledby={`keys-${gi}`}>
              <h3 id={`keys-${gi}`}>{g.where}</h3>
              <dl className="shortcuts-list">
                {g.shortcuts.map((s) => (
                  <div key={`${s.keys.join()}-${s.what}`} className="shortcut">
                    <dt>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="muted"> or </span>}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{s.what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
