import { Button, Flex } from 'antd';
import { filterValues } from '../DataTable/tableState.ts';
import type { ColumnFilter, FilterValue } from '../DataTable/index.ts';
import { UserName } from '../UserName/UserName.tsx';
import { UserSelect } from './UserSelect.tsx';
import { UsersSelect } from './UsersSelect.tsx';

interface UserFilterOptions {
  /** Names the picker for screen readers (the column title). */
  label: string;
  /** The query parameter (default: the column key). */
  param?: string;
  'data-testid'?: string;
  /** A "mine" shortcut that filters by `me` (the server reads it as the caller). */
  me?: { label: string; 'data-testid': string };
  /** Several users at once (the server takes a comma list and matches any of them). */
  multiple?: boolean;
}

function picker(opts: UserFilterOptions, value: FilterValue, onChange: (value: FilterValue) => void) {
  if (!opts.multiple) {
    return (
      <UserSelect
        value={typeof value === 'string' && value !== 'me' ? value : null}
        onChange={onChange}
        aria-label={opts.label}
        data-testid={opts['data-testid']}
      />
    );
  }
  const values = filterValues(value);
  const withMe = values.includes('me');
  return (
    <UsersSelect
      value={values.filter((v) => v !== 'me')}
      onChange={(ids) => onChange(withMe ? ['me', ...ids] : ids)}
      aria-label={opts.label}
      data-testid={opts['data-testid']}
    />
  );
}

/** "Mine": one user's filter becomes `me`; several users' filter adds or removes `me` among them. */
function toggleMe(opts: UserFilterOptions, value: FilterValue): FilterValue {
  if (!opts.multiple) {
    return 'me';
  }
  const values = filterValues(value);
  return values.includes('me') ? values.filter((v) => v !== 'me') : ['me', ...values];
}

/** A DataTable column filter by user (or several): a server-side user search, optionally with a "mine" shortcut. */
export function userFilter(opts: UserFilterOptions): ColumnFilter {
  const { param, me } = opts;
  return {
    type: 'custom',
    param,
    render: (value, onChange) => {
      const mine = opts.multiple ? filterValues(value).includes('me') : value === 'me';
      return me ? (
        <Flex vertical gap={8}>
          {picker(opts, value, onChange)}
          <Button
            size="small"
            onClick={() => onChange(toggleMe(opts, value))}
            type={mine ? 'primary' : 'default'}
            data-testid={me['data-testid']}
          >
            {me.label}
          </Button>
        </Flex>
      ) : (
        picker(opts, value, onChange)
      );
    },
    display: (value) => {
      const ids = filterValues(value);
      if (!ids.length) {
        return null;
      }
      return (
        <>
          {ids.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              {me && id === 'me' ? me.label : <UserName id={id} fallback={me ? undefined : id} />}
            </span>
          ))}
        </>
      );
    },
  };
}
