import type { Role } from '../../api/types.ts';

// Who may do what in the service module, as the server enforces it (service.routes.ts `config.roles`). Tiny on
// purpose: routes and navigation import it into the initial bundle.

/** Work cases, see metrics and alerts (everybody but plain employees, who only file grievances). */
export const serviceStaff: readonly Role[] = ['admin', 'executive', 'manager', 'hr', 'agent', 'marketing'];
/** Create and change SLA policies and alert rules. */
export const serviceConfigurers: readonly Role[] = ['admin', 'manager'];
