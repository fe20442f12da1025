/**
 * `base`, else `base (2)`, `base (3)`, …: the first name no existing sheet uses, so a user's
 * sheet is never overwritten. Excel compares sheet names case-insensitively and allows 31 characters.
 */
export function uniqueSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
  return name;
}
