/**
 * The vocabulary: indicators (id, canonical name, written forms, kinds) and zone words (name
 * suffixes, back-references, full names). The built-in one is indicators.json beside this file;
 * a user's `--rules FILE` has the same format and is merged over it, so a built-in rule and a
 * user rule are the same kind of thing.
 */
import builtin from './indicators.json' with { type: 'json' };
import { fold } from '../normalize/fold.js';
import type { Kind } from '../types.js';

export interface IndicatorRule {
  id: string;
  name: string;
  aliases: string[];
  kinds: Kind[];
}

export interface ZoneRules {
  /** Words that end a zone's name: 高新区, 经济技术开发区, 产业园. */
  suffixes: string[];
  /** Words that refer back to the article's zone: 该区, 全区, 园区. */
  references: string[];
  /** Full zone names matched as written (苏州工业园区), whatever their ending. */
  names: string[];
}

export interface RulesFile {
  version?: number;
  about?: string;
  indicators?: IndicatorRule[];
  zones?: Partial<ZoneRules>;
}

export interface Vocabulary {
  indicators: IndicatorRule[];
  zones: ZoneRules;
  /** Every written form (folded to simplified), longest first, with its indicator. */
  forms: Array<{ form: string; id: string }>;
  byId: Map<string, IndicatorRule>;
  /** The files merged over the built-in vocabulary, in order. */
  sources: string[];
}

export class RulesError extends Error {}

const KINDS: readonly Kind[] = ['money', 'percent', 'percentage_point', 'multiple', 'count', 'area'];
const ID = /^[a-z][a-z0-9_]*$/;

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
}

/** Checks a parsed rules file; throws a RulesError naming the file, the entry and the problem. */
export function validateRules(data: unknown, file: string): RulesFile {
  const fail = (where: string, problem: string): never => {
    throw new RulesError(`${file}: ${where}: ${problem}`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('top level', 'must be a JSON object with "indicators" and/or "zones"');
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!['version', 'about', 'indicators', 'zones'].includes(key)) fail(`"${key}"`, 'unknown field (expected version, about, indicators, zones)');
  }
  if (d.indicators !== undefined) {
    if (!Array.isArray(d.indicators)) fail('"indicators"', 'must be an array');
    (d.indicators as unknown[]).forEach((e, i) => {
      const where = `indicators[${i}]`;
      if (!e || typeof e !== 'object' || Array.isArray(e)) fail(where, 'must be an object { id, name, aliases, kinds }');
      const r = e as Record<string, unknown>;
      const named = typeof r.id === 'string' ? `${where} ("${r.id}")` : where;
      if (typeof r.id !== 'string' || !ID.test(r.id)) fail(named, '"id" must be a lower-case identifier (letters, digits, _)');
      if (r.name !== undefined && (typeof r.name !== 'string' || r.name.trim() === '')) fail(named, '"name" must be a non-empty string');
      if (r.aliases !== undefined && !isStringList(r.aliases)) fail(named, '"aliases" must be an array of non-empty strings');
      if (r.kinds !== undefined) {
        if (!Array.isArray(r.kinds)) fail(named, `"kinds" must be an array of ${KINDS.join(', ')}`);
        for (const k of r.kinds as unknown[]) if (!KINDS.includes(k as Kind)) fail(named, `unknown kind ${JSON.stringify(k)} (expected ${KINDS.join(', ')})`);
      }
      for (const key of Object.keys(r)) if (!['id', 'name', 'aliases', 'kinds'].includes(key)) fail(named, `unknown field "${key}"`);
    });
  }
  if (d.zones !== undefined) {
    if (!d.zones || typeof d.zones !== 'object' || Array.isArray(d.zones)) fail('"zones"', 'must be an object { suffixes, references, names }');
    for (const [key, v] of Object.entries(d.zones as object)) {
      if (!['suffixes', 'references', 'names'].includes(key)) fail(`zones.${key}`, 'unknown field (expected suffixes, references, names)');
      if (!isStringList(v)) fail(`zones.${key}`, 'must be an array of non-empty strings');
    }
  }
  return d as RulesFile;
}

const simplified = (s: string) => fold(s).text;

/** Merges rules files over the built-in vocabulary: a known id gains aliases (and a new name or kinds), a new id is added. */
export function buildVocabulary(files: ReadonlyArray<{ file: string; rules: RulesFile }> = []): Vocabulary {
  const base = validateRules(builtin, 'built-in vocabulary');
  const indicators: IndicatorRule[] = base.indicators!.map((r) => ({ ...r, aliases: [...r.aliases], kinds: [...r.kinds] }));
  const zones: ZoneRules = { suffixes: [], references: [], names: [], ...structuredClone(base.zones) } as ZoneRules;
  const byId = new Map(indicators.map((r) => [r.id, r]));
  for (const { file, rules } of files) {
    for (const r of rules.indicators ?? []) {
      const known = byId.get(r.id);
      if (known) {
        if (r.name) known.name = r.name;
        if (r.kinds) known.kinds = [...r.kinds];
        for (const a of r.aliases ?? []) if (!known.aliases.includes(a)) known.aliases.push(a);
      } else {
        if (!r.name) throw new RulesError(`${file}: indicator "${r.id}": a new indicator needs a "name"`);
        const added = { id: r.id, name: r.name, aliases: [...(r.aliases ?? [])], kinds: [...(r.kinds ?? KINDS)] };
        indicators.push(added);
        byId.set(r.id, added);
      }
    }
    for (const key of ['suffixes', 'references', 'names'] as const) {
      for (const w of rules.zones?.[key] ?? []) if (!zones[key].includes(w)) zones[key].push(w);
    }
  }
  const forms: Array<{ form: string; id: string }> = [];
  for (const r of indicators) for (const f of [r.name, ...r.aliases]) forms.push({ form: simplified(f), id: r.id });
  forms.sort((a, b) => b.form.length - a.form.length);
  zones.suffixes = zones.suffixes.map(simplified).sort((a, b) => b.length - a.length);
  zones.references = zones.references.map(simplified);
  zones.names = zones.names.map(simplified).sort((a, b) => b.length - a.length);
  return { indicators, zones, forms, byId, sources: files.map((f) => f.file) };
}

let defaultVocabulary: Vocabulary | undefined;

/** The built-in vocabulary, built once. */
export function builtinVocabulary(): Vocabulary {
  return (defaultVocabulary ??= buildVocabulary());
}
