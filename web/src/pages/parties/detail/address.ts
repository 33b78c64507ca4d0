import type { Party } from '../../../api/types.ts';

/** An address on one line: the free text as given (imports), else its parts from the most specific. */
export function addressLine(address: Party['address']): string | null {
  if (!address) {
    return null;
  }
  const parts = [address.street, address.district, address.city, address.region, address.country, address.postalCode];
  const line = [address.text, ...parts].filter((x): x is string => Boolean(x?.trim())).join(', ');
  return line || null;
}
