/**
 * Tables of other modules whose rows belong to a party through a `party_id` column (cases,
 * transactions…). When the parties module merges one party into another, those rows follow the
 * merge (and go back on undo), so nothing a module recorded about a customer is orphaned on a
 * merged-away record. A table registered here must be keyed `(org_id, id)` and must not have a
 * unique constraint involving `party_id` (a move could then collide).
 */
export class PartyReferences {
  readonly #tables = new Set<string>();

  register(table: string): void {
    if (!/^[a-z_]+$/.test(table)) {
      throw new Error(`Party reference table must be [a-z_]+: ${table}`);
    }
    this.#tables.add(table);
  }

  all(): string[] {
    return [...this.#tables];
  }
}
