import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment.ts';

describe('mention sentiment lexicon', () => {
  it('scores English words and flips them after a negator', () => {
    expect(scoreSentiment('Great service, I love it!')).toEqual({ sentiment: 'positive', score: 2 });
    expect(scoreSentiment('Terrible and rude staff')).toEqual({ sentiment: 'negative', score: -2 });
    expect(scoreSentiment('The food was not good')).toEqual({ sentiment: 'negative', score: -1 });
    expect(scoreSentiment("It isn't bad at all")).toEqual({ sentiment: 'positive', score: 1 });
    expect(scoreSentiment('Opened at nine today')).toEqual({ sentiment: 'neutral', score: 0 });
    // Beyond the reach (three words) or across a comma, the negator no longer applies.
    expect(scoreSentiment('not that it was very very good')).toEqual({ sentiment: 'positive', score: 1 });
    expect(scoreSentiment('no, good')).toEqual({ sentiment: 'positive', score: 1 });
  });

  it('scores Chinese by longest match, with negation', () => {
    expect(scoreSentiment('服务很好，非常满意')).toEqual({ sentiment: 'positive', score: 2 });
    expect(scoreSentiment('质量太差了，要投诉')).toEqual({ sentiment: 'negative', score: -2 });
    expect(scoreSentiment('不好')).toEqual({ sentiment: 'negative', score: -1 });
    expect(scoreSentiment('味道不错')).toEqual({ sentiment: 'positive', score: 1 });
    expect(scoreSentiment('没问题')).toEqual({ sentiment: 'positive', score: 1 });
    expect(scoreSentiment('今天开门')).toEqual({ sentiment: 'neutral', score: 0 });
  });

  it('handles mixed text and empty input', () => {
    expect(scoreSentiment('产品不错 but delivery was slow and late')).toEqual({ sentiment: 'negative', score: -1 });
    expect(scoreSentiment('')).toEqual({ sentiment: 'neutral', score: 0 });
  });
});
