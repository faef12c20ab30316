'use client';

import { NativeSelect } from '@/components/ui/native-select';
import { useTheme, type Theme } from './use-theme';

const choices: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const isTheme = (value: string): value is Theme => choices.some((c) => c.value === value);

/**
 * Light / dark / system as a native `<select>`: the platform's keyboard and screen-reader behaviour at no
 * script cost. It was a Radix dropdown menu with its positioning engine: dropping it took 17–24 KB
 * (compressed) off every page, JS that ran before the first image (adr/0024).
 */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  return (
    <NativeSelect
      aria-label="Theme"
      value={theme}
      onChange={(event) => {
        if (isTheme(event.target.value)) setTheme(event.target.value);
      }}
      className="h-9 w-auto py-1"
    >
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </NativeSelect>
  );
}
