import { describe, expect, it } from 'vitest';
import { campaignMessageId, messageIdHost, repliedRecipients, senderAddress } from './message-id.ts';

const c = '11111111-1111-4111-8111-111111111111';
const p = '22222222-2222-4222-8222-222222222222';
const q = '33333333-3333-4333-8333-333333333333';

describe('campaign Message-IDs', () => {
  it('name the campaign and the recipient, and are found again in a reply', () => {
    const id = campaignMessageId(c, p, messageIdHost('https://crm.example.com/x'));
    expect(id).toBe(`<tandem-c.${c}.${p}@crm.example.com>`);
    expect(repliedRecipients(id, undefined)).toEqual([{ campaignId: c, partyId: p }]);
    // In-Reply-To first, then References newest first; foreign ids ignored, duplicates once.
    const other = campaignMessageId(c, q, 'h');
    expect(repliedRecipients('<x@y>', `${other} <abc@def> ${id}`)).toEqual([
      { campaignId: c, partyId: p },
      { campaignId: c, partyId: q },
    ]);
    expect(repliedRecipients(undefined, [id, id])).toEqual([{ campaignId: c, partyId: p }]);
    expect(repliedRecipients('<nothing@here>', undefined)).toEqual([]);
    expect(messageIdHost(undefined)).toBe('tandem.invalid');
    expect(messageIdHost('not a url')).toBe('tandem.invalid');
  });

  it('read the sender address of a From header', () => {
    expect(senderAddress('Li Lei <Li.Lei@Example.com>')).toBe('li.lei@example.com');
    expect(senderAddress('a@b.cn')).toBe('a@b.cn');
    expect(senderAddress('"Name only"')).toBeNull();
  });
});
