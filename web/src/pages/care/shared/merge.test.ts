import { describe, expect, it } from 'vitest';
import { previewCampaignMessage, renderMerge, unknownMergeFields } from './merge.ts';

describe('renderMerge', () => {
  it('fills known fields with or without spaces and leaves unknown ones as typed', () => {
    expect(renderMerge('Dear {{name}}, {{ name }}! {{nope}}', { name: 'Ann' })).toBe('Dear Ann, Ann! {{nope}}');
    expect(renderMerge('{{years}} 岁', { years: '40' })).toBe('40 岁');
    expect(renderMerge('no fields', {})).toBe('no fields');
  });
});

describe('unknownMergeFields', () => {
  it('lists each unknown field once', () => {
    expect(unknownMergeFields('{{name}} {{nmae}} {{ nmae }} {{x}}', ['name'])).toEqual(['nmae', 'x']);
    expect(unknownMergeFields('{{name}}', ['name'])).toEqual([]);
  });
});

describe('previewCampaignMessage', () => {
  const sample = { name: '王芳', unsubscribeUrl: 'https://t.example/unsubscribe?token=x', unsubscribeLabel: '退订' };
  it('appends the unsubscribe line when the body does not place the link', () => {
    expect(previewCampaignMessage({ subject: '{{name}}，你好', body: '中秋快乐' }, sample)).toEqual({
      subject: '王芳，你好',
      body: '中秋快乐\n\n退订: https://t.example/unsubscribe?token=x',
    });
  });
  it('uses the placed link only once', () => {
    const out = previewCampaignMessage({ subject: 'Hi', body: 'Bye: {{unsubscribe_url}}' }, sample);
    expect(out.body).toBe('Bye: https://t.example/unsubscribe?token=x');
  });
});
