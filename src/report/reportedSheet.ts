/**
 * The Reported vs modelled sheet: for every quarter a scenario models that Nvidia has reported,
 * the scenario's China revenue (linked to its sheet) against the reported figure on the
 * customer-headquarters basis, and the gap as a formula. Absent when no scenario models a
 * reported quarter.
 */
import { ChinaBasis, basisLabel, reportedVsModelled } from "../engine";
import { cellRef, sheetCellRef } from "./a1";
import { FORMATS } from "./formats";
import { CellWriter } from "./formulas";
import { SheetLayout, cell, columns } from "./layout";
import { ReportCell, ReportSheet } from "./model";
import { ScenarioReportInput } from "./reportInput";
import { SUMMARY_COLUMNS } from "./scenarioSheet";
import { RESULT_SHEETS } from "./sheetNames";

export const REPORTED = RESULT_SHEETS.reportedVsModelled;

export interface ReportedScenario {
  readonly input: ScenarioReportInput;
  readonly sheetName: string;
  readonly summaryRow: ReadonlyMap<string, number>;
}

/** The sheet, or undefined when no scenario models a quarter Nvidia has reported on `basis`. */
export function reportedSheet(scenarios: readonly ReportedScenario[], writer: CellWriter, basis: ChinaBasis = "hq"): ReportSheet | undefined {
  const rows = scenarios.flatMap((s) => reportedVsModelled(s.input.scenario, s.input.evaluation, basis).map((r) => ({ s, r })));
  if (rows.length === 0) return undefined;
  const layout = new SheetLayout();
  layout.note(
    `Nvidia reports China revenue (incl. Hong Kong) by customer headquarters since FY2026Q3, restated for earlier quarters; the figures below are on that ${basisLabel(basis)}. A scenario whose baseline is on the billing basis is not comparable quarter for quarter.`,
  );
  layout.gap();
  const header = columns("Scenario", "Quarter", "Modelled China revenue", `Reported (${basisLabel(basis)})`, "Gap (modelled − reported)", "Source");
  layout.table("China revenue: modelled against reported", header, (firstRow) =>
    rows.map(({ s, r }, i): ReportCell[] => {
      const row = firstRow + i;
      return [
        cell.label(s.input.scenario.name),
        cell.label(r.period),
        writer.computed(r.modelled, "output", FORMATS.usdBillions, sheetCellRef(s.sheetName, s.summaryRow.get(r.period) as number, SUMMARY_COLUMNS.chinaRevenue)),
        cell.input(r.reported, FORMATS.usdBillions),
        writer.computed(r.gap, "calculation", FORMATS.usdBillions, `${cellRef(row, 3)}-${cellRef(row, 4)}`),
        cell.label(r.source),
      ];
    }),
  );
  return layout.sheet(REPORTED, "Reported vs modelled: China revenue in the quarters Nvidia has reported", { rows: 1, cols: 1 });
}
