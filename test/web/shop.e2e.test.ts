import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Pool } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRef, ProductInput } from '@shopstream/proto/catalog/v1/product.js';
import { productImage } from '@shopstream/catalog/seed';
import { stackControl } from '../../tools/stack/control.js';
import { devCredentials, mediaBucket } from '../../tools/stack/layout.js';
import {
  catalogApi,
  productInput,
  skuCode,
  skuInput,
  withRetries,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { eventually, portsOf, ports } from '@shopstream/testing/stack';
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
 * The shopper's catalog pages in Chromium against the running stack (web → its sidecar → catalog, images
 * from versitygw through /media): home, listing with filters and pagination, product page, hostile input,
 * not-found, accessibility in both themes, keyboard use, the image route, and — last — the listing while
 * the catalog is stopped. Products are created in a fresh tenant through the catalog's own API.
 */

const STEP_MS = 15_000;
const BUCKET = mediaBucket;
const HOSTILE_TITLE = '<script>window.__pwned = 1</script> Lamp';

const eur = (amountMinor: number) => ({ currencyCode: 'EUR', amountMinor: String(amountMinor) });
const usd = (amountMinor: number) => ({ currencyCode: 'USD', amountMinor: String(amountMinor) });

describe('shop pages in Chromium against the real stack', () => {
  let pool: Pool;
  let api: CatalogApi;
  let token = '';
  let tenantId = '';
  let origin = '';
  let chromium: TestBrowser;
  const problems = new BrowserProblems();
  const ids = { lamp: '', hostile: '', featured: '' };
  let imageKey = '';
  const tag = randomBytes(3).toString('hex');
  const category = (name: string) => `e2e-${tag}/${name}`;

  const newContext = (colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> =>
    openContext(chromium, problems, { origin, colorScheme, stepMs: STEP_MS });

  const create = async (input: Partial<ProductInput>, ownerRegion = 'eu') => {
    const created = await withRetries(() =>
      api.createProduct(
        { idempotencyKey: `e2e-${randomUUID()}`, ownerRegion, product: productInput(input) },
        { token },
      ),
    );
    return created.product?.productId ?? '';
  };

  const titlesOnPage = (page: Page) => page.locator('main ul li h3').allTextContents();
  /** The product titles the page lists, sorted, once they are `expected` (the results stream in). */
  const expectTitles = async (page: Page, expected: string[]) =>
    expect
      .poll(async () => (await titlesOnPage(page)).sort(), { timeout: STEP_MS })
      .toEqual([...expected].sort());

  /** A raw HTTP GET with the tenant's Host (Node's fetch neither resolves *.localhost nor keeps `..`). */
  const rawGet = (path: string, extraHeaders: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: portsOf('web').app,
            path,
            headers: { host: `${tenantId}.localhost:${portsOf('web').app}`, ...extraHeaders },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );

  checkProblemsAfterEachTest(problems);

  beforeAll(async () => {
    await untilStackHealthy(); // whatever an earlier file stopped is running again
    pool = identityDatabasePool('shop-e2e-test');
    tenantId = await createTestTenant(pool, 'shop');
    origin = `http://${tenantId}.localhost:${portsOf('web').app}`;
    api = catalogApi();
    token = (await signedInUser(pool, tenantId, { admin: true })).accessToken;

    // One PNG in the catalog's bucket, as the seed stores them: <tenant>/products/<name>.png.
    imageKey = `${tenantId}/products/e2e-${tag}/1.png`;
    const s3 = new S3Client({
      endpoint: `http://127.0.0.1:${ports.s3}`,
      forcePathStyle: true,
      region: devCredentials.awsRegion,
      credentials: { accessKeyId: devCredentials.s3AccessKey, secretAccessKey: devCredentials.s3SecretKey },
    });
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: imageKey,
        Body: productImage(200, 1),
        ContentType: 'image/png',
      }),
    );
    s3.destroy();
    const media: MediaRef[] = [
      {
        bucket: BUCKET,
        key: imageKey,
        contentType: 'image/png',
        altText: 'A blue test lamp',
        width: 320,
        height: 320,
      },
    ];

    // Lamps at 10, 25 and 40 EUR; the 25 EUR one has two variants (one sold out in eu).
    ids.lamp = await create({
      title: `Arc lamp ${tag}`,
      category: category('lamps'),
      media,
      skus: [
        skuInput({
          code: skuCode('LAMP'),
          options: { color: 'red' },
          prices: [
            { region: 'eu', price: eur(2500) },
            { region: 'us', price: usd(2900) },
          ],
          initialStock: [
            { region: 'eu', quantity: '10' },
            { region: 'us', quantity: '3' },
          ],
        }),
        skuInput({
          code: skuCode('LAMP'),
          options: { color: 'blue' },
          prices: [
            { region: 'eu', price: eur(2700) },
            { region: 'us', price: usd(3100) },
          ],
          initialStock: [
            { region: 'eu', quantity: '0' },
            { region: 'us', quantity: '7' },
          ],
        }),
      ],
    });
    for (const [title, price] of [
      [`Desk lamp ${tag}`, 1000],
      [`Floor lamp ${tag}`, 4000],
    ] as const)
      await create({
        title,
        category: category('lamps'),
        skus: [skuInput({ prices: [{ region: 'eu', price: eur(price) }], initialStock: [] })],
      });
    // Mugs: two sold in eu and us, one in us only.
    await create({ title: `Mug one ${tag}`, category: category('mugs') });
    await create({ title: `Mug two ${tag}`, category: category('mugs') });
    await create(
      {
        title: `US mug ${tag}`,
        category: category('mugs'),
        skus: [skuInput({ prices: [{ region: 'us', price: usd(1500) }], initialStock: [] })],
      },
      'us',
    );
    ids.hostile = await create({ title: HOSTILE_TITLE, category: category('hostile') });
    // 14 products for two pages of 12.
    for (let i = 0; i < 14; i++)
      await create({ title: `Bulk item ${String(i).padStart(2, '0')} ${tag}`, category: category('bulk') });
    // The newest product (first on the home page), with the image.
    ids.featured = await create({ title: `Featured lamp ${tag}`, category: category('featured'), media });
    chromium = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    api?.close();
    await pool?.end();
  });

  it('home shows the newest products with their images', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const featured = page.getByRole('region', { name: 'Featured products' });
    await expect.poll(() => featured.locator('li h3').first().textContent()).toBe(`Featured lamp ${tag}`);
    const image = featured.getByRole('img', { name: 'A blue test lamp' }).first();
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // Through the optimizer, from this app's /media route; `sizes` set, the first card preloaded (eager).
    expect(await image.getAttribute('src')).toContain(encodeURIComponent(`/media/${imageKey}`));
    expect(await image.getAttribute('sizes')).toBeTruthy();
    expect(await image.getAttribute('loading')).not.toBe('lazy');
    await context.close();
  });

  it('lists products filtered by category, price range and region, with field messages for bad input', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/products');
    await page.getByLabel('Category').fill(category('lamps'));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/category=/);
    await expectTitles(page, [`Arc lamp ${tag}`, `Desk lamp ${tag}`, `Floor lamp ${tag}`]);
    // The lowest eu price of the lamp with two variants.
    await expect.poll(() => page.getByText('From €25.00').count()).toBe(1);

    await page.getByLabel('From').fill('20');
    await page.getByLabel('To').fill('30');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/max=30/);
    await expectTitles(page, [`Arc lamp ${tag}`]);
    expect(await page.getByLabel('From').inputValue()).toBe('20');

    await page.goto(`/products?category=${encodeURIComponent(category('mugs'))}&region=eu`);
    await expectTitles(page, [`Mug one ${tag}`, `Mug two ${tag}`]);
    await page.getByLabel('Region').selectOption('us');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/region=us/);
    await expectTitles(page, [`Mug one ${tag}`, `Mug two ${tag}`, `US mug ${tag}`]);
    expect(await page.getByText('From $15.00').count()).toBe(1);

    // Bad input: a message next to the field, what was typed kept, no results, no crash.
    await page.getByLabel('From').fill('cheap');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/min=cheap/);
    await page.getByText('Enter an amount in USD, such as 25 or 19.99.').waitFor();
    expect(await page.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('From').inputValue()).toBe('cheap');
    expect(await page.locator('main ul li').count()).toBe(0);
    await page.goto('/products?region=mars');
    await page.getByText('Choose one of the listed regions.').waitFor();
    await context.close();
  });

  it('paginates with next and previous page links', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`/products?category=${encodeURIComponent(category('bulk'))}`);
    await expect.poll(async () => (await titlesOnPage(page)).length).toBe(12);
    const first = await titlesOnPage(page);
    expect(await page.getByRole('link', { name: 'Previous page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/page=/);
    await expect.poll(async () => (await titlesOnPage(page)).length).toBe(2);
    const second = await titlesOnPage(page);
    expect(new Set([...first, ...second]).size).toBe(14);
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await expectTitles(page, first);
    // A hand-edited cursor: the first page and a note, not an error page.
    await page.goto(`/products?category=${encodeURIComponent(category('bulk'))}&page=%3Cnot-a-token%3E`);
    await page.getByText('That page link was not valid').waitFor();
    await expectTitles(page, first);
    await context.close();
  });

  it('shows a product with its variants, the price of the chosen region and the stock', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const response = await page.goto(`/products/${ids.lamp}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: `Arc lamp ${tag}` }).waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const red = rows.filter({ hasText: 'color: red' });
    const blue = rows.filter({ hasText: 'color: blue' });
    expect(await red.textContent()).toContain('€25.00');
    expect(await red.textContent()).toContain('In stock (10)');
    expect(await blue.textContent()).toContain('€27.00');
    expect(await blue.textContent()).toContain('Out of stock');
    await page.getByRole('link', { name: 'United States (USD)' }).click();
    await page.waitForURL(/region=us/);
    expect(await red.textContent()).toContain('$29.00');
    expect(await red.textContent()).toContain('Only 3 left');
    expect(await blue.textContent()).toContain('In stock (7)');
    const image = page.getByRole('img', { name: 'A blue test lamp' });
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await context.close();
  });

  it('renders a hostile title as text, on the listing and on the product page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`/products?category=${encodeURIComponent(category('hostile'))}`);
    await expectTitles(page, [HOSTILE_TITLE]);
    await page.goto(`/products/${ids.hostile}`);
    await page.getByRole('heading', { level: 1, name: HOSTILE_TITLE }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('answers an unknown product with a 404 page that helps, and a huge or hostile query with a clear page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    for (const path of [`/products/${randomUUID()}`, '/products/not-a-product-id']) {
      problems.expectFailedLoad(`${origin}${path}`, 404);
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Product not found' }).waitFor();
      await page.getByRole('link', { name: 'Browse all products' }).waitFor();
    }
    // ~12 KB of query string (Node's header limit is 16 KB): a field message, the page intact.
    const huge = `/products?category=${'a'.repeat(6_000)}&junk=${'x'.repeat(6_000)}`;
    const response = await page.goto(huge);
    expect(response?.status()).toBe(200);
    await page.getByText('A category has at most 100 characters.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).waitFor();
    await page.goto(
      `/products?category=${encodeURIComponent('<script>window.__pwned=1</script>')}&min=%3Cb%3E`,
    );
    await page.getByText('Use a category path such as home/kitchen').waitFor();
    expect(await page.getByLabel('Category').inputValue()).toBe('<script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('serves product images from S3 with the right type and caching, and refuses traversal', async () => {
    const image = await rawGet(`/media/${imageKey}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toContain('public');
    expect(image.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Revalidation: the same ETag answers 304 without a body.
    const etag = image.headers.etag;
    expect(typeof etag).toBe('string');
    const revalidated = await rawGet(`/media/${imageKey}`, { 'if-none-match': String(etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toHaveLength(0);

    // `..` in the key: refused by the route (400), or resolved away by URL normalisation before any route
    // sees it (then nothing is there: 404); never an object from outside the key space.
    for (const path of [
      `/media/${tenantId}/products/..%2F..%2Fsecret.png`,
      `/media/${tenantId}/products/..%5C..%5Csecret.png`,
    ]) {
      const refused = await rawGet(path);
      expect(refused.status, path).toBe(400);
      expect(refused.headers['content-type'], path).toContain('application/problem+json');
    }
    for (const path of [
      `/media/%2e%2e/%2e%2e/etc/passwd.png`,
      `/media/${tenantId}/../../etc/passwd.png`,
      `/media/%2e%2e/${tenantId}/products/e2e-${tag}/1.png`,
    ]) {
      const refused = await rawGet(path);
      expect([400, 404], path).toContain(refused.status);
      expect(refused.headers['content-type'] ?? '', path).not.toContain('image/');
    }
    // A non-image key and a missing object: not found.
    for (const path of [`/media/${tenantId}/products/x.html`, `/media/${tenantId}/none.png`]) {
      const missing = await rawGet(path);
      expect(missing.status, path).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
    }
  });

  it("serves a tenant's images to its own host only, directly and through the image optimizer", async () => {
    const optimized = `/_next/image?url=${encodeURIComponent(`/media/${imageKey}`)}&w=256&q=75`;
    const own = await rawGet(optimized);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toMatch(/^image\//);
    // Another tenant's host asks for the same key, after the optimizer has cached it (its cache ignores
    // the host): not found, both ways (adr/0025).
    const otherTenant = await createTestTenant(pool, 'shop-other');
    const foreignHost = `${otherTenant}.localhost:${portsOf('web').app}`;
    // Also with a source that names the foreign tenant first and climbs out of it.
    const climbing = `/_next/image?url=${encodeURIComponent(`/media/${otherTenant}/../${imageKey}`)}&w=256&q=75`;
    for (const path of [`/media/${imageKey}`, optimized, climbing]) {
      const refused = await rawGet(path, { host: foreignHost });
      expect(refused.status, path).toBe(404);
      expect(refused.headers['content-type'], path).toContain('application/problem+json');
    }
    // Without a Host there is no tenant: refused at the door (HTTP/1.0 allows leaving it out).
    const hostless = await new Promise<string>((resolve, reject) => {
      const socket = connect(portsOf('web').app, '127.0.0.1', () =>
        socket.write(`GET /media/${imageKey} HTTP/1.0\r\n\r\n`),
      );
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(hostless.split('\r\n')[0]).toContain(' 400 ');
    expect(hostless).not.toContain('image/png');
  });

  it('has no critical or serious axe violations on home, listing and product, in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await newContext(scheme);
      const page = await context.newPage();
      for (const path of [
        '/',
        `/products?category=${encodeURIComponent(category('lamps'))}`,
        '/products?min=abc',
        `/products/${ids.lamp}`,
      ]) {
        await page.goto(path);
        await expectAccessible(page, `${path} (${scheme})`);
      }
      await context.close();
    }
  }, 120_000);

  it('filters the listing with the keyboard alone (Tab and Enter)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/products');
    // Skip link, then into the form: the category field is the first control of the page's content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('category');
    await page.keyboard.type(category('lamps'));
    await page.keyboard.press('Tab'); // region
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('region');
    await page.keyboard.press('Tab'); // from
    await page.keyboard.press('Tab'); // to
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('max');
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply filters');
    await page.keyboard.press('Enter');
    await page.waitForURL(/max=15/);
    await expectTitles(page, [`Desk lamp ${tag}`]);
    // The new page starts focus at the top again: Tab through header and form to the product link.
    let focused: string | null | undefined;
    for (let i = 0; i < 25 && focused !== `Desk lamp ${tag}`; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent);
    }
    expect(focused).toBe(`Desk lamp ${tag}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Desk lamp ${tag}` }).waitFor();
    await context.close();
  });

  // Last: it stops the catalog app (its sidecar stays), and always starts it again.
  it('says the catalog is unavailable while it is stopped, keeps the navigation, and recovers', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const listing = `/products?category=${encodeURIComponent(category('lamps'))}`;
    try {
      await stackControl.stop(['catalog']);
      const response = await page.goto(listing);
      expect(response?.status()).toBe(200);
      await page.getByText('The catalog is unavailable right now.', { exact: true }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(/at .*\.(ts|js):\d+/);
      await page.goto('/');
      await page.getByText('The catalog is unavailable right now.', { exact: true }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Shop the stream' }).waitFor();
    } finally {
      await stackControl.start(['catalog']);
    }
    await eventually(
      async () => {
        await page.goto(listing);
        return titlesOnPage(page);
      },
      (titles) => titles.length === 3,
      90_000,
      'the listing to show the lamps again',
    );
    await context.close();
  }, 180_000);
});
