// File drop (issue 17 item 4): the decision log and the data issues as CSV and XLSX in a folder.
import type { FileDropConfigT } from '../../shared/calls/sync';
import type { TargetDeliveryDeps, TargetRunResult } from './targetDelivery';

export async function dropFiles(
  _deps: TargetDeliveryDeps,
  _target: string,
  _cfg: FileDropConfigT,
): Promise<TargetRunResult> {
  await Promise.resolve();
  throw new Error('File drop is not built yet');
}
