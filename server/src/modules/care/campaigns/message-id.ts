// Campaign messages carry a Message-ID made from the campaign and the recipient (docs/care.md "Replies"), so a reply's
// In-Reply-To or References names the recipient it answers without Tandem keeping the sent headers (the outbox
// erases them with the body).

const ours = /^tandem-c\.([0-9a-f-]{36})\.([0-9a-f-]{36})@/i;

/** The stable Message-ID of one recipient's message of a campaign. */
export function campaignMessageId(campaignId: string, partyId: string, host: string): string {
  return `<tandem-c.${campaignId}.${partyId}@${host}>`;
}

/** The host a Message-ID names: the public address's, else a reserved name that is never a real domain. */
export function messageIdHost(publicUrl: string | undefined): string {
  try {
    return publicUrl ? new URL(publicUrl).hostname || 'tandem.invalid' : 'tandem.invalid';
  } catch {
    return 'tandem.invalid';
  }
}

/**
 * The campaign recipients a reply's headers name, most specific first: In-Reply-To, then References from the newest
 * (the last) to the oldest. Ids of other mail are ignored.
 */
export function repliedRecipients(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
): { campaignId: string; partyId: string }[] {
  const idsOf = (h: string) => [...h.matchAll(/<([^<>\s]+)>|([^<>\s]+)/g)].map((m) => m[1] ?? m[2] ?? '');
  const refs = (Array.isArray(references) ? references : references ? [references] : []).flatMap(idsOf).reverse();
  const out: { campaignId: string; partyId: string }[] = [];
  for (const id of [...(inReplyTo ? idsOf(inReplyTo) : []), ...refs]) {
    const m = ours.exec(id);
    if (m?.[1] && m[2] && !out.some((o) => o.campaignId === m[1] && o.partyId === m[2])) {
      out.push({ campaignId: m[1].toLowerCase(), partyId: m[2].toLowerCase() });
    }
  }
  return out;
}

/** The address of a From header (`Name <a@b>` or `a@b`), lower-cased; null when there is none. */
export function senderAddress(from: string): string | null {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return m?.[1] ? m[1].toLowerCase() : null;
}
