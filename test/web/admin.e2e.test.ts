import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityStore, setUserRoles } from '@shopstream/identity';
import {
  catalogApi,
  idempotencyKey,
  productInput,
  skuInput,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { portsOf } from '@shopstream/testing/stack';
import { stackControl } from '../../tools/stack/control.js';
import { signIn, signUp } from './account-steps.js';
import { expectAccessible } from './accessibility.js';
import {
  BrowserProblems,
  checkProblemsAfterEachTest,
  launchChromium,
  openContext,
  sendEachPostTwice,
  untilStackHealthy,
  type TestBrowser,
} from './browser.js';

/**
 * The back office (issue 5) in Debian's Chromium against the running stack (web → its sidecar → catalog and
 * identity): create, list, edit (every SKU's price per region), stock per SKU and region, version conflicts,
 * history, archive, bad input, double submits, hostile titles, server-side protection, axe in both themes,
 * keyboard-only use, and no console errors or CSP violations. What shoppers would see is checked through catalog's API (anonymous GetProduct for the tenant).
 */

const STEP_MS = 20_000;
const DRAFT = 1;
const ACTIVE = 2;
const ARCHIVED = 3;

const suffix = () => randomBytes(3).toString('hex');
const skuCode = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

describe('back office in Chromium against the real stack', () => {
  let pool: Pool;
  let tenantId = '';
  let origin = '';
  let chromium: TestBrowser;
  let catalog: CatalogApi;
  const problems = new BrowserProblems();
  const adminEmail = `admin-${suffix()}@example.com`;
  let adminToken: { token: string; at: number } | undefined;
  /** The product the tests share: created through the form, then edited. */
  const lamp = { id: '', title: '', sku: skuCode('LAMP') };
  /** A product with two SKUs priced in eu and us (made through catalog's API), for prices and stock. */
  const tee = { id: '', small: skuCode('TEE-S'), large: skuCode('TEE-L') };

  const newContext = (colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> =>
    openContext(chromium, problems, { origin, colorScheme, stepMs: STEP_MS });

  /** A browser signed in as a user with `roles`; the user is created on first use of `email`. */
  const signedInAs = async (
    email: string,
    roles: string[] | undefined,
    colorScheme: 'light' | 'dark' = 'light',
  ) => {
    const context = await newContext(colorScheme);
    const page = await context.newPage();
    if (roles) {
      await signUp(page, email);
      await signIn(page, email);
      const userId = (await page.locator('dt:has-text("User id") + dd').textContent())?.trim() ?? '';
      await setUserRoles({ store: createIdentityStore(pool) }, { tenantId, userId, roles, admin: false });
    }
    await signIn(page, email); // a new token carries the roles
    return { context, page };
  };

  const asAdmin = (colorScheme: 'light' | 'dark' = 'light') => signedInAs(adminEmail, undefined, colorScheme);

  /** A catalog admin's token for API checks of drafts (renewed before the 10-minute expiry). */
  const apiToken = async () => {
    if (!adminToken || Date.now() - adminToken.at > 5 * 60_000) {
      const user = await signedInUser(pool, tenantId, { roles: ['catalog.admin:eu'], fromApp: 'web' });
      adminToken = { token: user.accessToken, at: Date.now() };
    }
    return adminToken.token;
  };

  /** Every product of the tenant (drafts included), through catalog's API. */
  const allProducts = async () => {
    const token = await apiToken();
    const out = [];
    let pageToken = '';
    do {
      const page = await catalog.listProducts(
        { page: { pageSize: 100, pageToken } },
        { token, noCache: true },
      );
      out.push(...page.products);
      pageToken = page.page?.nextPageToken ?? '';
    } while (pageToken);
    return out;
  };

  /** What a shopper's request would get: anonymous, with the tenant, past the cache. */
  const shopperView = async (productId: string) =>
    (await catalog.getProduct({ productId }, { tenant: tenantId, noCache: true })).product;

  const fillCreateForm = async (
    page: Page,
    fields: { title: string; sku: string; price?: string; stock?: string; status?: 'draft' | 'active' },
  ) => {
    await page.getByLabel('Title').fill(fields.title);
    await page.getByLabel('Brand').fill('Lumen & Co');
    await page.getByLabel('Category').fill('home/lighting');
    await page.getByLabel('Description').fill('A warm desk lamp.');
    await page.getByLabel('Status').selectOption(fields.status ?? 'active');
    await page.getByLabel('Owner region').fill('eu');
    await page.getByLabel('SKU code').fill(fields.sku);
    await page.getByLabel('Price').fill(fields.price ?? '24.90');
    await page.getByLabel('Currency').fill('EUR');
    await page.getByLabel('Stock').fill(fields.stock ?? '7');
  };

  checkProblemsAfterEachTest(problems);

  beforeAll(async () => {
    await untilStackHealthy(); // whatever an earlier file stopped is running again
    pool = identityDatabasePool('web-admin-e2e-test');
    tenantId = await createTestTenant(pool, 'adm');
    origin = `http://${tenantId}.localhost:${portsOf('web').app}`;
    chromium = await launchChromium();
    catalog = catalogApi('web');
    // The admin of region eu, created through the pages like any user, then given the role.
    const { context } = await signedInAs(adminEmail, ['catalog.admin:eu']);
    await context.close();
  }, 120_000);

  afterAll(async () => {
    await stackControl.start(['catalog']).catch(() => undefined); // whatever happened, catalog runs again
    catalog?.close();
    await chromium?.close();
    await pool?.end();
  });

  it('creates a product through the form: it is listed, and a hostile title renders inert', async () => {
    const { context, page } = await asAdmin();
    lamp.title = `Desk lamp <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> ${suffix()}`;
    await page.goto('/admin/products/new');
    await fillCreateForm(page, { title: lamp.title, sku: lamp.sku });
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/admin?created=*');
    lamp.id = new URL(page.url()).searchParams.get('created') ?? '';
    await page.getByText('The product was created.').waitFor();
    // Listed newest first, the title shown as text (a link to the edit page), never run.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: lamp.title, exact: true }) });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('Active');
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('eu');
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('€24.90');
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('7');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('main script, main img').count()).resolves.toBe(0);

    const product = await shopperView(lamp.id);
    expect(product?.title).toBe(lamp.title);
    expect(product?.version).toBe('1');
    expect(product?.status).toBe(ACTIVE);
    expect(product?.skus[0]?.prices[0]?.price).toEqual({ currencyCode: 'EUR', amountMinor: '2490' });
    expect(product?.skus[0]?.stock.find((s) => s.region === 'eu')?.available).toBe('7');
    await context.close();
  }, 120_000);

  it('edits the product: a new version, which shoppers see', async () => {
    const { context, page } = await asAdmin();
    await page.goto(`/admin/products/${lamp.id}/edit`);
    expect(await page.getByLabel('Title').inputValue()).toBe(lamp.title);
    lamp.title = `Desk lamp, brass ${suffix()}`;
    await page.getByLabel('Title').fill(lamp.title);
    await page.getByLabel(`Price of ${lamp.sku} in eu (EUR)`).fill('19.99');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL('**/edit?saved=2');
    await page.getByText('Saved as version 2.').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe(lamp.title);

    const product = await shopperView(lamp.id);
    expect(product?.version).toBe('2');
    expect(product?.title).toBe(lamp.title);
    expect(product?.skus[0]?.prices[0]?.price?.amountMinor).toBe('1999');
    expect(product?.skus[0]?.code).toBe(lamp.sku); // the SKU is kept, not replaced
    await context.close();
  }, 120_000);

  /** The shopper's product page in `region`: the row of SKU `code` (price and stock text). */
  const shopperRow = async (page: Page, productId: string, region: string, code: string) => {
    await page.goto(`/products/${productId}?region=${region}`);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: code, exact: true }) });
    return (await row.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
  };

  it("edits the second SKU's price and its stock: the shopper's product page shows both", async () => {
    const created = await catalog.createProduct(
      {
        idempotencyKey: idempotencyKey(),
        ownerRegion: 'eu',
        product: productInput({
          title: `Tee ${suffix()}`,
          skus: [
            skuInput({ code: tee.small, options: { size: 'S' } }),
            skuInput({ code: tee.large, options: { size: 'L' } }),
          ],
        }),
      },
      { token: await apiToken() },
    );
    tee.id = created.product?.productId ?? '';
    const { context, page } = await asAdmin();
    await page.goto(`/admin/products/${tee.id}/edit`);
    // Every SKU, priced per shop region; a region without a price is an empty field.
    const grid = page.getByRole('table', { name: 'Prices per variant and region' });
    await grid.waitFor(); // (the admin pages stream behind their loading boundary)
    await expect(grid.getByRole('rowheader').allInnerTexts()).resolves.toEqual([tee.small, tee.large]);
    expect(await page.getByLabel(`Price of ${tee.large} in us (USD)`).inputValue()).toBe('29.00');
    expect(await page.getByLabel(`Price of ${tee.large} in uk (GBP)`).inputValue()).toBe('');
    await page.getByLabel(`Price of ${tee.large} in us (USD)`).fill('41.50');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL('**/edit?saved=2');
    const edited = await shopperView(tee.id);
    const large = edited?.skus.find((s) => s.code === tee.large);
    const small = edited?.skus.find((s) => s.code === tee.small);
    expect(large?.prices.find((p) => p.region === 'us')?.price).toEqual({
      currencyCode: 'USD',
      amountMinor: '4150',
    });
    expect(large?.prices.find((p) => p.region === 'eu')?.price?.amountMinor).toBe('2500'); // untouched
    expect(small?.prices.find((p) => p.region === 'us')?.price?.amountMinor).toBe('2900'); // untouched

    // Stock: its own page, linked from the edit page.
    await page.getByRole('link', { name: 'Stock', exact: true }).click();
    await page.waitForURL(`**/admin/products/${tee.id}/stock`);
    expect(await page.getByLabel(`Stock of ${tee.large} in us`).inputValue()).toBe('5');
    await expect(page.getByLabel(`Stock of ${tee.large} in uk`).count()).resolves.toBe(0); // not sold there
    await page.getByLabel(`Stock of ${tee.large} in us`).fill('3');
    await page.getByRole('button', { name: 'Save stock' }).click();
    await page.waitForURL('**/stock?saved=1');
    await page.getByText('Stock saved (1 value).').waitFor();
    expect(await page.getByLabel(`Stock of ${tee.large} in us`).inputValue()).toBe('3');
    expect(await page.getByLabel(`Stock of ${tee.small} in us`).inputValue()).toBe('5'); // untouched

    // The shopper's page (read through catalog's cache, which follows within moments).
    await expect
      .poll(() => shopperRow(page, tee.id, 'us', tee.large), { timeout: STEP_MS, interval: 500 })
      .toContain('$41.50');
    expect(await shopperRow(page, tee.id, 'us', tee.large)).toContain('Only 3 left');
    expect(await shopperRow(page, tee.id, 'us', tee.small)).toMatch(/\$29\.00.*In stock \(5\)/);
    await context.close();
  }, 120_000);

  it('bad stock input: field messages, what was typed kept, nothing written', async () => {
    const { context, page } = await asAdmin();
    const before = await shopperView(tee.id);
    await page.goto(`/admin/products/${tee.id}/stock`);
    // Comfort: checked on blur.
    await page.getByLabel(`Stock of ${tee.small} in eu`).fill('-1');
    await page.getByLabel(`Stock of ${tee.small} in eu`).blur();
    await page.getByText('Enter a whole number of units from 0 to 1,000,000.').waitFor();
    await page.getByLabel(`Stock of ${tee.small} in us`).fill('2.5');
    await page.getByLabel(`Stock of ${tee.large} in eu`).fill('99999999');
    await page.getByLabel(`Stock of ${tee.large} in us`).fill('8'); // valid, but not written alone
    await page.getByRole('button', { name: 'Save stock' }).click();
    await expect.poll(() => page.locator('form [id$="-error"]').count(), { timeout: STEP_MS }).toBe(3);
    for (const [code, region, typed] of [
      [tee.small, 'eu', '-1'],
      [tee.small, 'us', '2.5'],
      [tee.large, 'eu', '99999999'],
    ] as const) {
      const field = page.getByLabel(`Stock of ${code} in ${region}`);
      expect(await field.inputValue()).toBe(typed);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(await page.getByLabel(`Stock of ${tee.large} in us`).inputValue()).toBe('8');
    expect(page.url()).not.toContain('saved=');

    // A region the shop does not have (a field name forged on the way): refused by name, nothing written.
    await page.reload();
    await page.getByLabel(`Stock of ${tee.large} in us`).fill('9');
    const smallEu = `stock-${before?.skus.find((s) => s.code === tee.small)?.skuId ?? ''}-eu"`;
    let forged = false;
    await page.route(`**/admin/products/${tee.id}/stock`, (route) => {
      const body = route.request().postData() ?? '';
      if (route.request().method() !== 'POST' || !body.includes(smallEu)) return route.continue();
      forged = true;
      // (Both the field and its loaded- twin, so the forged cell reads as typed.)
      return route.continue({ postData: body.replaceAll(smallEu, smallEu.replace('-eu"', '-mars"')) });
    });
    await page.getByRole('button', { name: 'Save stock' }).click();
    await page.getByText('Unknown region “mars”').waitFor();
    expect(forged).toBe(true);
    expect(await page.getByLabel(`Stock of ${tee.large} in us`).inputValue()).toBe('9');

    const after = await shopperView(tee.id);
    expect(after?.skus.map((s) => s.stock)).toEqual(before?.skus.map((s) => s.stock));
    expect(after?.sequence).toBe(before?.sequence);
    await context.close();
  }, 120_000);

  it('is operable with the keyboard alone: the stock page with Tab and Enter', async () => {
    const { context, page } = await asAdmin();
    await page.goto(`/admin/products/${tee.id}/stock`);
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
      });
    const first = `Stock of ${tee.small} in eu`;
    for (let i = 0; i < 30 && (await focusedLabel()) !== first; i += 1) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe(first);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe(`Stock of ${tee.small} in us`);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/stock?saved=1');
    expect(await page.getByLabel(first).inputValue()).toBe('12');
    await context.close();
  }, 120_000);

  it('two admins edit the same version: the second is told, keeps what was typed, and can load the latest', async () => {
    const first = await asAdmin();
    const second = await asAdmin('dark');
    await first.page.goto(`/admin/products/${lamp.id}/edit`);
    await second.page.goto(`/admin/products/${lamp.id}/edit`);

    const firstTitle = `Desk lamp, copper ${suffix()}`;
    await first.page.getByLabel('Title').fill(firstTitle);
    await first.page.getByRole('button', { name: 'Save changes' }).click();
    await first.page.waitForURL('**/edit?saved=3');

    const secondTitle = `Desk lamp, steel ${suffix()}`;
    await second.page.getByLabel('Title').fill(secondTitle);
    await second.page.getByLabel('Description').fill('Typed by the second admin.');
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    await second.page.getByText('Someone else saved this product first.').waitFor();
    await second.page.getByText('It is now at version 3; you loaded version 2.').waitFor();
    expect(await second.page.getByLabel('Title').inputValue()).toBe(secondTitle);
    expect(await second.page.getByLabel('Description').inputValue()).toBe('Typed by the second admin.');

    const product = await shopperView(lamp.id);
    expect(product?.version).toBe('3');
    expect(product?.title).toBe(firstTitle);

    await second.page.getByRole('link', { name: 'Load the latest version' }).click();
    await second.page.waitForURL(`**/admin/products/${lamp.id}/edit`);
    await expect.poll(() => second.page.getByLabel('Title').inputValue()).toBe(firstTitle);
    lamp.title = firstTitle;
    await first.context.close();
    await second.context.close();
  }, 120_000);

  it('lists every version in the history: who, when and what changed', async () => {
    const { context, page } = await asAdmin();
    await page.goto(`/admin/products/${lamp.id}/history`);
    await page.getByRole('table', { name: 'Versions' }).waitFor();
    const rows = page.getByRole('table', { name: 'Versions' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(0).getByRole('cell').nth(0).textContent()).resolves.toBe('3');
    await expect(rows.nth(0).getByRole('cell').nth(1).textContent()).resolves.toBe('Edited');
    await expect(rows.nth(0).getByRole('cell').nth(4).textContent()).resolves.toContain('title');
    await expect(rows.nth(1).getByRole('cell').nth(4).textContent()).resolves.toContain('prices.eu');
    await expect(rows.nth(2).getByRole('cell').nth(1).textContent()).resolves.toBe('Created');
    await expect(rows.nth(2).getByRole('cell').nth(4).textContent()).resolves.toBe('First version');
    // Same account in every session of this test: every change is "You", with a time.
    for (let i = 0; i < 3; i += 1) {
      await expect(rows.nth(i).getByRole('cell').nth(2).textContent()).resolves.toBe('You');
      await expect(rows.nth(i).locator('time').getAttribute('datetime')).resolves.toMatch(
        /^\d{4}-\d\d-\d\dT/,
      );
    }
    await context.close();
  }, 120_000);

  it('two admins edit different fields of the same version: both saves land, one version each', async () => {
    const first = await asAdmin();
    const second = await asAdmin('dark');
    const before = await shopperView(tee.id);
    const version = Number(before?.version ?? 0);
    await first.page.goto(`/admin/products/${tee.id}/edit`);
    await second.page.goto(`/admin/products/${tee.id}/edit`);

    const brand = `Brand ${suffix()}`;
    await first.page.getByLabel('Brand').fill(brand);
    await first.page.getByRole('button', { name: 'Save changes' }).click();
    await first.page.waitForURL(`**/edit?saved=${version + 1}`);

    // The second form still shows the old version: only its description is sent, merged by catalog.
    await second.page.getByLabel('Description').fill('Written beside the other admin’s brand.');
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    await second.page.waitForURL(`**/edit?saved=${version + 2}`);
    await expect
      .poll(async () => {
        const product = await shopperView(tee.id);
        return [product?.version, product?.brand, product?.description];
      })
      .toEqual([String(version + 2), brand, 'Written beside the other admin’s brand.']);
    await first.context.close();
    await second.context.close();
  }, 120_000);

  it('bad input: field messages next to the fields, what was typed kept, nothing created', async () => {
    const { context, page } = await asAdmin();
    const before = (await allProducts()).length;
    await page.goto('/admin/products/new');
    // Comfort: a field is checked when it loses focus, before anything is sent.
    await page.getByLabel('Category').fill('Not A Path');
    await page.getByLabel('Category').blur();
    await page.getByText('Use 1–4 lower-case words separated by “/”, e.g. home/kitchen.').waitFor();

    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('SKU code').fill('lower case');
    await page.getByLabel('Price').fill('twelve');
    await page.getByLabel('Stock').fill('-1');
    await page.getByRole('button', { name: 'Create product' }).click();
    // The other messages may come from the blur checks; this one only from the server (brand never blurred).
    await page.getByText('Enter a brand.').waitFor();
    await page.getByText('Enter a title.').waitFor();
    await page.getByText('Enter a price like 24.90 (digits, optional decimals).').waitFor();
    await page.getByText('Enter a whole number of units from 0 to 1,000,000.').waitFor();
    await page.getByText('Use 1–64 upper-case letters').waitFor();
    expect(await page.getByLabel('Category').inputValue()).toBe('Not A Path');
    expect(await page.getByLabel('Price').inputValue()).toBe('twelve');
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Title').getAttribute('aria-describedby')).toContain('title-error');

    // Only the server can know: a SKU code already taken in the shop (by the lamp).
    await fillCreateForm(page, { title: `Second lamp ${suffix()}`, sku: lamp.sku });
    await page.getByRole('button', { name: 'Create product' }).click();
    // (Polled over every message of the form, so a failure shows what the page said instead.)
    await expect
      .poll(() => page.locator('form [id$="-error"], form [role="alert"]').allInnerTexts(), {
        timeout: STEP_MS,
      })
      .toContain('This SKU code is already used in this shop. Choose another one.');
    expect(await page.getByLabel('SKU code').inputValue()).toBe(lamp.sku);
    expect(page.url()).toContain('/admin/products/new');
    expect(await page.locator('main').innerText()).not.toMatch(/at \S+ \(|Error: /); // no stack trace
    expect((await allProducts()).length).toBe(before);
    await context.close();
  }, 120_000);

  it("refuses a submit whose CSRF token is not the session's, keeping what was typed, creating nothing", async () => {
    const { context, page } = await asAdmin();
    const before = (await allProducts()).length;
    const title = `Forged lamp ${suffix()}`;
    await page.goto('/admin/products/new');
    await fillCreateForm(page, { title, sku: skuCode('FORGED') });
    // What a forging site cannot know: the session's token. The page's POST goes out with another one.
    const csrf = (await context.cookies()).find((c) => c.name === '__Host-shopstream-csrf')?.value ?? '';
    let forged = false;
    await page.route('**/admin/products/new', (route) => {
      const body = route.request().postData() ?? '';
      if (route.request().method() !== 'POST' || !csrf || !body.includes(csrf)) return route.continue();
      forged = true;
      return route.continue({ postData: body.replace(csrf, 'forged-by-another-site') });
    });
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByText('Your session changed since this page was loaded').waitFor();
    expect(forged).toBe(true);
    expect(await page.getByLabel('Title').inputValue()).toBe(title);
    expect((await allProducts()).length).toBe(before);
    await context.close();
  }, 120_000);

  it('a double-submitted create (same idempotency key) creates one product', async () => {
    const { context, page } = await asAdmin();
    const title = `Twice-sent lamp ${suffix()}`;
    // The browser's one POST of the form goes to the server twice (a retry after a lost answer, a double
    // click that got through): same body, same idempotency key.
    const twice = await sendEachPostTwice(page, (url) => url.pathname === '/admin/products/new');
    await page.goto('/admin/products/new');
    await fillCreateForm(page, { title, sku: skuCode('TWICE'), status: 'draft' });
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/admin?created=*');
    expect(twice.sent).toBe(2);
    const matching = (await allProducts()).filter((p) => p.title === title);
    expect(matching).toHaveLength(1);
    // Drafts are for admins only: the list shows it, shoppers do not get it.
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    await expect(shopperView(matching[0]?.productId ?? '')).rejects.toMatchObject({ code: 5 });
    await context.close();
  }, 120_000);

  it('archives a product from its edit page: shoppers see it archived, it can no longer be edited', async () => {
    const { context, page } = await asAdmin();
    const title = `Lamp to archive ${suffix()}`;
    await page.goto('/admin/products/new');
    await fillCreateForm(page, { title, sku: skuCode('ARCH') });
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/admin?created=*');
    const id = new URL(page.url()).searchParams.get('created') ?? '';
    await page.goto(`/admin/products/${id}/edit`);
    await page.getByRole('button', { name: 'Archive product' }).click();
    await page.waitForURL('**/admin?archived=*');
    await page.getByText('The product was archived.').waitFor();
    expect((await shopperView(id))?.status).toBe(ARCHIVED);
    await page.goto(`/admin/products/${id}/edit`);
    await page.getByText('This product is archived').waitFor();
    await expect(page.getByRole('button', { name: 'Save changes' }).count()).resolves.toBe(0);
    await context.close();
  }, 120_000);

  it("refuses another region's admin with a clear message, keeping what was typed", async () => {
    const { context, page } = await signedInAs(`us-admin-${suffix()}@example.com`, ['catalog.admin:us']);
    await page.goto(`/admin/products/${lamp.id}/edit`);
    await page.getByLabel('Title').fill('Not mine to change');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText('You cannot change products of the region “eu”. Your account administers: us.')
      .waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Not mine to change');
    expect((await shopperView(lamp.id))?.title).toBe(lamp.title);
    // Stock too: SetStock is the owner region's.
    await page.goto(`/admin/products/${lamp.id}/stock`);
    await page.getByLabel(`Stock of ${lamp.sku} in eu`).fill('999');
    await page.getByRole('button', { name: 'Save stock' }).click();
    await page
      .getByText('You cannot change products of the region “eu”. Your account administers: us.')
      .waitFor();
    expect(await page.getByLabel(`Stock of ${lamp.sku} in eu`).inputValue()).toBe('999');
    expect((await shopperView(lamp.id))?.skus[0]?.stock.find((s) => s.region === 'eu')?.available).not.toBe(
      '999',
    );
    await context.close();
  }, 120_000);

  it('protects every back-office page server-side: signed out → sign in, shopper → not allowed', async () => {
    const context = await newContext();
    const page = await context.newPage();
    for (const path of [
      '/admin',
      '/admin/products/new',
      `/admin/products/${lamp.id}/edit`,
      `/admin/products/${lamp.id}/stock`,
    ]) {
      await page.goto(path);
      await page.waitForURL('**/sign-in');
    }
    const shopper = await signedInAs(`shopper-${suffix()}@example.com`, []);
    for (const path of [
      '/admin',
      '/admin/products/new',
      `/admin/products/${lamp.id}/edit`,
      `/admin/products/${lamp.id}/history`,
      `/admin/products/${lamp.id}/stock`,
    ]) {
      // A real 403: no loading boundary streams before the layout's guard decides (adr/0024).
      problems.expectFailedLoad(`${origin}${path}`, 403);
      const response = await shopper.page.goto(path);
      expect(response?.status(), path).toBe(403);
      await shopper.page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      expect(await shopper.page.content()).not.toContain(lamp.title);
      await expect(shopper.page.getByRole('navigation', { name: 'Back office' }).count()).resolves.toBe(0);
      await expect(shopper.page.getByRole('textbox').count()).resolves.toBe(0);
    }
    await shopper.context.close();
    await context.close();
  }, 120_000);

  it('is operable with the keyboard alone: the create form with Tab and Enter', async () => {
    const { context, page } = await asAdmin();
    const title = `Keyboard lamp ${suffix()}`;
    await page.goto('/admin/products/new');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 30 && (await focused()) !== 'title'; i += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe('title');
    await page.keyboard.type(title);
    const typeInto = async (id: string, text: string) => {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
      if (text) await page.keyboard.type(text);
    };
    await typeInto('brand', 'Keys Inc');
    await typeInto('category', 'home/lighting');
    await typeInto('description', 'Typed without a mouse.');
    await typeInto('status', '');
    await typeInto('ownerRegion', ''); // prefilled with the admin's region
    await typeInto('skuCode', skuCode('KEYS'));
    await typeInto('price', '9.50');
    await typeInto('currency', ''); // prefilled EUR
    await typeInto('stock', '3'); // replaces the selected 0
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin?created=*');
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    await context.close();
  }, 120_000);

  it('pages through the list with page tokens, and filters it by status', async () => {
    const token = await apiToken();
    const prefix = `Paged lamp ${suffix()}`;
    for (let i = 0; i < 21; i += 1)
      await catalog.createProduct(
        {
          idempotencyKey: idempotencyKey(),
          ownerRegion: 'eu',
          product: productInput({ title: `${prefix} ${i}`, status: i % 2 === 0 ? ACTIVE : DRAFT }),
        },
        { token },
      );
    const total = (await allProducts()).length;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(40);
    const { context, page } = await asAdmin();
    // After the table is shown: React may reveal streamed content a moment after the load event.
    const cells = async (column: number) => {
      const table = page.getByRole('table', { name: 'Products' });
      await table.waitFor();
      return table.locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
    };
    await page.goto('/admin');
    const first = await cells(1);
    expect(first).toHaveLength(20);
    expect(first[0]).toBe(`${prefix} 20`); // newest first
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL('**/admin?page=*');
    await expect.poll(async () => (await cells(1))[0]).not.toBe(first[0]);
    const second = await cells(1);
    expect(second).toHaveLength(total - 20);
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    await expect(page.getByRole('link', { name: 'Next page' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'First page' }).click();
    await page.waitForURL(/\/admin$/);

    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL('**/admin?status=draft');
    const statuses = await cells(2);
    expect(statuses.length).toBeGreaterThanOrEqual(10);
    expect(new Set(statuses)).toEqual(new Set(['Draft']));
    await context.close();
  }, 180_000);

  it('has no critical or serious axe violations on list, create, edit, stock and history, in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await asAdmin(scheme);
      for (const path of [
        '/admin',
        '/admin/products/new',
        `/admin/products/${lamp.id}/edit`,
        `/admin/products/${tee.id}/edit`,
        `/admin/products/${tee.id}/stock`,
        `/admin/products/${lamp.id}/history`,
      ]) {
        await page.goto(path);
        await expectAccessible(page, `${path} (${scheme})`);
      }
      // With field messages showing, too.
      await page.goto('/admin/products/new');
      await page.getByRole('button', { name: 'Create product' }).click();
      await page.getByText('Enter a title.').waitFor();
      await expectAccessible(page, `/admin/products/new with errors (${scheme})`);
      await page.goto(`/admin/products/${tee.id}/stock`);
      await page.getByLabel(`Stock of ${tee.small} in eu`).fill('-5');
      await page.getByRole('button', { name: 'Save stock' }).click();
      await page.getByText('Enter a whole number of units from 0 to 1,000,000.').waitFor();
      await expectAccessible(page, `/admin/products/${tee.id}/stock with errors (${scheme})`);
      await context.close();
    }
  }, 180_000);

  it('says the catalog is unavailable when it is down, on the pages and next to the form', async () => {
    const { context, page } = await asAdmin();
    await page.goto(`/admin/products/${lamp.id}/edit`);
    await stackControl.stop(['catalog']);
    try {
      await page.getByLabel('Title').fill('Typed while the catalog is down');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('The catalog is unavailable right now').waitFor();
      expect(await page.getByLabel('Title').inputValue()).toBe('Typed while the catalog is down');
      for (const path of ['/admin', `/admin/products/${lamp.id}/history`]) {
        const res = await page.goto(path);
        expect(res?.status()).toBe(200);
        await page.getByText('The catalog is unavailable right now').waitFor();
      }
    } finally {
      await stackControl.start(['catalog']);
    }
    // Back: the pages work again (the sidecar reconnects to the restarted app).
    await expect
      .poll(
        async () => {
          await page.goto(`/admin/products/${lamp.id}/edit`);
          return page.getByRole('textbox', { name: 'Title' }).count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    expect(await page.getByLabel('Title').inputValue()).toBe(lamp.title);
    await context.close();
  }, 180_000);
});
