// The <option>s of a select from a record of value -> label, in the record's order: the forms'
// fixed choices (auth kinds, TLS modes, paging styles) written once.
export function ChoiceOptions({ choices }: { choices: Readonly<Record<string, string>> }) {
  return (
    <>
      {Object.entries(choices).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
