/**
 * The mention sentiment lexicon (docs/metrics.md "Mention sentiment"): small word lists in English and Chinese, each
 * word +1 or −1, a negator flipping the next sentiment word within a few tokens, the sum's sign the sentiment.
 * English is split into words; Chinese is matched longest-first against the lists (so 不错 "not bad" is one positive
 * word and 没问题 "no problem" is a negated negative, i.e. positive). Deliberately small and predictable: a source's
 * own sentiment always wins over it.
 */

export const lexicon = {
  en: {
    positive: [
      'good',
      'great',
      'excellent',
      'love',
      'loved',
      'like',
      'happy',
      'amazing',
      'awesome',
      'best',
      'recommend',
      'helpful',
      'fast',
      'friendly',
      'satisfied',
      'perfect',
      'nice',
      'thanks',
      'thank',
      'delicious',
      'reliable',
    ],
    negative: [
      'bad',
      'terrible',
      'awful',
      'hate',
      'worst',
      'broken',
      'slow',
      'rude',
      'disappointed',
      'disappointing',
      'poor',
      'refund',
      'scam',
      'angry',
      'complaint',
      'complain',
      'useless',
      'late',
      'dirty',
      'fake',
      'problem',
      'horrible',
    ],
    negators: [
      'not',
      'no',
      'never',
      "don't",
      'dont',
      "doesn't",
      "didn't",
      "isn't",
      "wasn't",
      "aren't",
      "won't",
      "can't",
      'cannot',
      'hardly',
      'without',
    ],
  },
  zh: {
    positive: [
      '好',
      '很好',
      '不错',
      '喜欢',
      '满意',
      '推荐',
      '棒',
      '优秀',
      '赞',
      '感谢',
      '谢谢',
      '快',
      '专业',
      '热情',
      '划算',
      '开心',
      '好吃',
      '靠谱',
    ],
    negative: [
      '差',
      '糟糕',
      '失望',
      '投诉',
      '骗',
      '坑',
      '垃圾',
      '慢',
      '退款',
      '生气',
      '恶心',
      '难用',
      '假货',
      '问题',
      '太差',
      '难吃',
      '坏了',
    ],
    negators: ['不', '没', '没有', '别', '无', '未', '不太', '并不'],
  },
} as const;

/** How many tokens after a negator it still flips a sentiment word (English words; Chinese characters or words). */
export const NEGATION_REACH = { en: 3, zh: 2 } as const;

export type Sentiment = 'negative' | 'neutral' | 'positive';

const en = {
  pos: new Set<string>(lexicon.en.positive),
  neg: new Set<string>(lexicon.en.negative),
  not: new Set<string>(lexicon.en.negators),
};
const zhWords = new Map<string, 1 | -1 | 0>([
  ...lexicon.zh.positive.map((w) => [w, 1] as const),
  ...lexicon.zh.negative.map((w) => [w, -1] as const),
  ...lexicon.zh.negators.map((w) => [w, 0] as const),
]);
const zhMax = Math.max(...[...zhWords.keys()].map((w) => w.length));

type Token = { polarity: 1 | -1 | 0 | null; reach: number };

/** Tokens with their polarity (+1, −1), 0 for a negator (with its reach), null for anything else. */
function tokens(text: string): (Token | 'stop')[] {
  const out: (Token | 'stop')[] = [];
  const s = text.toLowerCase().replace(/[’‘]/g, "'");
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    const word = /^[a-z][a-z']*/.exec(s.slice(i, i + 40))?.[0];
    if (word) {
      const w = word.replace(/'+$/, '');
      out.push({
        polarity: en.not.has(w) ? 0 : en.pos.has(w) ? 1 : en.neg.has(w) ? -1 : null,
        reach: NEGATION_REACH.en,
      });
      i += word.length;
      continue;
    }
    if (/[\u3400-\u9fff]/.test(ch)) {
      let len = Math.min(zhMax, s.length - i);
      while (len > 1 && !zhWords.has(s.slice(i, i + len))) len--;
      const piece = s.slice(i, i + len);
      const p = zhWords.get(piece);
      out.push({ polarity: p === undefined ? null : p, reach: NEGATION_REACH.zh });
      i += piece.length;
      continue;
    }
    // Sentence punctuation ends a negation's reach.
    if (/[.!?;,。！？；，、]/.test(ch)) out.push('stop');
    i++;
  }
  return out;
}

/** The lexicon score (sum of ±1 with negation) and its sign as the sentiment. */
export function scoreSentiment(text: string): { sentiment: Sentiment; score: number } {
  let score = 0;
  let negate = 0;
  for (const t of tokens(text)) {
    if (t === 'stop') {
      negate = 0;
      continue;
    }
    if (t.polarity === 0) {
      negate = t.reach;
      continue;
    }
    if (t.polarity !== null) {
      score += negate > 0 ? -t.polarity : t.polarity;
      negate = 0;
      continue;
    }
    negate = Math.max(0, negate - 1);
  }
  return { sentiment: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', score };
}
