import type { PatientCount, WorstGradeRow, WorstGradeTable } from "@/lib/analysis/toxicity/worst-grade-table";
import styles from "../dashboards.module.css";

const cell = (count: PatientCount) =>
  count.percent === null ? `${count.n}` : `${count.n} (${count.percent.toFixed(1)}%)`;

function Row({ row, header }: { row: WorstGradeRow; header?: boolean }) {
  return (
    <tr>
      <th scope="row">{header ? <strong>{row.term}</strong> : row.term}</th>
      {[row.grade1to2, row.grade3, row.grade4, row.grade5, row.any].map((count, i) => (
        <td key={i} className={styles.numeric}>
          {cell(count)}
        </td>
      ))}
    </tr>
  );
}

/** The report table: patients n (%) by worst CTCAE grade per term; computed from the entered events. */
export function WorstGradeTableView({ table }: { table: WorstGradeTable & { description: string } }) {
  return (
    <table>
      <caption className={styles.caption}>
        <span className="computed-badge">computed</span> Patients by worst CTCAE v5.0 grade per term, n (% of N ={" "}
        {table.denominator}). Population: {table.description}
      </caption>
      <thead>
        <tr>
          <th scope="col">CTCAE term</th>
          <th scope="col" className={styles.numeric}>
            Grade 1-2
          </th>
          <th scope="col" className={styles.numeric}>
            Grade 3
          </th>
          <th scope="col" className={styles.numeric}>
            Grade 4
          </th>
          <th scope="col" className={styles.numeric}>
            Grade 5
          </th>
          <th scope="col" className={styles.numeric}>
            Any grade
          </th>
        </tr>
      </thead>
      <tbody>
        <Row row={table.anyEvent} header />
        {table.rows.map((row) => (
          <Row key={row.term} row={row} />
        ))}
      </tbody>
    </table>
  );
}
