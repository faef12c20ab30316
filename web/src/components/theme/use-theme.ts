'use client';

import { atom, useAtom } from 'jotai';
import { useCallback, useEffect } from 'react';

export type Theme = 'light' | 'dark' | 'system';

const STORAGE_KEY = 'shopstream-theme';
const themeAtom = atom<Theme>('system');

const systemPrefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

function apply(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && systemPrefersDark());
  document.documentElement.classList.toggle('dark', dark);
}

/** The theme choice: light, dark or the system's; remembered in localStorage, applied to <html>. */
export function useTheme() {
  const [theme, setThemeAtom] = useAtom(themeAtom);

  useEffect(() => {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') setThemeAtom(stored);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => apply((localStorage.getItem(STORAGE_KEY) as Theme | null) ?? 'system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [setThemeAtom]);

  const setTheme = useCallback(
    (next: Theme) => {
      if (next === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, next);
      setThemeAtom(next);
      apply(next);
    },
    [setThemeAtom],
  );

  return { theme, setTheme };
}
