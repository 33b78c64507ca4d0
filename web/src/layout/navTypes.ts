import type { Role } from '../api/types.ts';

export type NavIcon =
  | 'me'
  | 'parties'
  | 'service'
  | 'feedback'
  | 'value'
  | 'care'
  | 'people'
  | 'hrcrm'
  | 'projects'
  | 'practice'
  | 'insight'
  | 'settings';

export interface NavEntry {
  key: string;
  path: string;
  /** i18n key of the label. */
  label: string;
  icon?: NavIcon;
  /** Modules not built yet stay hidden (never dead links); flip this when a module lands. */
  enabled: boolean;
  /** Only these roles see the entry (the server enforces the same); absent means everybody. */
  roles?: readonly Role[];
  children?: NavEntry[];
  /** False for entries `/` never opens (the personal pages, except for people who have nothing else). */
  home?: boolean;
}
