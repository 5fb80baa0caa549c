/** A page whose capability is not built yet: says so plainly instead of showing fake data. */
export function ComingPage({ title, what }: { title: string; what: string }) {
  return (
    <section aria-label={title}>
      <header className="page-head">
        <h1>{title}</h1>
      </header>
      <div className="card">
        <p>Not available in this version yet. This page will hold {what}.</p>
      </div>
    </section>
  );
}
