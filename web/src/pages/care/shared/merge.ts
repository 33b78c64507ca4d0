// Merge fields of care templates and campaign messages (docs/care.md "Templates", "Campaigns"), rendered in the
// browser for the editors' previews the way the server fills them: `{{ field }}` with optional spaces; a field the
// preview has no value for stays as typed so the writer sees it.

const fieldPattern = /\{\{\s*([^}]*?)\s*\}\}/g;

/** The template with each known field replaced by its value. */
export function renderMerge(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(fieldPattern, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? '') : whole,
  );
}

/** Field names the template uses that are not allowed (the server answers 400 on them), each once, in order. */
export function unknownMergeFields(template: string, allowed: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(fieldPattern)) {
    const name = m[1] ?? '';
    if (!allowed.includes(name) && !out.includes(name)) {
      out.push(name);
    }
  }
  return out;
}

/** Campaign merge fields: the recipient's name and the unsubscribe link (added at the end when left out). */
export const campaignMergeFields = ['name', 'unsubscribe_url'] as const;

/**
 * A campaign message as a recipient would get it: subject and body filled, and, like the server, the unsubscribe
 * line appended when the body does not place `{{unsubscribe_url}}` itself.
 */
export function previewCampaignMessage(
  m: { subject: string; body: string },
  sample: { name: string; unsubscribeUrl: string; unsubscribeLabel: string },
): { subject: string; body: string } {
  const values = { name: sample.name, unsubscribe_url: sample.unsubscribeUrl };
  const placed = /\{\{\s*unsubscribe_url\s*\}\}/.test(m.body);
  const body = renderMerge(m.body, values);
  return {
    subject: renderMerge(m.subject, values),
    body: placed ? body : `${body}\n\n${sample.unsubscribeLabel}: ${sample.unsubscribeUrl}`,
  };
}
