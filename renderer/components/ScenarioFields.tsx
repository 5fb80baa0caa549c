// A scenario's name, owner and assumptions: the same three fields when creating and editing one.
export interface ScenarioFieldValues {
  name: string;
  owner: string;
  assumptions: string;
}

/** The three fields of a scenario (or of anything carrying them). */
export const fieldValues = ({ name, owner, assumptions }: ScenarioFieldValues): ScenarioFieldValues => ({
  name,
  owner,
  assumptions,
});

export function ScenarioFields({
  value,
  onChange,
  namePlaceholder,
}: {
  value: ScenarioFieldValues;
  onChange: (v: ScenarioFieldValues) => void;
  namePlaceholder?: string;
}) {
  return (
    <>
      <div className="form-row">
        <label className="grow">
          Name
          <input
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            placeholder={namePlaceholder}
          />
        </label>
        <label>
          Owner
          <input value={value.owner} onChange={(e) => onChange({ ...value, owner: e.target.value })} />
        </label>
      </div>
      <label className="block small muted">
        Assumptions
        <textarea
          rows={2}
          value={value.assumptions}
          onChange={(e) => onChange({ ...value, assumptions: e.target.value })}
        />
      </label>
    </>
  );
}
