/**
 * The vocabulary as data: a --rules file adds indicators, synonyms and zone names that show up
 * in extract and in `zonefacts rules`; a malformed one is a usage error naming file and entry.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVocabulary, builtinVocabulary, RulesError, validateRules } from '../src/vocab/index.js';
import { runCli, SHARED } from './helpers.js';

let tmp: string;
const write = (name: string, data: unknown) => {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zonefacts-rules-'));
});

const ARTICLE = '2024年，东坡科创谷引进孵化项目18个，实现技术性收入6.5亿元，同比增长12%。';
const USER_RULES = {
  indicators: [
    { id: 'tech_income', name: '技术性收入', aliases: ['技术收入'], kinds: ['money'] },
    { id: 'projects', aliases: ['孵化项目'] },
  ],
  zones: { suffixes: ['科创谷'], names: ['江东未来城'] },
};

const SHARED_VOCABULARY = path.join(SHARED, 'indicators.json');
if (!existsSync(SHARED_VOCABULARY)) console.warn(`vocabulary coverage test skipped: no ${SHARED_VOCABULARY} (set ZONEFACTS_SHARED)`);

describe.skipIf(!existsSync(SHARED_VOCABULARY))('the built-in vocabulary', () => {
  it('covers every id of the shared indicator vocabulary', () => {
    const ids = new Set(builtinVocabulary().indicators.map((r) => r.id));
    const sharedVocabulary = JSON.parse(readFileSync(SHARED_VOCABULARY, 'utf8')) as unknown;
    for (const r of (sharedVocabulary as { indicators: Array<{ id: string }> }).indicators) expect(ids.has(r.id), r.id).toBe(true);
  });
});

describe('rules files', () => {
  it('validation names the entry and the problem', () => {
    expect(() => validateRules({ indicators: [{ id: 'x', kinds: ['money', 'weight'] }] }, 'u.json')).toThrow(/u\.json: indicators\[0\] \("x"\): unknown kind "weight"/);
    expect(() => validateRules({ indicators: [{ id: 'Bad Id' }] }, 'u.json')).toThrow(RulesError);
    expect(() => validateRules({ zones: { suffixes: 'x' } }, 'u.json')).toThrow(/zones\.suffixes: must be an array/);
    expect(() => validateRules([], 'u.json')).toThrow(/top level/);
    expect(() => buildVocabulary([{ file: 'u.json', rules: { indicators: [{ id: 'new_one', aliases: ['甲'], kinds: ['count'] } as never] } }])).toThrow(/needs a "name"/);
  });

  it('a user file adds an indicator, a synonym and a zone ending, end to end', () => {
    const rules = write('user.json', USER_RULES);
    const plain = JSON.parse(runCli(['extract', '-', '-f', 'json'], ARTICLE).stdout);
    const r = runCli(['extract', '-', '-f', 'json', '--rules', rules], ARTICLE);
    expect(r.exit).toBe(0);
    const out = JSON.parse(r.stdout);
    const byText = (rec: { metrics: Array<{ text: string; indicator: string; zone: string | null }> }, t: string) => rec.metrics.find((m) => m.text === t)!;
    expect(byText(plain, '6.5亿元').indicator).toBe('other');
    expect(byText(out, '6.5亿元').indicator).toBe('tech_income');
    expect(byText(out, '12%').indicator).toBe('tech_income');
    expect(byText(out, '18个').zone).toBe('东坡科创谷');
    const named = JSON.parse(runCli(['extract', '-', '-f', 'json', '--rules', rules], '江东未来城今年引进企业26家。').stdout);
    expect(named.metrics[0].zone).toBe('江东未来城');
    const listed = JSON.parse(runCli(['rules', '-f', 'json', '--rules', rules]).stdout);
    expect(listed.indicators.find((i: { id: string }) => i.id === 'tech_income').name).toBe('技术性收入');
    expect(listed.indicators.find((i: { id: string }) => i.id === 'projects').aliases).toContain('孵化项目');
    expect(runCli(['rules']).stdout).toContain('industry_output');
  });

  it('a malformed rules file exits 2 and says which file, entry and problem', () => {
    const bad = write('bad.json', { indicators: [{ id: 'ok_id', name: '甲', aliases: '乙' }] });
    const r = runCli(['extract', '-', '--rules', bad], ARTICLE);
    expect(r.exit).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: indicators[0] ("ok_id"): "aliases" must be an array`);
    const broken = write('broken.json', '{ "indicators": [ ');
    const b = runCli(['rules', '--rules', broken]);
    expect(b.exit).toBe(2);
    expect(b.stderr).toContain(`${broken}: not valid JSON`);
    expect(runCli(['extract', '-', '--date', '2024/01/01'], ARTICLE).exit).toBe(2);
  });

  it('--date resolves 今年 where the text states no date; a byline wins over it', () => {
    const text = '今年1—9月，东湖高新区新签约项目30个。';
    const r = JSON.parse(runCli(['extract', '-', '-f', 'json', '--date', '2022-10-08'], text).stdout);
    expect(r.published).toBe('2022-10-08');
    expect(r.metrics[0].when).toEqual({ from: '2022-01', to: '2022-09' });
    const bylined = JSON.parse(runCli(['extract', '-', '-f', 'json', '--date', '2022-10-08'], `2023-10-09 10:00:01 来源：东湖报\n${text}`).stdout);
    expect(bylined.published).toBe('2023-10-09');
    expect(bylined.metrics[0].when).toEqual({ from: '2023-01', to: '2023-09' });
  });

  it('a JSONL record\'s date field is its publication date', () => {
    const line = JSON.stringify({ id: 'a', text: '今年上半年，东湖高新区新签约项目30个。', date: '2021-07-30T08:00:00+08:00' });
    const r = JSON.parse(runCli(['extract', '-', '--input-format', 'jsonl', '-f', 'jsonl'], `${line}\n`).stdout);
    expect(r.published).toBe('2021-07-30');
    expect(r.metrics[0].when).toEqual({ from: '2021-01', to: '2021-06' });
    expect(r.zones).toEqual([{ name: '东湖高新区', names: ['东湖高新区'], metrics: 1 }]);
  });
});
