import { useQuery } from '@tanstack/react-query';
import i18n from './index.ts';

const loaded = (languages: readonly string[]) => languages.every((l) => i18n.hasResourceBundle(l, 'translation'));

/**
 * True once every named language's strings are loaded. Each language is its own chunk (i18n/index.ts), so a page that
 * writes in a language other than the reader's (both titles of a new survey, a survey shown in the respondent's
 * language) asks for it first instead of showing keys.
 */
export function useLanguages(languages: readonly string[]): boolean {
  const q = useQuery({
    queryKey: ['i18n-languages', ...languages],
    queryFn: async () => {
      await i18n.loadLanguages([...languages]);
      return loaded(languages);
    },
    staleTime: Infinity,
    enabled: !loaded(languages),
  });
  return loaded(languages) || q.data === true;
}
