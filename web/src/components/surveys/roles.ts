import type { Role } from '../../api/types.ts';

// Who may do what with surveys, as the server enforces it (surveys.routes.ts `config.roles`). Tiny on purpose:
// routes and navigation import it into the initial bundle.

/** Build and run surveys. */
export const surveyManagers: readonly Role[] = ['admin', 'hr', 'marketing'];
/** See surveys and their results. */
export const surveyReaders: readonly Role[] = ['admin', 'hr', 'marketing', 'executive'];
