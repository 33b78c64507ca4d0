import { Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';

/** A user's display name (cached with the user record UserSelect also reads). */
export function useUserName(id: string | null | undefined, known?: string | null): string | undefined {
  const user = useQuery({
    queryKey: ['users', id],
    queryFn: ({ signal }) => api<User>(`/api/users/${id}`, { signal }),
    enabled: Boolean(id) && (known === null || known === undefined),
    staleTime: 60_000,
  });
  return known ?? user.data?.displayName;
}

/** A user by name; `fallback` shows while the name loads; `name`, when the record carried it, saves the request. */
export function UserName({
  id,
  name: known,
  fallback = '…',
}: {
  id: string | null | undefined;
  name?: string | null | undefined;
  fallback?: string;
}) {
  const name = useUserName(id, known);
  if (!id) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return <span>{name ?? fallback}</span>;
}
