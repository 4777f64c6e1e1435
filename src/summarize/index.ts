/** The summarize stage: an article card, and a corpus accumulator that merges. */
export { summarizeArticle, summarizeChecks, type ArticleCard, type CardGroup, type CardFigure, type CardGrowth, type CardChecks, type CardOptions } from './card.js';
export { CorpusSummary, DEFAULT_BY, SUMMARY_FIELDS, SUMMARY_FIELD_INFO, articleName, type SummaryField, type CorpusState } from './corpus.js';
export { keywords } from './keywords.js';
export { halfWidth, disagree } from './precision.js';
export { fingerprint } from './fingerprint.js';
