/**
 * Segmentation (--segment) trims labels with nodejieba, which loads only when asked for.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { trimLabel } from '../src/attribute/segment.js';
import { ROOT } from './helpers.js';

describe('segmentation', () => {
  it.each([
    ['青林高新区实现地区生产总值', '地区生产总值'],
    ['全区新增国家级高新技术企业', '国家级高新技术企业'],
    ['固定资产投资', '固定资产投资'],
    ['青林高新區實現地區生產總值', '地區生產總值'],
  ])('trims %s to %s', (label, trimmed) => {
    expect(trimLabel(label)).toBe(trimmed);
  });

  it('changes labels only, never what is extracted', () => {
    const text = '全区新增国家级高新技术企业156家，青林高新区实现地区生产总值412.6亿元。';
    const plain = extract(text).metrics;
    const segmented = extract(text, { segment: true }).metrics;
    expect(segmented.map((m) => [m.kind, m.value, m.span])).toEqual(plain.map((m) => [m.kind, m.value, m.span]));
  });

  it('is not loaded on the plain extraction path', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { extract } = await import('./dist/index.js');
      extract('全区新签约项目12个，总投资45亿元。');
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('nodejieba'));
      console.log(loaded ? 'loaded' : 'not loaded');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('not loaded');
  });
});
