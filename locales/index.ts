import { en } from './en.js';
import { type Messages, type PeriodName, vi } from './vi.js';

export type { Messages, PeriodName };
export type Locale = 'vi' | 'en';

export const locales: Record<Locale, Messages> = { vi, en };

/** The locale for a platform language code (`en-US` → en); anything else falls back. */
export function pickLocale(languageCode: string | undefined, fallback: Locale): Locale {
  if (!languageCode) return fallback;
  const base = languageCode.toLowerCase().split('-')[0];
  return base === 'en' || base === 'vi' ? base : fallback;
}
