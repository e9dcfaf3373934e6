import dayjs from 'dayjs';
import 'dayjs/locale/zh-tw';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../contract/common.ts';
import { setApiLanguage } from '../api/client.ts';
import en from './en.json';
import zhTW from './zh-TW.json';

export const LANGUAGE_STORAGE_KEY = 'pacer.language';
export const DEFAULT_LANGUAGE: Locale = 'zh-TW';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-TW' || value === 'en';
}

export function storedLanguage(): Locale | null {
  try {
    const v = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

function applyLanguageSideEffects(lang: Locale): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-TW' ? 'zh-tw' : 'en');
  document.documentElement.lang = lang;
}

const initial = storedLanguage() ?? DEFAULT_LANGUAGE;
applyLanguageSideEffects(initial);

i18next.on('languageChanged', () => {
  document.title = i18next.t('app.title');
});

void i18next.use(initReactI18next).init({
  resources: { 'zh-TW': { translation: zhTW }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language (i18next, dayjs, API Accept-Language) and remembers it in this browser. */
export async function changeLanguage(lang: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
  applyLanguageSideEffects(lang);
  await i18next.changeLanguage(lang);
}

export function currentLanguage(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export default i18next;
