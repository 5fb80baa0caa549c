// The decision log in the renderer: the capture form (opened from anywhere, optionally linked to
// an exception or a scenario) and a version every view of the log reloads on after a write.
import { create } from 'zustand';

/** What the capture form is opened for: a plain decision, an exception it answers, or a scenario choice. */
export type CaptureTarget =
  | { kind: 'plain' }
  | { kind: 'exception'; exceptionKey: string; subject: string; kpiId: string | null }
  | { kind: 'scenario'; scenarioId: number; scenarioName: string; owner: string; assumptions: string };

export interface DecisionState {
  /** Bumped after every decision write: views reload when it changes. */
  version: number;
  changed(): void;
  /** The open capture form, or null. */
  capture: CaptureTarget | null;
  openCapture(target?: CaptureTarget): void;
  closeCapture(): void;
}

export const useDecisionStore = create<DecisionState>((set) => ({
  version: 0,
  changed: () => set((s) => ({ version: s.version + 1 })),
  capture: null,
  openCapture: (target = { kind: 'plain' }) => set({ capture: target }),
  closeCapture: () => set({ capture: null }),
}));
