import { Button, Flex } from 'antd';
import type { ColumnFilter } from '../DataTable/index.ts';
import { UserName } from '../UserName/UserName.tsx';
import { UserSelect } from './UserSelect.tsx';

interface UserFilterOptions {
  /** Names the picker for screen readers (the column title). */
  label: string;
  /** The query parameter (default: the column key). */
  param?: string;
  'data-testid'?: string;
  /** A "mine" shortcut that filters by `me` (the server reads it as the caller). */
  me?: { label: string; 'data-testid': string };
}

/** A DataTable column filter by user: a server-side user search, optionally with a "mine" shortcut. */
export function userFilter({ label, param, me, 'data-testid': testId }: UserFilterOptions): ColumnFilter {
  return {
    type: 'custom',
    param,
    render: (value, onChange) => {
      const picker = (
        <UserSelect
          value={typeof value === 'string' && value !== 'me' ? value : null}
          onChange={onChange}
          aria-label={label}
          data-testid={testId}
        />
      );
      return me ? (
        <Flex vertical gap={8}>
          {picker}
          <Button
            size="small"
            onClick={() => onChange('me')}
            type={value === 'me' ? 'primary' : 'default'}
            data-testid={me['data-testid']}
          >
            {me.label}
          </Button>
        </Flex>
      ) : (
        picker
      );
    },
    display: (value) => {
      if (typeof value !== 'string') {
        return null;
      }
      return me && value === 'me' ? me.label : <UserName id={value} fallback={me ? undefined : value} />;
    },
  };
}
