import { useState } from 'react';
import type { ApiOutput } from '../../shared/api';
import type { LeverT } from '../../shared/planning/levers';
import { KeySelect, NumberInput, PeriodSelect } from './LeverInputs';

type Keys = ApiOutput<'scenario.keys'>;
type Of<K extends LeverT['kind']> = Extract<LeverT, { kind: K }>;

interface Props<L> {
  lever: L;
  onChange: (l: LeverT) => void;
  keys: Keys;
  periods: string[];
  /** The field the server's error names, if any. */
  invalid: string | null;
}

/** The inputs of one lever, by its kind. */
export function ScenarioLeverFields(props: Props<LeverT>) {
  const { lever } = props;
  switch (lever.kind) {
    case 'demand_lift':
      return <DemandLiftFields {...props} lever={lever} />;
    case 'capacity':
      return <CapacityFields {...props} lever={lever} />;
    case 'expedite':
      return <ExpediteFields {...props} lever={lever} />;
    case 'safety_stock':
      return <SafetyStockFields {...props} lever={lever} />;
    case 'prebuild':
      return <PrebuildFields {...props} lever={lever} />;
  }
}

function Range({ lever, onChange, periods, invalid }: Props<Of<'demand_lift'> | Of<'capacity'>>) {
  return (
    <>
      <PeriodSelect
        label="From"
        value={lever.from}
        periods={periods}
        open="start of horizon"
        invalid={invalid === 'from'}
        onChange={(from) => onChange({ ...lever, from })}
      />
      <PeriodSelect
        label="To"
        value={lever.to}
        periods={periods}
        open="end of horizon"
        invalid={invalid === 'to'}
        onChange={(to) => onChange({ ...lever, to })}
      />
    </>
  );
}

function DemandLiftFields(props: Props<Of<'demand_lift'>>) {
  const { lever, onChange, keys, invalid } = props;
  return (
    <div className="form-row">
      <NumberInput
        label="Change (%)"
        value={lever.percent}
        invalid={invalid === 'percent'}
        onChange={(percent) => onChange({ ...lever, percent })}
      />
      <KeySelect
        label="Family"
        value={lever.family}
        options={keys.families}
        any="all families"
        invalid={invalid === 'family'}
        onChange={(family) => onChange({ ...lever, family })}
      />
      <KeySelect
        label="Region"
        value={lever.region}
        options={keys.regions}
        any="all regions"
        invalid={invalid === 'region'}
        onChange={(region) => onChange({ ...lever, region })}
      />
      <Range {...props} />
    </div>
  );
}

function CapacityFields(props: Props<Of<'capacity'>>) {
  const { lever, onChange, keys, invalid } = props;
  return (
    <div className="form-row">
      <KeySelect
        label="Resource"
        value={lever.resource || null}
        options={keys.resources}
        invalid={invalid === 'resource'}
        onChange={(resource) => onChange({ ...lever, resource: resource ?? '' })}
      />
      <label>
        How
        <select
          aria-label="How"
          value={lever.how}
          onChange={(e) => onChange({ ...lever, how: e.target.value as Of<'capacity'>['how'] })}
        >
          <option value="overtime">Overtime (paid as used)</option>
          <option value="extra_shift">Extra shift (paid in full)</option>
        </select>
      </label>
      <NumberInput
        label="Hours per period"
        value={lever.hoursPerPeriod}
        invalid={invalid === 'hoursPerPeriod'}
        onChange={(hoursPerPeriod) => onChange({ ...lever, hoursPerPeriod })}
      />
      <NumberInput
        label="Cost per hour"
        value={lever.costPerHour}
        invalid={invalid === 'costPerHour'}
        onChange={(costPerHour) => onChange({ ...lever, costPerHour })}
      />
      <Range {...props} />
    </div>
  );
}

function ExpediteFields({ lever, onChange, keys, invalid }: Props<Of<'expedite'>>) {
  const [byOrders, setByOrders] = useState(lever.lane === null && lever.orders.length > 0);
  const [orders, setOrders] = useState(lever.orders.join(', '));
  return (
    <div className="form-row">
      <label>
        Expedite
        <select
          aria-label="Expedite"
          value={byOrders ? 'orders' : 'lane'}
          onChange={(e) => {
            const next = e.target.value === 'orders';
            setByOrders(next);
            onChange(next ? { ...lever, lane: null } : { ...lever, orders: [], lane: keys.lanes[0] ?? null });
            if (!next) setOrders('');
          }}
        >
          <option value="lane">every open line on a lane</option>
          <option value="orders">the lines of some orders</option>
        </select>
      </label>
      {byOrders ? (
        <label className="grow">
          Orders (comma-separated ids)
          <input
            value={orders}
            aria-invalid={invalid === 'orders' || invalid?.startsWith('orders.') || undefined}
            onChange={(e) => {
              setOrders(e.target.value);
              const ids = e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
              onChange({ ...lever, orders: ids });
            }}
          />
        </label>
      ) : (
        <KeySelect
          label="Lane"
          value={lever.lane}
          options={keys.lanes}
          invalid={invalid === 'lane'}
          onChange={(lane) => onChange({ ...lever, lane })}
        />
      )}
      <label>
        Mode
        <select
          aria-label="Mode"
          value={lever.mode}
          onChange={(e) => onChange({ ...lever, mode: e.target.value as Of<'expedite'>['mode'] })}
        >
          {(['air', 'road', 'rail', 'sea'] as const).map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <NumberInput
        label="Days faster"
        step={1}
        value={lever.daysFaster}
        invalid={invalid === 'daysFaster'}
        onChange={(daysFaster) => onChange({ ...lever, daysFaster })}
      />
      <NumberInput
        label="Cost per unit"
        value={lever.costPerUnit}
        invalid={invalid === 'costPerUnit'}
        onChange={(costPerUnit) => onChange({ ...lever, costPerUnit })}
      />
    </div>
  );
}

function SafetyStockFields({ lever, onChange, keys, invalid }: Props<Of<'safety_stock'>>) {
  return (
    <div className="form-row">
      <label>
        Policy
        <select
          aria-label="Policy"
          value={lever.policy}
          onChange={(e) => onChange({ ...lever, policy: e.target.value as Of<'safety_stock'>['policy'] })}
        >
          <option value="scale">Scale today's safety stock (%)</option>
          <option value="weeks_of_cover">Weeks of demand cover</option>
        </select>
      </label>
      <NumberInput
        label={lever.policy === 'scale' ? 'Change (%)' : 'Weeks of cover'}
        value={lever.value}
        invalid={invalid === 'value'}
        onChange={(value) => onChange({ ...lever, value })}
      />
      <KeySelect
        label="Family"
        value={lever.family}
        options={keys.families}
        any="all families"
        invalid={invalid === 'family'}
        onChange={(family) => onChange({ ...lever, family })}
      />
      <KeySelect
        label="ABC class"
        value={lever.abc}
        options={['A', 'B', 'C']}
        any="all classes"
        invalid={invalid === 'abc'}
        onChange={(abc) => onChange({ ...lever, abc: abc as Of<'safety_stock'>['abc'] })}
      />
      <KeySelect
        label="Location"
        value={lever.location}
        options={keys.locations}
        any="all locations"
        invalid={invalid === 'location'}
        onChange={(location) => onChange({ ...lever, location })}
      />
    </div>
  );
}

function PrebuildFields({ lever, onChange, keys, periods, invalid }: Props<Of<'prebuild'>>) {
  return (
    <div className="form-row">
      <KeySelect
        label="Resource"
        value={lever.resource || null}
        options={keys.resources}
        invalid={invalid === 'resource'}
        onChange={(resource) => onChange({ ...lever, resource: resource ?? '' })}
      />
      <KeySelect
        label="Family"
        value={lever.family}
        options={keys.families}
        any="all families"
        invalid={invalid === 'family'}
        onChange={(family) => onChange({ ...lever, family })}
      />
      <PeriodSelect
        label="Production of"
        value={lever.from || null}
        periods={periods}
        invalid={invalid === 'from'}
        onChange={(from) => onChange({ ...lever, from: from ?? '' })}
      />
      <PeriodSelect
        label="To"
        value={lever.to || null}
        periods={periods}
        invalid={invalid === 'to'}
        onChange={(to) => onChange({ ...lever, to: to ?? '' })}
      />
      <NumberInput
        label="Periods earlier"
        step={1}
        value={lever.periodsEarlier}
        invalid={invalid === 'periodsEarlier'}
        onChange={(periodsEarlier) => onChange({ ...lever, periodsEarlier })}
      />
      <NumberInput
        label="Share (%)"
        value={lever.share}
        invalid={invalid === 'share'}
        onChange={(share) => onChange({ ...lever, share })}
      />
    </div>
  );
}
