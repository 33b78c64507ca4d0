import type { QuestionInput, SurveyKind } from './surveys.schema.ts';
import { valueElements } from './constants.ts';

// Ready question sets per survey kind; a survey created without questions starts from these.
const valueNames: Record<(typeof valueElements)[number], { zh: string; en: string }> = {
  quality: { zh: '质量', en: 'Quality' },
  service: { zh: '服务', en: 'Service' },
  price: { zh: '价格', en: 'Price' },
  brand: { zh: '品牌', en: 'Brand' },
  customisation: { zh: '个性化定制', en: 'Customisation' },
  affinity: { zh: '亲和力', en: 'Affinity' },
  self_expression: { zh: '自我表达', en: 'Self-expression' },
  self_actualisation: { zh: '自我实现', en: 'Self-actualisation' },
};

/** A value dimension's name (the gap template's eight; any other key is its own label). */
export function valueDimensionLabel(key: string, zh: boolean): string {
  const names = (valueNames as Record<string, { zh: string; en: string } | undefined>)[key];
  return names ? (zh ? names.zh : names.en) : key;
}

const comment: QuestionInput = {
  id: 'comment',
  type: 'text',
  required: false,
  text: { zh: '您还有什么想告诉我们的吗？', en: 'Anything else you would like to tell us?' },
};

export function templateQuestions(kind: SurveyKind): QuestionInput[] {
  switch (kind) {
    case 'nps':
      return [
        {
          id: 'nps',
          type: 'nps',
          text: {
            zh: '您有多大可能向朋友或同事推荐我们？',
            en: 'How likely are you to recommend us to a friend or colleague?',
          },
        },
        comment,
      ];
    case 'enps':
      return [
        {
          id: 'enps',
          type: 'nps',
          text: {
            zh: '您有多大可能向朋友推荐我们公司作为工作的地方？',
            en: 'How likely are you to recommend our company as a place to work?',
          },
        },
        comment,
      ];
    case 'csat':
      return [
        {
          id: 'csat',
          type: 'scale',
          min: 1,
          max: 5,
          labels: { min: { zh: '非常不满意', en: 'Very dissatisfied' }, max: { zh: '非常满意', en: 'Very satisfied' } },
          text: { zh: '您对这次服务的满意程度如何？', en: 'How satisfied were you with this service?' },
        },
        comment,
      ];
    case 'ces':
      return [
        {
          id: 'ces',
          type: 'scale',
          min: 1,
          max: 7,
          labels: { min: { zh: '非常不同意', en: 'Strongly disagree' }, max: { zh: '非常同意', en: 'Strongly agree' } },
          text: { zh: '公司让我很容易地解决了我的问题。', en: 'The company made it easy for me to handle my issue.' },
        },
        comment,
      ];
    case 'gap':
      return [
        ...valueElements.flatMap((d): QuestionInput[] => [
          {
            id: `${d}_expected`,
            type: 'scale',
            min: 1,
            max: 7,
            dimension: d,
            pairing: 'expected',
            text: {
              zh: `您对「${valueNames[d].zh}」的期望有多高？`,
              en: `How much do you expect in ${valueNames[d].en.toLowerCase()}?`,
            },
          },
          {
            id: `${d}_perceived`,
            type: 'scale',
            min: 1,
            max: 7,
            dimension: d,
            pairing: 'perceived',
            text: {
              zh: `您实际感受到的「${valueNames[d].zh}」如何？`,
              en: `How do you rate the ${valueNames[d].en.toLowerCase()} you actually received?`,
            },
          },
        ]),
        comment,
      ];
    case 'engagement':
      return [
        {
          id: 'overall',
          type: 'scale',
          min: 1,
          max: 5,
          text: { zh: '总体而言，我对在这里工作感到满意。', en: 'Overall, I am satisfied working here.' },
        },
        {
          id: 'pay',
          type: 'scale',
          min: 1,
          max: 5,
          driver: 'hygiene',
          text: { zh: '我的薪酬是公平的。', en: 'My pay is fair.' },
        },
        {
          id: 'conditions',
          type: 'scale',
          min: 1,
          max: 5,
          driver: 'hygiene',
          text: { zh: '我的工作条件良好。', en: 'My working conditions are good.' },
        },
        {
          id: 'recognition',
          type: 'scale',
          min: 1,
          max: 5,
          driver: 'motivator',
          text: { zh: '我的工作得到认可。', en: 'My work is recognised.' },
        },
        {
          id: 'growth',
          type: 'scale',
          min: 1,
          max: 5,
          driver: 'motivator',
          text: { zh: '我在这里有成长的机会。', en: 'I have opportunities to grow here.' },
        },
        comment,
      ];
    case 'custom':
      return [];
  }
}
