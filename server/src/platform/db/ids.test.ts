import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './ids.ts';

describe('timeOrderedId', () => {
  it('is a UUIDv7 carrying the current millisecond, unique, and ascending from one millisecond to the next', async () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => timeOrderedId());
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(after);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const first = timeOrderedId();
    await new Promise((r) => setTimeout(r, 3));
    const later = timeOrderedId();
    // Text order is byte order is time order: PostgreSQL's uuid comparison sorts them the same way.
    expect(later > first).toBe(true);
  });
});
