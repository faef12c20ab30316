import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityStore, setUserRoles } from '@shopstream/identity';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';
import { stackControl } from '../../tools/stack/control.js';
import { portsOf } from '@shopstream/testing/stack';
import { PASSWORD, signIn, signUp } from './account-steps.js';
import { expectAccessible } from './accessibility.js';
import {
  BrowserProblems,
  checkProblemsAfterEachTest,
  launchChromium,
  openContext,
  untilStackHealthy,
  type TestBrowser,
} from './browser.js';

/**
 * The web app in Debian's Chromium against the running stack (web → its sidecar → identity-sessions):
 * sign up, sign in, account, sessions, sign out everywhere, admin protection, theme, keyboard use,
 * accessibility (axe, both themes) and the CSP; every console error and CSP violation fails the run.
 */

const STEP_MS = 15_000;

describe('web storefront in Chromium against the real stack', () => {
  let pool: Pool;
  let tenantId = '';
  let origin = '';
  let chromium: TestBrowser;
  const problems = new BrowserProblems();

  const newContext = (colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> =>
    openContext(chromium, problems, { origin, colorScheme, stepMs: STEP_MS });

  checkProblemsAfterEachTest(problems);

  beforeAll(async () => {
    await untilStackHealthy(); // whatever an earlier file stopped is running again
    pool = identityDatabasePool('web-e2e-test');
    tenantId = await createTestTenant(pool, 'web');
    // <tenant>.localhost: Chromium resolves it to loopback and treats it as a secure context (cookies).
    origin = `http://${tenantId}.localhost:${portsOf('web').app}`;
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await pool?.end();
  });

  it('serves every page with a nonce CSP, no eval, no inline scripts, and the security headers', async () => {
    const res = await fetch(`${origin.replace(`${tenantId}.localhost`, '127.0.0.1')}/sign-in`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain(`object-src 'none'`);
    expect(csp).toContain(`base-uri 'none'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('refuses a state-changing request from another origin with problem+json', async () => {
    const res = await fetch(`${origin.replace(`${tenantId}.localhost`, '127.0.0.1')}/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&password=x',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('Web.CrossOriginRequest');
  });

  it('sign up with bad input shows field messages and keeps the email typed', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill('not-an-email <script>alert(1)</script>');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText('Enter a valid email address.').waitFor();
    await page.getByText('Password must be at least 8 characters.').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('not-an-email <script>alert(1)</script>');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('sign up → sign in → account with sessions → sign out everywhere signs out every device', async () => {
    const email = `web-${randomBytes(4).toString('hex')}@example.com`;
    const laptop = await newContext();
    const phone = await newContext('dark');
    const page = await laptop.newPage();
    await signUp(page, email);
    await page.getByText('Your account was created').waitFor();
    await signIn(page, email);
    await page.getByText('(this device)').waitFor();

    const phonePage = await phone.newPage();
    await signIn(phonePage, email);
    await page.reload();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    // The phone's session is listed beside this one (the page is rendered on the server after the reload).
    await page.getByRole('button', { name: 'Sign out device', exact: true }).waitFor();
    await expect(page.getByRole('button', { name: /^Sign out (this )?device$/ }).count()).resolves.toBe(2);
    await expect(page.getByText(email, { exact: true }).count()).resolves.toBe(1);

    // Wrong password: a clear message, the email kept, no stack trace.
    const stranger = await newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto('/sign-in');
    await strangerPage.getByLabel('Email').fill(email);
    await strangerPage.getByLabel('Password').fill('wrong password 123');
    await strangerPage.getByRole('button', { name: 'Sign in' }).click();
    await strangerPage.getByText('The email or password is not correct.').waitFor();
    expect(await strangerPage.getByLabel('Email').inputValue()).toBe(email);
    await stranger.close();

    // The access cookie expires after 10 min; the next page load refreshes the session from the refresh
    // cookie (the proxy relays identity's new cookies) and the user stays signed in.
    await laptop.clearCookies({ name: '__Host-shopstream-access' });
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect((await laptop.cookies()).some((c) => c.name === '__Host-shopstream-access')).toBe(true);

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL('**/sign-in?signed-out=everywhere');
    await page.getByText('You are signed out on every device.').waitFor();
    await page.goto('/account');
    await page.waitForURL('**/sign-in');

    // The phone's access cookie may outlive its session for a few minutes, but the account page knows.
    await phonePage.goto('/account');
    await phonePage.waitForURL('**/sign-in?signed-out=ended');
    await phonePage.getByText('Your session has ended. Sign in again.').waitFor();
    await laptop.close();
    await phone.close();
  }, 180_000);

  it('changes the password and deletes the account from the account page, with field messages', async () => {
    const email = `pw-${randomBytes(4).toString('hex')}@example.com`;
    const newPassword = 'a different passphrase 7';
    const context = await newContext();
    const page = await context.newPage();
    await signUp(page, email);
    await signIn(page, email);

    // Wrong current password and a mismatched repeat: messages at the fields, nothing changed.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(`${newPassword}!`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The two new passwords do not match.').waitFor();
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The password is not correct.').waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed.').waitFor();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();

    // Deleting needs the tick and the (new) password; a wrong one deletes nothing.
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Enter your password to confirm.').waitFor();
    await page.getByText('Tick the box to confirm').waitFor();
    await page.locator('#deletePassword').fill(PASSWORD);
    await page.getByLabel('I understand that my account').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('The password is not correct.').waitFor();
    await page.locator('#deletePassword').fill(newPassword);
    await page.getByLabel('I understand that my account').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL('**/sign-in?account-deleted=1');
    await page.getByText('Your account was deleted.').waitFor();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('__Host-shopstream-refresh');

    // The account is gone: neither password signs in.
    for (const password of [PASSWORD, newPassword]) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The email or password is not correct.').waitFor();
    }
    await context.close();
  }, 180_000);

  it('protects the back office server-side: signed-out → sign in, shopper → not allowed, admin → in', async () => {
    const email = `admin-${randomBytes(4).toString('hex')}@example.com`;
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/admin');
    await page.waitForURL('**/sign-in');
    await signUp(page, email);
    await signIn(page, email);
    const userId = (await page.locator('dt:has-text("User id") + dd').textContent())?.trim() ?? '';
    problems.expectFailedLoad(`${origin}/admin`, 403);
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await setUserRoles(
      { store: createIdentityStore(pool) },
      { tenantId, userId, roles: ['catalog.admin:eu-west'], admin: false },
    );
    await signIn(page, email); // a new token carries the role
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Back office' }).waitFor();
    await context.close();
  }, 120_000);

  it('remembers the theme choice and applies it before first paint', async () => {
    const context = await newContext('light');
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    // On reload the class must already be there when the first byte of body is parsed (no flash).
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __darkAtParse: boolean }).__darkAtParse =
          document.documentElement.classList.contains('dark');
      });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { __darkAtParse: boolean }).__darkAtParse)).toBe(
      true,
    );
    await context.close();
  });

  it('works with the keyboard alone: skip link, the theme choice with the arrow keys', async () => {
    const context = await newContext('light');
    const page = await context.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab onwards until the theme select, then pick Dark with the keyboard (System → Light → Dark).
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    for (let i = 0; i < 10 && (await focusedLabel()) !== 'Theme'; i += 1) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Theme');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
    expect(await focusedLabel()).toBe('Theme');
    // The sign-in form submits with Enter.
    await page.goto('/sign-in');
    await page.getByLabel('Email').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Enter a valid email address.').waitFor();
    await context.close();
  });

  it('has no critical or serious axe violations on any page, in both themes', async () => {
    const email = `axe-${randomBytes(4).toString('hex')}@example.com`;
    for (const scheme of ['light', 'dark'] as const) {
      const context = await newContext(scheme);
      const page = await context.newPage();
      for (const path of ['/', '/sign-in', '/sign-up', '/no-such-page']) {
        if (path === '/no-such-page') problems.expectFailedLoad(`${origin}${path}`, 404);
        await page.goto(path);
        await expectAccessible(page, `${path} (${scheme})`);
      }
      if (scheme === 'light') await signUp(page, email);
      await signIn(page, email);
      await expectAccessible(page, `/account (${scheme})`);
      problems.expectFailedLoad(`${origin}/admin`, 403);
      await page.goto('/admin');
      await expectAccessible(page, `/admin as shopper (${scheme})`);
      await context.close();
    }
  }, 180_000);

  it('says what is unavailable while identity is down, and recovers when it is back', async () => {
    const email = `down-${randomBytes(4).toString('hex')}@example.com`;
    const context = await newContext();
    const page = await context.newPage();
    await signUp(page, email);
    await signIn(page, email);
    const stranger = await (await newContext()).newPage();
    await stranger.goto('/sign-in');
    await stackControl.stop(['identity-sessions']);
    try {
      // Signed in (the access token is verified locally): the page renders, naming what is missing.
      await page.reload();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await page.getByText('Your sessions cannot be listed right now').waitFor();
      await page.getByText('unavailable right now', { exact: true }).waitFor();
      // Signing in: one clear sentence, the email kept, no stack trace.
      await stranger.getByLabel('Email').fill(email);
      await stranger.getByLabel('Password').fill(PASSWORD);
      await stranger.getByRole('button', { name: 'Sign in' }).click();
      await stranger.getByText('The sign-in service is unavailable right now.').waitFor();
      expect(await stranger.getByLabel('Email').inputValue()).toBe(email);
      expect(await stranger.content()).not.toMatch(/at [\w.]+ \(|Error:/);
    } finally {
      await stackControl.start(['identity-sessions']);
    }
    await page.reload();
    await page.getByText(email, { exact: true }).waitFor();
    await page.getByText('(this device)').waitFor();
    await context.close();
    await stranger.context().close();
  }, 180_000);
});
