import { partyRoles, stagesOf } from '@tandem/server/api';
import type { Party, PartyRole, PartyRoleName } from '../../../api/types.ts';

/** The role named in `?role=`, customer when absent or unknown. */
export function boardRoleOf(param: string | null): PartyRoleName {
  return partyRoles.find((r) => r === param) ?? 'customer';
}

/** One column per stage of the role's stage set, in lifecycle order. */
export function boardColumns(role: PartyRoleName): readonly string[] {
  return stagesOf(role);
}

export function roleOf(party: Pick<Party, 'roles'>, role: PartyRoleName): PartyRole | undefined {
  return party.roles.find((r) => r.role === role);
}

export type DropState = 'source' | 'legal' | 'illegal';

/** How a column looks while a card of `role` is dragged: its own column, a legal target, or greyed out. */
export function dropState(role: Pick<PartyRole, 'stage' | 'legalNextStages'>, column: string): DropState {
  if (column === role.stage) {
    return 'source';
  }
  return role.legalNextStages.includes(column) ? 'legal' : 'illegal';
}

/** Whether dropping on `column` starts a move at all (dropping a card back on its own column does nothing). */
export function startsMove(role: Pick<PartyRole, 'stage'>, column: string): boolean {
  return column !== role.stage;
}
