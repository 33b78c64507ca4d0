/** Top-level keys whose values differ between an entry's before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = (typeof before === 'object' && before) || {};
  const b = (typeof after === 'object' && after) || {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const ignored = new Set(['updatedAt', 'version']);
  return [...keys].filter(
    (k) =>
      !ignored.has(k) &&
      JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]),
  );
}
