/**
 * A small dictionary-based i18n: 中文 first, English switchable. The choice is kept in a cookie
 * (a language is not personal data; tokens and personal data never go to browser storage).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { interpolate } from "./interpolate.ts";
import { zhCN } from "./messages/zh-cn.ts";
import type { MessageKey, Messages } from "./messages/zh-cn.ts";
import { enUS } from "./messages/en-us.ts";

export type { MessageKey } from "./messages/zh-cn.ts";

/** The languages the interface speaks. */
export type Locale = "zh-CN" | "en-US";

const DICTIONARIES: Record<Locale, Messages> = { "zh-CN": zhCN, "en-US": enUS };
const COOKIE = "luoshi_lang";

/** Translates a key, filling `{placeholders}`. */
export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Translates a key built at run time (`schoolType.${code}`), falling back when it is unknown. */
  tOr: (key: string, fallback: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readLocale(): Locale {
  const match = /(?:^|;\s*)luoshi_lang=([^;]+)/.exec(document.cookie);
  return match?.[1] === "en-US" ? "en-US" : "zh-CN";
}

function writeLocale(locale: Locale): void {
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=31536000; SameSite=Lax`;
}

/** Provides the current language and `t()` to the tree. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    writeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dict = DICTIONARIES[locale];
    const t: Translate = (key, vars) => interpolate(dict[key], vars);
    const tOr = (key: string, fallback: string) => (key in dict ? dict[key as MessageKey] : fallback);
    return { locale, setLocale, t, tOr };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language, its setter and the translators. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error("useI18n must be used inside <I18nProvider>");
  }
  return value;
}
