import { describe, expect, it } from 'vitest';
import { readMentionsCsv } from './csv.ts';

const header = 'channel,author,text,url,postedAt,sentiment';

describe('mentions CSV', () => {
  it('reads rows, optional sentiment and url', () => {
    const r = readMentionsCsv(
      `\uFEFF${header}\nweibo,小王,"质量太差, 要投诉",https://weibo.com/1,2026-05-01T08:00:00+08:00,\nforum,Ann,Love it,,2026-05-02T00:00:00Z,positive\n`,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        channel: 'weibo',
        author: '小王',
        text: '质量太差, 要投诉',
        url: 'https://weibo.com/1',
        postedAt: '2026-05-01T00:00:00.000Z',
      },
      { channel: 'forum', author: 'Ann', text: 'Love it', postedAt: '2026-05-02T00:00:00.000Z', sentiment: 'positive' },
    ]);
  });

  it('reports every bad row with its line, and bad headers', () => {
    const r = readMentionsCsv(`${header}\nweibo,A,ok,,2026-05-01T00:00:00Z,\nweibo,B,x,notaurl,yesterday,angry\n`);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'url'],
      [3, 'postedAt'],
      [3, 'sentiment'],
    ]);
    expect(readMentionsCsv('channel,author\nx,y\n').errors[0]).toMatchObject({ line: 1 });
    expect(readMentionsCsv(`${header}\n`).errors[0]?.message).toBe('No rows');
    expect(readMentionsCsv(`${header}\n"unclosed,a,b,c,d,e\n`).errors).toHaveLength(1);
  });
});
