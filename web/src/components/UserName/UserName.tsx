import { Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';

/** A user's display name (cached with the user record UserSelect also reads). */
export function useUserName(id: string | null | undefined): string | undefined {
  const user = useQuery({
    queryKey: ['users', id],
    queryFn: ({ signal }) => api<User>(`/api/users/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
  return user.data?.displayName;
}

/** A user by name; `fallback` shows while the name loads. */
export function UserName({ id, fallback = '…' }: { id: string | null | undefined; fallback?: string }) {
  const name = useUserName(id);
  if (!id) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return <span>{name ?? fallback}</span>;
}
