'use client';

import { DropdownMenu } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { useTheme, type Theme } from './use-theme';

const choices: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/** Light / dark / system, keyboard operable (Radix menu: arrows, Enter, Escape). */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  return (
    // Not modal: a modal menu injects a scroll-lock <style> without the CSP nonce.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <Button variant="outline" size="sm" aria-label={`Theme: ${theme}. Change theme`}>
          Theme
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-32 rounded-md border bg-card p-1 text-card-foreground shadow-md"
        >
          <DropdownMenu.RadioGroup value={theme} onValueChange={(v) => setTheme(v as Theme)}>
            {choices.map((c) => (
              <DropdownMenu.RadioItem
                key={c.value}
                value={c.value}
                className="flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted"
              >
                <span aria-hidden="true" className="w-3">
                  {theme === c.value ? '✓' : ''}
                </span>
                {c.label}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
