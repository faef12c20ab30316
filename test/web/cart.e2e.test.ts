import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDatabasePool } from '@shopstream/testing/identity';
import { cartApi, type CartApi } from '@shopstream/testing/orders';
import { portsOf } from '@shopstream/testing/stack';
import { stackControl } from '../../tools/stack/control.js';
import { cartShop, changeEuPrice, skuOf, type CartShop } from '../orders/cart-fixtures.js';
import { expectAccessible } from './accessibility.js';
import { addToCart as addSkuToCart } from './cart-steps.js';
import { PASSWORD, signIn, signUp } from './account-steps.js';
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
 * The cart in Chromium against the running stack (web → its sidecar → orders' CartService → CartActor,
 * priced by the catalog): add to cart on the product page, the header's count, the cart page (quantities,
 * removal, totals, price-changed notice, empty state), the anonymous cart cookie and its merge at sign-in,
 * a replayed add, keyboard-only use, axe in both themes, mobile width, and — last — orders stopped.
 * The shop: one product with two SKUs (EUR 25.00 with 10 in stock, EUR 10.00 with 3), made through the
 * catalog (test/orders/cart-fixtures.ts).
 */

const STEP_MS = 15_000;
const CART_COOKIE = '__Host-shopstream-cart';

describe('the cart in Chromium against the real stack', () => {
  let pool: Pool;
  let shop: CartShop;
  let carts: CartApi;
  let origin = '';
  let chromium: TestBrowser;
  const problems = new BrowserProblems();
  const tag = randomBytes(3).toString('hex');
  let emails = 0;
  const email = () => `cart-${tag}-${(emails += 1)}@example.com`;

  const newContext = (colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> =>
    openContext(chromium, problems, { origin, colorScheme, stepMs: STEP_MS });
  const productPath = () => `/products/${shop.product.productId}?region=eu`;
  const title = () => shop.product.title;

  /** Adds `quantity` of the product's SKU `index` on its product page and waits for the confirmation. */
  const addToCart = (page: Page, index: number, quantity: number) =>
    addSkuToCart(
      page,
      { productId: shop.product.productId, skuId: skuOf(shop, index), title: title() },
      quantity,
    );
  /** The header's cart link, e.g. "Cart (3 items)". */
  const cartLink = (page: Page) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ });
  const expectCount = (page: Page, count: number) =>
    expect
      .poll(() => cartLink(page).textContent(), { timeout: STEP_MS })
      .toBe(count === 0 ? 'Cart' : `Cart (${count} ${count === 1 ? 'item' : 'items'})`);
  /** The browser's cart cookie for the shop's host (a replayed request's answer may leave one elsewhere). */
  const cartCookie = async (context: BrowserContext) =>
    (await context.cookies(origin)).find((c) => c.name === CART_COOKIE);
  const lines = (page: Page) => page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem');

  checkProblemsAfterEachTest(problems);

  beforeAll(async () => {
    await untilStackHealthy();
    pool = identityDatabasePool('cart-e2e-test');
    shop = await cartShop(pool, 'webcart');
    origin = `http://${shop.tenantId}.localhost:${portsOf('web').app}`;
    carts = cartApi();
    chromium = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    carts?.close();
    await pool?.end();
  });

  it('an anonymous shopper adds two SKUs: the header counts them, the cart page shows lines and totals', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(productPath());
    await expectCount(page, 0);
    await addToCart(page, 0, 2);
    await expectCount(page, 2);
    const cookie = await cartCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    await addToCart(page, 1, 1);
    await expectCount(page, 3);
    // The cookie names the same cart after the second add.
    expect((await cartCookie(context))?.value).toBe(cookie?.value);

    await cartLink(page).click();
    await page.waitForURL('**/cart');
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    await expect.poll(() => lines(page).count()).toBe(2);
    expect(await page.getByTestId('total-EUR').textContent()).toBe('€60.00'); // 2 × 25 + 10
    expect(await lines(page).first().getByTestId('line-total').textContent()).toBe('€50.00');

    // Quantity 3 of the second line: the total and the header follow.
    await page.getByLabel(`Quantity of ${title()}`).nth(1).fill('3');
    await page
      .getByRole('button', { name: `Update quantity of ${title()}` })
      .nth(1)
      .click();
    await expect.poll(() => page.getByTestId('total-EUR').textContent(), { timeout: STEP_MS }).toBe('€80.00');
    await expectCount(page, 5);

    // Out of range: a message at the field, nothing changed.
    for (const bad of ['0', '100']) {
      await page.getByLabel(`Quantity of ${title()}`).first().fill(bad);
      await page
        .getByRole('button', { name: `Update quantity of ${title()}` })
        .first()
        .click();
      await page.getByText('Enter a whole number of units from 1 to 99.').waitFor();
    }
    // More than the stock (3 of the second SKU): orders' answer at the field.
    await page.getByLabel(`Quantity of ${title()}`).nth(1).fill('4');
    await page
      .getByRole('button', { name: `Update quantity of ${title()}` })
      .nth(1)
      .click();
    await page.getByText(/^Not enough stock/).waitFor();
    const stored = await carts.getCart({ cartToken: cookie?.value ?? '' }, { tenant: shop.tenantId });
    expect(stored.cart?.lines.map((l) => l.quantity)).toEqual([2, 3]);

    // Removing both lines leaves the empty state.
    await page
      .getByRole('button', { name: `Remove ${title()}` })
      .first()
      .click();
    await expect.poll(() => lines(page).count(), { timeout: STEP_MS }).toBe(1);
    await page.getByRole('button', { name: `Remove ${title()}` }).click();
    await page.getByText('Your cart is empty.').waitFor();
    await expectCount(page, 0);
    await context.close();
  }, 120_000);

  it('shows a price changed since an item was added', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await addToCart(page, 0, 1);
    await changeEuPrice(shop, '2700');
    try {
      await expect
        .poll(
          async () => {
            await page.goto('/cart');
            return page
              .getByText('The price changed from €25.00 to €27.00 since you added this item.')
              .count();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(1);
      expect(await page.getByTestId('total-EUR').textContent()).toBe('€27.00');
    } finally {
      await changeEuPrice(shop, '2500');
    }
    await context.close();
  }, 120_000);

  it('merges the anonymous cart into the user cart at sign-in, and the cookie goes', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const user = email();
    await signUp(page, user);
    // Signed up, not yet signed in: still anonymous. Two units of the second SKU.
    await addToCart(page, 1, 2);
    expect(await cartCookie(context)).toBeDefined();
    await signIn(page, user, PASSWORD);
    expect(await cartCookie(context)).toBeUndefined();
    await expectCount(page, 2);
    await page.goto('/cart');
    await expect.poll(() => lines(page).count()).toBe(1);
    expect(await page.getByTestId('total-EUR').textContent()).toBe('€20.00');

    // Signed in, the cart is the user's: another device of the same user sees it.
    const other = await newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, user, PASSWORD);
    await expectCount(otherPage, 2);
    // The user adds more on that device; the first device's cart page shows it (one cart per user).
    await addToCart(otherPage, 0, 1);
    await page.goto('/cart');
    await expect.poll(() => lines(page).count()).toBe(2);
    expect(await page.getByTestId('total-EUR').textContent()).toBe('€45.00');
    await other.close();
    await context.close();
  }, 150_000);

  it('a double-submitted add (same idempotency key) adds once', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await addToCart(page, 1, 1); // the browser has its cart cookie
    // The browser's one POST of the form goes to the server twice (a retry after a lost answer). The
    // replays are sent from Node: their answers' cookies do not reach the browser's jar, so the cart must
    // exist before.
    const isProductPage = (url: URL) => url.pathname === `/products/${shop.product.productId}`;
    const twice = await sendEachPostTwice(page, isProductPage);
    await page.getByLabel('Variant', { exact: true }).selectOption(skuOf(shop, 0));
    await page.getByLabel('Quantity', { exact: true }).fill('2');
    // A double click too: the second click while the first is pending is dropped.
    await page.getByRole('button', { name: 'Add to cart' }).dblclick();
    await page.getByText(`Added 2 × ${title()} to your cart.`).waitFor();
    expect(twice.sent).toBeGreaterThanOrEqual(2);
    await page.unroute(isProductPage);
    const token = (await cartCookie(context))?.value ?? '';
    const stored = await carts.getCart({ cartToken: token }, { tenant: shop.tenantId });
    expect(stored.cart?.lines.map((l) => l.quantity)).toEqual([1, 2]);
    // The form now stands for a new change: a second add on the same page adds again.
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expectCount(page, 5);
    await context.close();
  }, 120_000);

  it('a forged cart cookie counts as no cart: the cart is empty and the next add starts a new one', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // Every request of the page carries a cart cookie orders never signed (as a tampered cookie would).
    const forged = `${CART_COOKIE}=c1.${shop.tenantId}.AAAAAAAAAAAAAAAAAAAAAA.forgedforgedforgedforgedforgedforged`;
    const everything = () => true;
    await page.route(everything, async (route) =>
      route.continue({ headers: { ...(await route.request().allHeaders()), cookie: forged } }),
    );
    await page.goto('/cart');
    await page.getByText('Your cart is empty.').waitFor();
    await addToCart(page, 0, 1);
    await page.unroute(everything);
    // The add made a new cart and its cookie replaced nothing the browser had: it is orders' token now.
    const cookie = await cartCookie(context);
    expect(cookie?.value).toMatch(/^c1\./);
    expect(cookie?.value).not.toContain('forged');
    await page.goto('/cart');
    await expectCount(page, 1);
    await context.close();
  }, 120_000);

  it('is operable with the keyboard alone: add to cart, then change the quantity', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(productPath());
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 40 && (await focusedId()) !== 'cart-quantity'; i += 1)
      await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('cart-quantity');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByText(`Added 3 × ${title()} to your cart.`).waitFor();
    await page.goto('/cart');
    for (let i = 0; i < 40 && !(await focusedId()).startsWith('qty-'); i += 1)
      await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expectCount(page, 4);
    // Tab on to the remove button and press it.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 40 && !(await focusedText()).startsWith('Remove'); i += 1)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Your cart is empty.').waitFor();
    await context.close();
  }, 120_000);

  it('has no serious axe violations and no horizontal overflow at mobile width, in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await newContext(scheme);
      const page = await context.newPage();
      await page.goto('/cart');
      await page.getByText('Your cart is empty.').waitFor();
      await expectAccessible(page, `empty cart (${scheme})`);
      await addToCart(page, 0, 1);
      await expectAccessible(page, `product page with the add form (${scheme})`);
      await addToCart(page, 1, 1);
      await page.goto('/cart');
      await page.getByLabel(`Quantity of ${title()}`).first().fill('0');
      await page
        .getByRole('button', { name: `Update quantity of ${title()}` })
        .first()
        .click();
      await page.getByText('Enter a whole number of units from 1 to 99.').waitFor();
      await expectAccessible(page, `cart with a field message (${scheme})`);
      await page.setViewportSize({ width: 360, height: 740 });
      for (const path of ['/cart', productPath()]) {
        await page.goto(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at 360 px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  }, 180_000);

  it('orders stopped: the cart page says so, the header and the product page still work; then it recovers', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await addToCart(page, 0, 1);
    await stackControl.stop(['orders']);
    try {
      await page.goto('/cart');
      await page.getByText('The cart is unavailable right now.').waitFor();
      await expectCount(page, 0); // no count rather than a held page
      await page.goto(productPath());
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('The cart is unavailable right now.').waitFor();
    } finally {
      await stackControl.start(['orders']);
    }
    await untilStackHealthy();
    // Until orders' sidecar is found again the page may still say "unavailable": each try loads it anew.
    await expect
      .poll(
        async () => {
          await page.goto('/cart');
          return lines(page).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
    await context.close();
  }, 180_000);
});
