import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityStore, setUserRoles } from '@shopstream/identity';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';
import { portsOf } from '@shopstream/testing/stack';
import { signIn, signUp } from './account-steps.js';
import {
  BrowserProblems,
  checkProblemsAfterEachTest,
  launchChromium,
  openContext,
  untilStackHealthy,
  type TestBrowser,
} from './browser.js';

/**
 * Issue 5's whole story in two browsers against the running stack: a shopper signs up, browses the catalog
 * with filters, opens a product; an admin edits that product in the back office; the shopper sees the new
 * version. Nothing is created behind the pages' backs: the product itself comes from the admin's form.
 */

describe('storefront and back office together', () => {
  let pool: Pool;
  let tenantId = '';
  let chromium: TestBrowser;
  const problems = new BrowserProblems();
  const tag = randomBytes(3).toString('hex');
  const category = `flow-${tag}/lamps`;

  const browserFor = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const origin = `http://${tenantId}.localhost:${portsOf('web').app}`;
    const context = await openContext(chromium, problems, { origin });
    return { context, page: await context.newPage() };
  };

  const signUpAndIn = async (page: Page, email: string) => {
    await signUp(page, email);
    await signIn(page, email);
  };

  checkProblemsAfterEachTest(problems);

  beforeAll(async () => {
    await untilStackHealthy(); // whatever an earlier file stopped is running again
    pool = identityDatabasePool('web-flow-test');
    tenantId = await createTestTenant(pool, 'flow');
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await pool?.end();
  });

  it('sign up → browse with filters → product page → admin edits it → the shopper sees the new version', async () => {
    // The admin: an account with the EU catalog role, signed in again so the token carries it.
    const admin = await browserFor();
    await signUpAndIn(admin.page, `flow-admin-${tag}@example.com`);
    const adminId = (await admin.page.locator('dt:has-text("User id") + dd').textContent())?.trim() ?? '';
    await setUserRoles(
      { store: createIdentityStore(pool) },
      { tenantId, userId: adminId, roles: ['catalog.admin:eu'], admin: false },
    );
    await signIn(admin.page, `flow-admin-${tag}@example.com`);
    const title = `Reading lamp ${tag}`;
    await admin.page.goto('/admin/products/new');
    await admin.page.getByLabel('Title').fill(title);
    await admin.page.getByLabel('Brand').fill('Lumen & Co');
    await admin.page.getByLabel('Category').fill(category);
    await admin.page.getByLabel('Description').fill('A warm reading lamp.');
    await admin.page.getByLabel('Status').selectOption('active');
    await admin.page.getByLabel('Owner region').fill('eu');
    await admin.page.getByLabel('SKU code').fill(`FLOW-${tag.toUpperCase()}`);
    await admin.page.getByLabel('Price').fill('24.90');
    await admin.page.getByLabel('Currency').fill('EUR');
    await admin.page.getByLabel('Stock').fill('7');
    await admin.page.getByRole('button', { name: 'Create product' }).click();
    await admin.page.waitForURL('**/admin?created=*');
    const productId = new URL(admin.page.url()).searchParams.get('created') ?? '';
    expect(productId).not.toBe('');

    // The shopper signs up, filters the catalog down to the product, then opens it.
    const shopper = await browserFor();
    await signUpAndIn(shopper.page, `flow-shopper-${tag}@example.com`);
    await shopper.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Catalog' })
      .click();
    await shopper.page.getByLabel('Category').fill(category);
    await shopper.page.getByLabel('Region').selectOption('eu');
    await shopper.page.getByLabel('From').fill('30');
    await shopper.page.getByRole('button', { name: 'Apply filters' }).click();
    await shopper.page.getByText('No products match these filters.').waitFor();
    await shopper.page.getByLabel('From').fill('20');
    await shopper.page.getByLabel('To').fill('25');
    await shopper.page.getByRole('button', { name: 'Apply filters' }).click();
    await shopper.page.getByRole('link', { name: title, exact: true }).click();
    await shopper.page.waitForURL(`**/products/${productId}**`);
    await shopper.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await shopper.page.getByRole('cell', { name: '€24.90' }).waitFor();

    // The admin saves a new title and price.
    const newTitle = `Reading lamp, brass ${tag}`;
    await admin.page.goto(`/admin/products/${productId}/edit`);
    await admin.page.getByLabel('Title').fill(newTitle);
    await admin.page.getByLabel(`Price of FLOW-${tag.toUpperCase()} in eu (EUR)`).fill('19.99');
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await admin.page.getByText('Saved as version 2.').waitFor();

    // The shopper's next load shows version 2 (the catalog's read cache follows the change event).
    await expect
      .poll(
        async () => {
          await shopper.page.reload();
          return shopper.page.getByRole('heading', { level: 1 }).textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(newTitle);
    await shopper.page.getByRole('cell', { name: '€19.99' }).waitFor();
    await shopper.page.goto(`/products?category=${encodeURIComponent(category)}`);
    await shopper.page.getByRole('link', { name: newTitle, exact: true }).waitFor();
    expect(await shopper.page.getByRole('link', { name: title, exact: true }).count()).toBe(0);

    await admin.context.close();
    await shopper.context.close();
  }, 240_000);
});
