/** A SKU as the back office's price and stock grids show it (plain data, passed to client components). */
export interface SkuRow {
  readonly skuId: string;
  readonly code: string;
  /** "color: red, size: M", or empty. */
  readonly options: string;
  /** One per shop region, in SHOP_REGIONS order. */
  readonly cells: readonly {
    readonly region: string;
    /** The currency of the product's prices in this region. */
    readonly currency: string;
    /** Has a price there (so it can be stocked there). */
    readonly sold: boolean;
    /** Units held by open checkouts (not editable). */
    readonly reserved: string;
  }[];
}
