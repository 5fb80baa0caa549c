import { useEffect, useState } from 'react';
import { CONSUMPTION_RULES, type PlanningSettingsT } from '../../shared/planning/settings';
import { call } from '../api/client';
import { useExceptionStore } from '../stores/exceptionStore';
import { useSubmit } from '../useSubmit';
import { FormResult } from './FormResult';

const RULE_LABEL: Record<PlanningSettingsT['consumption'], string> = {
  max: 'The larger of forecast and orders',
  forecast: 'Forecast only',
  orders: 'Committed orders only',
  sum: 'Forecast plus orders',
};

type Field = { key: keyof PlanningSettingsT; label: string; percent?: boolean; step?: number };
const FIELDS: Field[] = [
  { key: 'freightGuardrail', label: 'Freight guardrail (% of order margin)', percent: true },
  { key: 'demandShiftThreshold', label: 'Demand shift threshold (%)', percent: true },
  { key: 'demandShiftMinQty', label: 'Demand shift at least (units)', step: 1 },
  { key: 'accuracyPeriods', label: 'Forecast accuracy over (weeks)', step: 1 },
  { key: 'adherencePeriods', label: 'Plan adherence over (weeks)', step: 1 },
];

/** The engine's settings: the consumption rule and the thresholds exceptions use. */
export function PlanningSettingsForm({ userName }: { userName: string }) {
  const [settings, setSettings] = useState<PlanningSettingsT | null>(null);
  const [text, setText] = useState<Record<string, string>>({});
  const { busy, error, done, submit } = useSubmit();
  const reload = useExceptionStore((s) => s.load);

  useEffect(() => {
    void call('planning.settings', {}).then((r) => {
      if (!r.ok) return;
      setSettings(r.data.settings);
      setText(
        Object.fromEntries(
          FIELDS.map((f) => [
            f.key,
            String(f.percent ? Math.round(Number(r.data.settings[f.key]) * 1000) / 10 : r.data.settings[f.key]),
          ]),
        ),
      );
    });
  }, []);
  if (!settings) return null;

  const values = () =>
    Object.fromEntries(
      FIELDS.map((f) => {
        const n = text[f.key]?.trim() === '' ? NaN : Number(text[f.key]);
        return [f.key, f.percent ? n / 100 : n];
      }),
    );

  return (
    <form
      aria-label="Planning settings"
      onSubmit={(e) =>
        void submit(
          e,
          () =>
            call('planning.saveSettings', {
              settings: { consumption: settings.consumption, ...values() },
              by: userName,
            }),
          async () => {
            await reload();
            return 'Saved; the cycle was recomputed.';
          },
        )
      }
    >
      <div className="form-row">
        <label>
          Demand is
          <select
            value={settings.consumption}
            onChange={(e) =>
              setSettings({ ...settings, consumption: e.target.value as PlanningSettingsT['consumption'] })
            }
          >
            {CONSUMPTION_RULES.map((r) => (
              <option key={r} value={r}>
                {RULE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              type="number"
              step={f.step ?? 'any'}
              value={text[f.key] ?? ''}
              onChange={(e) => setText({ ...text, [f.key]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" disabled={busy || !userName} title={userName ? '' : 'Enter your name first'}>
          Save settings
        </button>
      </div>
      <FormResult error={error} done={done} />
    </form>
  );
}
