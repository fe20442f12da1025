/**
 * What the host Excel supports, asked once: the report uses a few features beyond what the
 * manifest requires (only the shared runtime is indispensable). Where one is missing the fill
 * leaves it out, keeps everything else, and the pane says so once.
 */

/** The optional features, the requirement set each needs, and what the report loses without it. */
export const OPTIONAL_FEATURES = [
  { feature: "charts", set: "ExcelApi", version: "1.8", without: "native Excel charts (ExcelApi 1.8): the chart data is on the sheets, without the charts" },
  { feature: "colorScales", set: "ExcelApi", version: "1.6", without: "colour scales (ExcelApi 1.6): the sensitivity grid has its values, without the colours" },
  { feature: "freezePanes", set: "ExcelApi", version: "1.7", without: "frozen panes (ExcelApi 1.7): header rows scroll with the data" },
  { feature: "dataValidation", set: "ExcelApi", version: "1.8", without: "drop-down lists on choice inputs (ExcelApi 1.8): type the allowed word or TRUE/FALSE" },
] as const;

export type Feature = (typeof OPTIONAL_FEATURES)[number]["feature"];
export type HostFeatures = Readonly<Record<Feature, boolean>>;

/** Everything available (the default outside Office: the fake, the bench). */
export const ALL_FEATURES: HostFeatures = { charts: true, colorScales: true, freezePanes: true, dataValidation: true };

/** Office.context.requirements.isSetSupported, or a fake of it. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/**
 * The host's features, each requirement set asked once; a check that throws counts as missing.
 * @example hostFeatures((name, version) => Number(version) <= 1.7).charts // returns false
 */
export function hostFeatures(isSetSupported: IsSetSupported): HostFeatures {
  const asked = new Map<string, boolean>();
  const supported = (set: string, version: string): boolean => {
    const key = `${set} ${version}`;
    if (!asked.has(key)) {
      let ok = false;
      try {
        ok = isSetSupported(set, version) === true;
      } catch {
        ok = false;
      }
      asked.set(key, ok);
    }
    return asked.get(key) as boolean;
  };
  return Object.fromEntries(OPTIONAL_FEATURES.map((f) => [f.feature, supported(f.set, f.version)])) as Record<Feature, boolean>;
}

/**
 * One line per missing feature that `used` says the report needed: what it was filled without.
 * @example featuresLeftOut({ ...ALL_FEATURES, charts: false }, { charts: true, colorScales: true, freezePanes: true, dataValidation: true }) // returns ["native Excel charts (ExcelApi 1.8): the chart data is on the sheets, without the charts"] — what the pane's notice says
 */
export function featuresLeftOut(features: HostFeatures, used: Readonly<Record<Feature, boolean>>): string[] {
  return OPTIONAL_FEATURES.filter((f) => used[f.feature] && !features[f.feature]).map((f) => f.without);
}
