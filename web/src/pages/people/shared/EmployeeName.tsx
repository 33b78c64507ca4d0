import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useParty } from '../../parties/shared/api.ts';

/** An employee's name linking to their file; a short id while (or when) the party cannot be read. */
export function EmployeeName({ id }: { id: string | null | undefined }) {
  return id ? <Known id={id} /> : <Typography.Text type="secondary">—</Typography.Text>;
}

function Known({ id }: { id: string }) {
  const party = useParty(id);
  if (party.data) {
    return (
      <Link to={`/people/employees/${id}`} onClick={(e) => e.stopPropagation()} data-testid="employee-link">
        {party.data.displayName}
      </Link>
    );
  }
  return <Typography.Text type="secondary">{id.slice(0, 8)}</Typography.Text>;
}
