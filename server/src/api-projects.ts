// Part of api.ts (re-exported there): runtime values come from zod-free files so the web bundle stays small.
// Relationship projects and the quality review loop (modules/projects, docs/projects.md).
export type {
  Project,
  ProjectListItem,
  CreateProject,
  UpdateProject,
  CreateCost as CreateProjectCost,
  CloseProject,
  Evaluation as ProjectEvaluation,
  Target as ProjectTarget,
  TargetInput as ProjectTargetInput,
  BurnDown,
} from './modules/projects/projects/projects.schema.ts';
export type {
  Review as QualityReview,
  CreateReview as CreateQualityReview,
  UpdateReview as UpdateQualityReview,
  Indicator as QualityIndicator,
  CreateInterview as CreateReviewInterview,
  Interview as ReviewInterview,
  CreateAction as CreateReviewAction,
  ReviewResults,
} from './modules/projects/quality-review/quality-review.schema.ts';
export * from './modules/projects/constants.ts';
