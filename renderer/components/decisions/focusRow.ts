// The list's rows are found by decision id: the detail panel returns focus to its row on Escape,
// and a move puts focus back on the moved row after the list reloads in its new order.

const selector = (id: number): string => `[data-decision-id="${id}"]`;

/** Focuses the row of decision `id`; false when it is not in the list (filtered out). */
export function focusRow(id: number, root: ParentNode = document): boolean {
  const el = root.querySelector<HTMLElement>(selector(id));
  el?.focus();
  return el !== null;
}
