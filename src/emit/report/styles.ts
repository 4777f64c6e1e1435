/**
 * The page's one stylesheet, inline. System fonts only (no web fonts: the page must open offline).
 * Text colours on their backgrounds keep at least 4.5:1 (WCAG AA).
 */
import type { Kind } from '../../types.js';
import { KIND_STYLE } from './kinds.js';

const kindRules = (Object.keys(KIND_STYLE) as Kind[])
  .map((k) => {
    const s = KIND_STYLE[k];
    return `.k-${k}{background:${s.background};text-decoration:underline ${s.underline} ${s.line} 2px;text-underline-offset:4px}.k-${k}::before{content:"${s.letter}";color:${s.line}}`;
  })
  .join('\n');

export const STYLES = `
:root{--ink:#1a1a1a;--muted:#4a4a4a;--bad:#a4001d;--bad-bg:#fde8eb;--warn:#7a4b00;--warn-bg:#fff4d6;--ok:#1d6b32;--ok-bg:#e6f4ea;--focus:#0047b3}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff}
header.top{padding:.75rem 1.5rem;border-bottom:1px solid #ccc;background:#f6f6f6}
header.top h1{margin:0;font-size:1.25rem}
.help{margin:.25rem 0 0;color:var(--muted);font-size:.875rem}
kbd{border:1px solid #999;border-radius:3px;padding:0 .3em;background:#fff;font-size:.85em}
main{padding:0 1.5rem 3rem;max-width:80rem}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0;margin:.5rem 0}
.article{border-top:3px solid #333;margin-top:2rem}
.meta{color:var(--muted);margin:0}
.row{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.5rem;border-bottom:1px solid #eee;padding:.5rem 0}
.text{margin:0;font-size:1.0625rem;line-height:2.1}
.notes{font-size:.875rem}
mark.fig{cursor:help;position:relative}
.fig{color:var(--ink);border-radius:3px;padding:1px 2px}
.fig::before{font-size:.7em;font-weight:700;vertical-align:super;margin-right:1px}

.fig.flag{outline:2px solid var(--bad);outline-offset:1px}
.fig.flag::after{content:"!";color:#fff;background:var(--bad);font-weight:700;font-size:.7em;border-radius:50%;padding:0 .35em;margin-left:2px;vertical-align:super}
mark.fig:focus,.finding:focus,a:focus,button:focus,summary:focus{outline:3px solid var(--focus);outline-offset:2px}
mark.fig:target{outline:3px solid var(--focus);outline-offset:2px;scroll-margin-top:30vh}
.tip{display:none;position:absolute;left:0;top:100%;z-index:10;min-width:15rem;background:#fff;color:var(--ink);border:1px solid #555;border-radius:4px;padding:.4rem .6rem;box-shadow:0 2px 8px rgba(0,0,0,.25);font-size:.8125rem;line-height:1.4;text-decoration:none;white-space:nowrap}
mark.fig:hover .tip,mark.fig:focus .tip{display:block}
.tip-row{display:block}.tip-k{display:inline-block;min-width:5.5em;color:var(--muted)}.tip-head{font-weight:700}.tip-flag{color:var(--bad);font-weight:700}
.overview{margin:.5rem 0}
.counts{margin:.25rem 0}
.count.st-inconsistent,.finding-list .st-inconsistent a{color:var(--bad);font-weight:700}
.finding-list{margin:.25rem 0;padding-left:1.5rem}
.finding{border:1px solid #bbb;border-left-width:6px;border-radius:4px;padding:.4rem .6rem;margin:0 0 .5rem;background:#fff}
.finding h4{margin:0;font-size:.9375rem}
.finding p{margin:.25rem 0}
.finding.st-inconsistent{border-color:var(--bad);background:var(--bad-bg)}
.finding.st-inconsistent h4{color:var(--bad)}
.finding.st-unverifiable{border-color:var(--warn);background:var(--warn-bg)}
.finding.st-unverifiable h4{color:var(--warn)}
.finding.st-consistent{border-color:var(--ok);background:var(--ok-bg)}
.finding.st-consistent h4{color:var(--ok)}
.icon{font-weight:700}
.check-id{font-weight:400;color:var(--muted);font-family:ui-monospace,monospace;font-size:.8125rem}
.nums{display:grid;grid-template-columns:auto 1fr;gap:0 .75rem;margin:.25rem 0}.nums dt{color:var(--muted)}.nums dd{margin:0;font-weight:600}
details.agree summary{cursor:pointer;color:var(--ok);font-weight:600;margin-bottom:.25rem}
.warn{color:var(--warn)}
a{color:#0047b3}
.corpus{margin-top:1rem}
.articles{padding-left:1.25rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.chart{margin:0;border:1px solid #ddd;border-radius:4px;padding:.25rem}
.chart text{font-size:11px;fill:var(--ink)}.chart .chart-title{font-size:12px;font-weight:700}.chart .val{font-size:10px}
.chart .grid{stroke:#ddd}.chart .line{fill:none;stroke:#0b5cad;stroke-width:2}.chart circle{fill:#0b5cad}.chart .bar{fill:#1d6b32}
table.summary{border-collapse:collapse;width:100%;font-size:.875rem}
.summary caption{text-align:left;color:var(--muted);padding:.25rem 0}
.summary th,.summary td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
.summary th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:var(--ink)}
.summary th[aria-sort=ascending] button::after{content:" ▲"}.summary th[aria-sort=descending] button::after{content:" ▼"}
.summary tr.conflict{background:var(--bad-bg)}
.badge.st-inconsistent{color:var(--bad);font-weight:700;white-space:nowrap}
.src{color:var(--muted);font-size:.75rem}
${kindRules}
@media (max-width:52rem){.row{grid-template-columns:1fr}}
@media print{
  header.top .help,.tip{display:none!important}
  body{font-size:11pt}
  main{padding:0;max-width:none}
  .row{grid-template-columns:minmax(0,1fr) 40%;break-inside:avoid}
  .finding{break-inside:avoid}
  details.agree>*{display:block}
  details.agree::details-content{content-visibility:visible;display:block}
  a{color:var(--ink);text-decoration:none}
  mark.fig{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .finding,.summary tr.conflict{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
