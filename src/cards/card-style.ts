// Colours and container styles by state, one table so every card says "red" the same way.
import type { Overall, Severity, Tls12State, Verdict } from '../analyzer/report';
import type { Lang } from '../i18n/lang';

export type TextColor = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export const OVERALL_STYLE: Readonly<Record<Overall, { style: ContainerStyle; color: TextColor }>> = {
  ok: { style: 'good', color: 'Good' },
  'action-required': { style: 'attention', color: 'Attention' },
  inconclusive: { style: 'warning', color: 'Warning' },
};

export const SEVERITY_STYLE: Readonly<Record<Severity, { style: ContainerStyle; color: TextColor }>> = {
  error: { style: 'attention', color: 'Attention' },
  warning: { style: 'warning', color: 'Warning' },
  info: { style: 'emphasis', color: 'Accent' },
};

export const VERDICT_COLOR: Readonly<Record<Verdict, TextColor>> = {
  failed: 'Attention',
  inconclusive: 'Warning',
  ok: 'Good',
};

export const TLS_COLOR: Readonly<Record<Tls12State, TextColor>> = {
  enabled: 'Good',
  'os-default': 'Good',
  disabled: 'Attention',
  unknown: 'Default',
};

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function otherLang(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}

/** Look-up that tolerates an id a newer analyzer might add (falls back to the neutral entry). */
export function pick<K extends string, V>(table: Readonly<Record<K, V>>, key: string, fallback: V): V {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as K] : fallback;
}
