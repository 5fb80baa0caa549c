// A page's title with "Your name": who is acting, for what the page records (reviews, changes,
// comments), remembered on this computer by useUserName.
export function PageHead({
  title,
  userName,
  onUserName,
  nameFor,
}: {
  title: string;
  userName: string;
  onUserName: (name: string) => void;
  /** What the name is recorded for, as the input's placeholder. */
  nameFor: string;
}) {
  return (
    <header className="page-head">
      <h1>{title}</h1>
      <label className="who">
        Your name
        <input value={userName} onChange={(e) => onUserName(e.target.value)} placeholder={nameFor} />
      </label>
    </header>
  );
}
