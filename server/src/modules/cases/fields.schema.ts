import { z } from 'zod';
import { isoDate } from '../../platform/http/common.schema.ts';

// Field shapes the cases module's schemas share.
export const text = (max: number) => z.string().trim().min(1).max(max);
export const day = isoDate.describe('YYYY-MM-DD');
