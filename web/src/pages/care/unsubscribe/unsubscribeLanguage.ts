// The public unsubscribe page's language (docs/care.md "Unsubscribe"): `?lang` in the link wins, else the
// recipient's language from the token's record; the page's switch changes it afterwards. Pure: unit-tested.

export type PageLanguage = 'zh-CN' | 'en';

const fromTag = (tag: string | null | undefined): PageLanguage | null => {
  if (!tag) {
    return null;
  }
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) {
    return 'zh-CN';
  }
  return t.startsWith('en') ? 'en' : null;
};

/** The language to open in, or null to keep the current one (no hint, or one we do not speak). */
export function unsubscribeLanguage(
  langParam: string | null,
  recipientLocale: string | null | undefined,
): PageLanguage | null {
  return fromTag(langParam) ?? fromTag(recipientLocale);
}
