// How a decision reads on the Scenarios page. Figures are formatted by shared/planning/figures.ts.

/** A decision's uid as people read it: its first 8 characters (the full one is in the log). */
export const shortUid = (uid: string): string => uid.slice(0, 8);
