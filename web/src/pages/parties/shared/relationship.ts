// Relationship type of a party role or an HR-CRM group: the HR quadrant (seed 000: our initiative × their
// participation) and Kotler's level (seed 003), two scales kept apart, each with its own target.
export type {
  RelationshipState as RelationshipFields,
  RelationshipInput,
  RelationshipHistoryItem,
} from '@tandem/server/api';
