// What the signed-in user may do in the app (the server checks every request again).
import { useMe } from '../api.ts';

const RANK: Record<string, number> = { viewer: 0, editor: 1, admin: 2 };
export const roleRank = (role: string) => RANK[role] ?? 0;

export function useRole() {
  const me = useMe();
  const rank = roleRank(me.data?.role ?? 'viewer');
  return { canEdit: rank >= 1, isAdmin: rank >= 2 };
}
