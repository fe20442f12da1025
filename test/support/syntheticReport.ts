import { Report, ReportCell, ReportSheet } from "../../src/report/model";

/** A report with one sheet holding a table of `rows` rows: inputs, formulas and formats. */
export function syntheticReport(rows: number): Report {
  const data: ReportCell[][] = Array.from({ length: rows }, (_, i) => [
    { value: `Buyer ${i + 1}`, role: "label" },
    { value: 1000 + i, role: "input", format: "#,##0" },
    { value: 0.6, role: "input", format: "0.0%" },
    { value: (1000 + i) * 0.6, role: "calculation", format: "#,##0", formula: `B${i + 5}*C${i + 5}` },
    { value: (1000 + i) * 0.6 * 27000, role: "output", format: '$#,##0.0,,,"bn"', formula: `D${i + 5}*27000` },
  ]);
  const sheet: ReportSheet = {
    name: "Big",
    title: "Synthetic",
    freeze: { rows: 4, cols: 1 },
    blocks: [{ kind: "table", title: "Buyers", row: 3, filter: true, columns: ["Buyer", "Requested", "Approval", "Approved", "Revenue"].map((header) => ({ header })), rows: data }],
  };
  return { title: "t", mode: "native", sheets: [sheet], charts: [] };
}

