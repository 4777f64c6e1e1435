/**
 * How each kind of figure is marked: a background colour, an underline style and a letter, so that
 * no kind is told from another by colour alone. Colours are pale enough that the dark text on them
 * keeps a contrast above 7:1 (WCAG AA asks 4.5:1).
 */
import type { CheckStatus, Kind } from '../../types.js';

export interface KindStyle {
  label: string;
  letter: string;
  background: string;
  line: string;
  underline: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
}

export const KIND_STYLE: Record<Kind, KindStyle> = {
  money: { label: 'money', letter: '¥', background: '#fff1b8', line: '#8a6100', underline: 'solid' },
  percent: { label: 'percent', letter: '%', background: '#d6ecff', line: '#0b5cad', underline: 'double' },
  percentage_point: { label: 'percentage point', letter: 'pp', background: '#e6dcff', line: '#5b2fb3', underline: 'dotted' },
  multiple: { label: 'multiple', letter: '×', background: '#ffdcc8', line: '#a13d00', underline: 'wavy' },
  count: { label: 'count', letter: '#', background: '#d4f5dc', line: '#1d6b32', underline: 'dashed' },
  area: { label: 'area', letter: 'm²', background: '#f0e0ea', line: '#8c2a62', underline: 'solid' },
};

export interface StatusStyle {
  icon: string;
  label: string;
  /** Inconsistent first, then what could not be verified, then what agrees. */
  rank: number;
}

export const STATUS_STYLE: Record<CheckStatus, StatusStyle> = {
  inconsistent: { icon: '✗', label: 'Inconsistent', rank: 0 },
  unverifiable: { icon: '?', label: 'Unverifiable', rank: 1 },
  consistent: { icon: '✓', label: 'Consistent', rank: 2 },
};
