// PostgreSQL has no year 0, and JavaScript writes years past 9999 as +010000, which PostgreSQL cannot read:
// an instant outside the years 0001–9999 (UTC) is input to refuse, never a value to send to a query.
const FIRST = Date.parse('0001-01-01T00:00:00.000Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether an instant (ms since the epoch; NaN is not one) falls within the years 0001–9999, UTC. */
export const storableInstant = (ms: number): boolean => ms >= FIRST && ms <= LAST;
