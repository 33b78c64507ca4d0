// Part of api.ts (re-exported there): referral, win-back, social listening and the post plan (modules/care;
// docs/care.md). Types only, plus zod-free constants.
export type {
  ReferralLink,
  Referral,
  RecordReferral,
  Reward as ReferralReward,
  CreateReward as CreateReferralReward,
  ReferralSummary,
  PublicReferral,
} from './modules/care/referral/referral.schema.ts';
export type {
  Loss as WinbackLoss,
  WinbackSummary,
  WinbackTasks,
  WinbackCampaign,
} from './modules/care/winback/winback.schema.ts';
export type {
  Mention,
  MentionInput,
  MentionAlert,
  MentionSettings,
  PutMentionSettings,
  InboundToken as MentionInboundToken,
} from './modules/care/listening/mentions.schema.ts';
export type { MailSettings, MailToken } from './modules/care/replies/replies.schema.ts';
export type {
  Post as CarePost,
  CreatePost as CreateCarePost,
  UpdatePost as UpdateCarePost,
  PostRatio,
} from './modules/care/listening/posts.schema.ts';
export {
  rewardKinds,
  lossCauses,
  mentionSentiments,
  mentionAlertKinds,
  postStatuses,
  KEY_ACCOUNT_TAG,
  DEFAULT_NEGATIVE_COUNT,
  DEFAULT_WINDOW_HOURS,
} from './modules/care/constants.ts';
