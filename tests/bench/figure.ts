// One line of `npm run bench`: a figure beside its peer in the same run, and whether it met its target.
export interface Figure {
  figure: string;
  value: string;
  peer: string;
  ratio: number | null;
  target: string;
  /** null: no target to meet, or it could not be measured. */
  pass: boolean | null;
}
