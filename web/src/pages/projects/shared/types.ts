// Who sees the projects pages: the server's role list (modules/projects/constants.ts); it refuses everybody else.
import { PROJECT_ROLES } from '@tandem/server/api';
import type { Role } from '../../../api/types.ts';

export const projectRoles: readonly Role[] = PROJECT_ROLES;
