// Who reads and who runs quality review cycles: the server's role lists (modules/projects/constants.ts).
import { REVIEW_READERS, REVIEW_WRITERS } from '@tandem/server/api';
import type { Role } from '../../../api/types.ts';

export const reviewReaderRoles: readonly Role[] = REVIEW_READERS;
export const reviewWriterRoles: readonly Role[] = REVIEW_WRITERS;
