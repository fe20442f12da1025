/**
 * Exhibit 5: what each scenario modelled against what Nvidia reported, for the quarters that
 * have been reported, on the customer-headquarters basis Nvidia reports China revenue on now.
 */
import { basisLabel, reportedVsModelled } from "../../engine";
import { FORMATS } from "../formats";
import type { NoteArgs } from "./buildNote";
import { Exhibit, NoteCell } from "./model";
import { SourceList } from "./sources";

const bn = FORMATS.usdBillions;

/** The exhibit, or nothing when no scenario models a reported quarter. */
export function reportedExhibit(a: NoteArgs, sources: SourceList): Exhibit[] {
  const basis = "hq";
  const rows: NoteCell[][] = [];
  const cited = new Set<string>();
  for (const s of a.scenarios) {
    for (const r of reportedVsModelled(s.scenario, s.evaluation, basis)) {
      rows.push([{ value: s.scenario.name }, { value: r.period }, { value: r.modelled, format: bn }, { value: r.reported, format: bn }, { value: r.gap, format: bn, strong: true }]);
      cited.add(r.source);
    }
  }
  if (rows.length === 0) return [];
  const refs = [...cited].map((c) => sources.ref(c));
  return [
    {
      label: "Exhibit 5",
      title: `Modelled against reported: China revenue in the quarters Nvidia has reported (US$ bn, ${basisLabel(basis)})`,
      table: { columns: ["Scenario", "Quarter", "Modelled", `Reported (${basisLabel(basis)})`, "Gap (modelled − reported)"], rows },
      notes: [
        [
          `Reported China revenue is Nvidia's, by customer headquarters (the basis it reports on since FY2026Q3, restated for earlier quarters); a scenario's baseline on the billing basis is not comparable with it. Sources`,
          ...refs.flatMap((n, i) => (i === 0 ? [{ footnote: n }] : [",", { footnote: n }])),
          ".",
        ],
      ],
    },
  ];
}
