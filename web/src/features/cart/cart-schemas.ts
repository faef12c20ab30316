import { z } from 'zod';
import { isShopRegion } from '../catalog/catalog-regions';
import { isProductId } from '../catalog/product-id';

/**
 * The cart forms' fields as the web checks them before asking orders (which checks them again, with the
 * catalog's prices and stock). Quantity 1–99 as orders' CartLimits; ids are UUIDs; regions the shop's.
 */
export const QUANTITY_MESSAGE = 'Enter a whole number of units from 1 to 99.';

export const quantitySchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, QUANTITY_MESSAGE)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 99, QUANTITY_MESSAGE);

const uuid = z.string().refine(isProductId, 'is not a known id');
const region = z.string().refine(isShopRegion, 'is not a region of this shop');

export const lineSchema = z.object({ skuId: uuid, region });
export const addItemSchema = z.object({ productId: uuid, skuId: uuid, region, quantity: quantitySchema });
export const setQuantitySchema = lineSchema.extend({ quantity: quantitySchema });
