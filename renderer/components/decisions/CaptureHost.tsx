// Where the capture form lives: a modal dialog near the top of the viewport, opened by `n` from
// any page or by the nav's "Record decision" button. It keeps the rest of the app inert while
// open, gives the focus back to whatever had it before, and says what was recorded afterwards.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { shownName } from '../../../shared/domain/displayName';
import { useDecisionStore } from '../../stores/decisionStore';
import { useUserName } from '../../useUserName';
import { isTyping } from './captureFields';
import { CaptureForm, type Saved } from './CaptureForm';

/** The nav's button; the `n` shortcut is shown on it. */
export function CaptureButton() {
  const openCapture = useDecisionStore((s) => s.openCapture);
  return (
    <button type="button" className="capture-open" aria-keyshortcuts="n" onClick={() => openCapture()}>
      <span>Record decision</span>
      <kbd aria-hidden="true">N</kbd>
    </button>
  );
}

export function CaptureHost() {
  const capture = useDecisionStore((s) => s.capture);
  const openCapture = useDecisionStore((s) => s.openCapture);
  const closeCapture = useDecisionStore((s) => s.closeCapture);
  const changed = useDecisionStore((s) => s.changed);
  const [userName, setUserName] = useUserName();
  const [saved, setSaved] = useState<Saved | null>(null);
  // Who had the focus when the form opened: taken in the store's own update, before the form
  // mounts and moves the focus to its title.
  const opener = useRef<Element | null>(null);
  const open = capture !== null;

  useEffect(
    () =>
      useDecisionStore.subscribe((s, prev) => {
        if (s.capture && !prev.capture) {
          opener.current = document.activeElement;
          setSaved(null);
        }
      }),
    [],
  );

  // `n` from any page, unless someone is typing or holds a modifier.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key !== 'n' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
      if (e.defaultPrevented || isTyping(e.target) || useDecisionStore.getState().capture) return;
      // Not typed into the title the focus is about to move to.
      e.preventDefault();
      openCapture();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openCapture]);

  // While open the pages and the nav are inert (not focusable, hidden from assistive tech); on
  // close the focus goes back where it was, or to the page when that element is gone.
  useEffect(() => {
    if (!open) return;
    const background = [...document.querySelectorAll<HTMLElement>('.frame > nav, .frame > main')];
    for (const el of background) el.inert = true;
    return () => {
      for (const el of background) el.inert = false;
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
      else document.querySelector<HTMLElement>('.frame > main')?.focus();
    };
  }, [open]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    // The app's own shortcuts (1-6, n) stay out of the dialog.
    e.stopPropagation();
    if (e.key === 'Escape' && !e.isDefaultPrevented()) {
      e.preventDefault();
      closeCapture();
    } else if (e.key === 'Tab') {
      // Keep Tab inside the dialog: from the last field to the first and back.
      const focusable = [
        ...e.currentTarget.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]'),
      ].filter((el) => !el.hasAttribute('disabled') && el.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  }

  return (
    <>
      {capture && (
        <div className="capture-backdrop">
          <div
            className="capture-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="capture-heading"
            onKeyDown={onKeyDown}
          >
            <CaptureForm
              target={capture}
              userName={userName}
              onUserName={setUserName}
              onCancel={closeCapture}
              onSaved={(s) => {
                changed();
                closeCapture();
                setSaved(s);
              }}
            />
          </div>
        </div>
      )}
      {/* Always there, so what is recorded is announced; shown only with something to say. */}
      <div className="capture-saved" role="status" hidden={!saved}>
        {saved && (
          <>
            <span>
              Recorded at priority #{saved.rank}: <strong>{shownName(saved.title)}</strong>
            </span>
            <a href="#/decisions">Decisions</a>
            <button type="button" className="link" aria-label="Dismiss" onClick={() => setSaved(null)}>
              ×
            </button>
          </>
        )}
      </div>
    </>
  );
}
