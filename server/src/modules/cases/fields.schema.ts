import { z } from 'zod';

// Field shapes the cases module's schemas share.
export const text = (max: number) => z.string().trim().min(1).max(max);
export const day = z.iso.date().describe('YYYY-MM-DD');
