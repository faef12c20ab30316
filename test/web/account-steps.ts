import type { Page } from 'playwright-core';

/** The password every browser test signs up with (identity's policy accepts it). */
export const PASSWORD = 'correct horse battery staple 42';

/** Signs up through the form and lands on the sign-in page's "account created" notice. */
export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/sign-in?registered=1');
}

/** Signs in through the form and waits for the account page (a new token: roles granted since apply). */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/account');
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
}
