// "Skip to content": the first tab stop of every page, hidden until focused, so a keyboard user
// gets past the navigation in one key. A hash link would change the page (hash routing), so the
// click moves the focus to <main> itself.
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
