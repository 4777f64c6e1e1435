/**
 * Reading `--rules FILE`s: JSON, validated, merged over the built-in vocabulary.
 */
import { readFileSync } from 'node:fs';
import { buildVocabulary, RulesError, validateRules, type Vocabulary } from './index.js';

export function loadRules(files: readonly string[]): Vocabulary {
  const parsed = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new RulesError(`${file}: cannot read rules file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new RulesError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    return { file, rules: validateRules(data, file) };
  });
  return buildVocabulary(parsed);
}
