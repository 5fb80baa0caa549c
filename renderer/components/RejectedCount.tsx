import { fmtInt } from '../format';

/** A table cell with the number of rows an import set aside: a link to review them, or empty. */
export function RejectedCount({ count, onOpen }: { count: number; onOpen: () => void }) {
  return (
    <td className="num">
      {count > 0 && (
        <button type="button" className="link" onClick={onOpen}>
          {fmtInt(count)}
        </button>
      )}
    </td>
  );
}
