// Zod-free constants of value's segments, cross-sell, wallet and snapshots (the web imports them through api.ts).
import type { Role } from '../../../platform/identity/constants-types.ts';

/**
 * Segments are organisation-level definitions: admins, managers and marketing create and change them (they steer
 * campaigns and survey audiences); every staff member reads them, and their members and counts cover only the
 * customers the reader may see. Plain employees have no customer book: 403.
 */
export const segmentEditorRoles: readonly Role[] = ['admin', 'manager', 'marketing'];
/** Staff: who reads segments, cross-sell rules, snapshot runs and the wallet summary (under their visibility). */
export const valueStaffRoles: readonly Role[] = ['admin', 'executive', 'manager', 'hr', 'marketing', 'agent'];
/** Who asks for a value snapshot on demand (it computes over the whole organisation). */
export const snapshotRequesterRoles: readonly Role[] = ['admin', 'manager', 'marketing'];

/** Segment conditions: fields (docs/metrics.md "Segments"). */
export const segmentFields = [
  'kind',
  'role',
  'stage',
  'stakeholderGroup',
  'tags',
  'owner',
  'orgUnit',
  'party',
  'createdAt',
  'lastPurchase',
  'categoriesBought',
  'rfmSegment',
  'valueClass',
  'clv',
  'monetary',
  'frequency',
  'recencyDays',
  'r',
  'f',
  'm',
] as const;
export const crossSellLevels = ['category', 'product'] as const;
export const segmentMemberSorts = ['name', '-monetary', '-clv'] as const;
/** Sorts of the customers-by-value list (GET /api/value/customers). */
export const valueCustomerSorts = ['clv', 'monetary', 'recencyDays', 'frequency'] as const;

/** Baskets with more distinct items than this are left out of pair counts (their pairs grow quadratically). */
export const MAX_BASKET_ITEMS = 30;
/** Timeline flag: a purchase above the customer's own p99 needs at least this many earlier purchases. */
export const FLAG_MIN_HISTORY = 5;
/** …and the p99 is taken over at most this many of the latest earlier purchases. */
export const FLAG_HISTORY_LIMIT = 100;
/** Most active segments per organisation (each one is a branch of the respondent's segment key). */
export const MAX_SEGMENTS = 100;
