// Relationship type of a party role or an HR-CRM group: the HR quadrant (our initiative × their
// participation) and Kotler’s level, two scales kept apart (docs/domain.md "Relationship level"), each with its own target.
export type {
  RelationshipState as RelationshipFields,
  RelationshipInput,
  RelationshipHistoryItem,
} from '@tandem/server/api';
