import type { locales, roles } from './constants.ts';

export type Role = (typeof roles)[number];
export type Locale = (typeof locales)[number];
