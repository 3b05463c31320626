import type { PolicyDocument } from '../../core/types.js';
import { isSmallTalk } from '../question-language.js';
import type { Scope } from '../scope-check.js';

/**
 * Stage: scope. Why a question is declined outright, whatever retrieval finds: small talk, a place
 * the corpus never mentions, a year it does not cover. Undefined when none applies.
 */
export function scopeDecline(question: string, scope: Scope, documents: readonly PolicyDocument[], corpusText: string): string | undefined {
  if (isSmallTalk(question)) return '这个问题不涉及现有政策文件的内容。';
  if (scope.unknownPlaces.length > 0) return `现有文件不涉及${scope.unknownPlaces.join('、')}。`;
  const docYears = documents.map((d) => d.date.slice(0, 4) + d.title);
  const unknownYears = scope.years.filter((y) => !corpusText.includes(y) && !docYears.some((d) => d.includes(y)));
  if (unknownYears.length > 0) return `现有文件中没有${unknownYears.join('、')}年的相关内容。`;
  return undefined;
}
