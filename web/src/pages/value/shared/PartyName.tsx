import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useParty } from '../../parties/shared/api.ts';

/**
 * A customer's name linking to their page. Value lists carry party ids only; the name comes from the party record
 * (cached). Someone who sees the numbers but not the record (marketing over the whole base) sees a short id.
 */
export function PartyName({ id }: { id: string }) {
  const party = useParty(id);
  if (party.data) {
    return (
      <Link to={`/parties/${id}`} onClick={(e) => e.stopPropagation()} data-testid="value-party-link">
        {party.data.displayName}
      </Link>
    );
  }
  return (
    <Typography.Text type="secondary" copyable={{ text: id }}>
      {id.slice(0, 8)}
    </Typography.Text>
  );
}
