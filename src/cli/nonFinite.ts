/**
 * Finds the first number in a value that JSON cannot carry (NaN, ±Infinity). The engine can
 * overflow on absurd inputs (e.g. 1e308 units); JSON.stringify would silently print null.
 * @example firstNonFinite({ a: [1, NaN] }) // returns "a[1]"
 */
export function firstNonFinite(value: unknown, path = ""): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinite(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const found = firstNonFinite(v, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
