const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Product ids are UUIDs: anything else is answered as an unknown product without asking the catalog. */
export function isProductId(id: string): boolean {
  return UUID.test(id);
}
