import type { SimonDesign } from "@/lib/domain/statistics/simon-two-stage";
import { TableHead } from "@/components/ui/table-head";

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** Simon designs side by side, as Simon (1989) tabulates them: r1/n1, r/n, EN0, PET0, exact alpha and power. */
export function SimonDesignTable({
  id,
  rows,
}: {
  id: string;
  rows: readonly { label: string; design: SimonDesign }[];
}) {
  return (
    // Focusable so that keyboard users can scroll the table inside a narrow card.
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Simon two-stage designs">
      <table data-testid={id}>
        <TableHead
          columns={[
            "Design",
            "Stage 1: stop if responders ≤ r1 of n1",
            "Reject if responders ≤ r of n",
            "Expected size under p0",
            "P(early stop) under p0",
            "Exact alpha",
            "Exact power",
          ]}
        />
        <tbody>
          {rows.map(({ label, design }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {design.r1}/{design.n1}
              </td>
              <td>
                {design.r}/{design.n}
              </td>
              <td>{fixed(design.en0, 1)}</td>
              <td>{fixed(design.pet0, 2)}</td>
              <td>{fixed(design.alpha, 3)}</td>
              <td>{fixed(design.power, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
