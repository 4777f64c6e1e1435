/**
 * `--rules FILE` and `--date` for extract and check, and `zonefacts rules`: the active vocabulary.
 */
import type { Command } from 'commander';
import { RulesError, builtinVocabulary, type Vocabulary } from '../vocab/index.js';
import { loadRules } from '../vocab/load.js';
import { UsageError } from './exit-codes.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds --rules (repeatable) to a command. */
export function rulesOption(cmd: Command): Command {
  return cmd.option('--rules <file>', 'a vocabulary file to add (indicators, synonyms, zone names); repeatable', collect);
}

/** Adds --rules and --date to extract and check. */
export function attributionOptions(cmd: Command): Command {
  return rulesOption(cmd).option('--date <YYYY-MM-DD>', 'publication date for inputs that state none (resolves 今年, 1—9月)');
}

/** The vocabulary of --rules files (the built-in one without); a bad file is a usage error naming it. */
export function vocabularyOf(files: readonly string[] | undefined): Vocabulary {
  try {
    return files && files.length > 0 ? loadRules(files) : builtinVocabulary();
  } catch (err) {
    if (err instanceof RulesError) throw new UsageError(err.message);
    throw err;
  }
}

/** Checks --rules and --date before any input is read. */
export function checkAttributionOptions(o: { rules?: string[]; date?: string }): void {
  vocabularyOf(o.rules);
  if (o.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new UsageError(`--date must be YYYY-MM-DD (got "${o.date}")`);
}

/** `zonefacts rules`: the active vocabulary as JSON (the --rules format) or as a readable list. */
export function formatRules(vocab: Vocabulary, format: string): string {
  if (format === 'json') {
    const indicators = vocab.indicators.map(({ id, name, aliases, kinds }) => ({ id, name, aliases, kinds }));
    return `${JSON.stringify({ version: 1, sources: ['built-in', ...vocab.sources], indicators, zones: vocab.zones }, null, 1)}\n`;
  }
  if (format !== 'text') throw new UsageError(`--format must be one of text, json (got "${format}")`);
  const lines = [`# vocabulary: built-in${vocab.sources.map((s) => ` + ${s}`).join('')}`, '', `indicators (${vocab.indicators.length})`];
  for (const r of vocab.indicators) lines.push(`  ${r.id.padEnd(26)}${r.name}  [${r.kinds.join(', ')}]`, `  ${''.padEnd(26)}${r.aliases.join(' · ')}`);
  lines.push('', 'zone name endings', `  ${vocab.zones.suffixes.join(' · ')}`, '', 'back-references', `  ${vocab.zones.references.join(' · ')}`);
  lines.push('', 'zone names', `  ${vocab.zones.names.length ? vocab.zones.names.join(' · ') : '(none)'}`);
  return `${lines.join('\n')}\n`;
}
