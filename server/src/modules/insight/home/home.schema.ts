import { z } from 'zod';
import { homeRoles } from '../constants.ts';

export const homeCardSchema = z.object({
  key: z.string(),
  role: z.enum(homeRoles),
  titleKey: z.string().describe('i18n key of the card title: home.cards.<key>'),
  data: z.record(z.string(), z.unknown()),
});
export type HomeCard = z.infer<typeof homeCardSchema>;
export const homeSchema = z.object({ cards: z.array(homeCardSchema) });
export type Home = z.infer<typeof homeSchema>;
