import type { Page } from 'playwright-core';

/** Adds `quantity` of a SKU on its product page (region eu) and waits for the form's confirmation. */
export async function addToCart(
  page: Page,
  item: { productId: string; skuId: string; title: string },
  quantity: number,
): Promise<void> {
  await page.goto(`/products/${item.productId}?region=eu`);
  await page.getByLabel('Variant', { exact: true }).selectOption(item.skuId);
  await page.getByLabel('Quantity', { exact: true }).fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText(`Added ${quantity} × ${item.title} to your cart.`).waitFor();
}
