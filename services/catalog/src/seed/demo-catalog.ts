import { between, pick, seededRandom } from './random.js';

/** Regions of the demo catalog with their currency and a rough exchange rate from EUR. */
export const DEMO_REGIONS = [
  { region: 'eu', currency: 'EUR', rate: 1 },
  { region: 'us', currency: 'USD', rate: 1.1 },
  { region: 'uk', currency: 'GBP', rate: 0.86 },
] as const;

interface CategorySpec {
  readonly path: string;
  readonly hue: number;
  readonly nouns: readonly string[];
  /** Variant axes; each SKU takes one value of each. */
  readonly options: Readonly<Record<string, readonly string[]>>;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** Base price range in EUR cents. */
  readonly price: readonly [number, number];
}

const CATEGORIES: readonly CategorySpec[] = [
  {
    path: 'apparel/shirts',
    hue: 210,
    nouns: ['Shirt', 'Tee', 'Polo', 'Blouse', 'Henley'],
    options: { size: ['XS', 'S', 'M', 'L', 'XL'], colour: ['white', 'navy', 'sage', 'sand'] },
    attributes: {
      material: ['linen', 'organic cotton', 'merino', 'hemp'],
      fit: ['relaxed', 'regular', 'slim'],
    },
    price: [1900, 8900],
  },
  {
    path: 'apparel/shoes',
    hue: 20,
    nouns: ['Sneaker', 'Boot', 'Loafer', 'Sandal', 'Runner'],
    options: { size: ['38', '39', '40', '41', '42', '43', '44'], colour: ['black', 'tan', 'white'] },
    attributes: { upper: ['leather', 'suede', 'canvas', 'knit'], sole: ['rubber', 'cork', 'EVA'] },
    price: [4900, 18900],
  },
  {
    path: 'home/kitchen',
    hue: 150,
    nouns: ['Mug', 'Kettle', 'Pan', 'Knife', 'Bowl', 'Teapot'],
    options: { colour: ['stone', 'ink', 'clay', 'moss'], size: ['small', 'large'] },
    attributes: {
      material: ['stoneware', 'cast iron', 'steel', 'porcelain'],
      care: ['dishwasher safe', 'hand wash'],
    },
    price: [900, 12900],
  },
  {
    path: 'home/lighting',
    hue: 48,
    nouns: ['Lamp', 'Pendant', 'Lantern', 'Sconce'],
    options: { finish: ['brass', 'black', 'white'] },
    attributes: { bulb: ['E27', 'GU10', 'integrated LED'], power: ['4 W', '6 W', '9 W'] },
    price: [2900, 24900],
  },
  {
    path: 'electronics/audio',
    hue: 270,
    nouns: ['Headphones', 'Speaker', 'Earbuds', 'Turntable'],
    options: { colour: ['graphite', 'silver', 'forest'] },
    attributes: { battery: ['20 h', '30 h', '40 h'], connectivity: ['Bluetooth 5.3', 'wired', 'Wi-Fi'] },
    price: [3900, 39900],
  },
  {
    path: 'electronics/accessories',
    hue: 300,
    nouns: ['Charger', 'Cable', 'Stand', 'Sleeve', 'Hub'],
    options: { length: ['1 m', '2 m'], colour: ['black', 'white'] },
    attributes: { standard: ['USB-C', 'Lightning', 'Qi2'] },
    price: [900, 7900],
  },
  {
    path: 'outdoor/camping',
    hue: 100,
    nouns: ['Tent', 'Stove', 'Sleeping Bag', 'Backpack', 'Headlamp'],
    options: { capacity: ['1 person', '2 person', '3 person'] },
    attributes: { weight: ['0.9 kg', '1.4 kg', '2.1 kg'], season: ['3-season', '4-season'] },
    price: [2900, 44900],
  },
  {
    path: 'beauty/skincare',
    hue: 330,
    nouns: ['Serum', 'Cleanser', 'Balm', 'Moisturiser'],
    options: { volume: ['30 ml', '50 ml', '100 ml'] },
    attributes: { skin: ['dry', 'oily', 'all skin types'], scent: ['unscented', 'citrus', 'lavender'] },
    price: [1200, 6900],
  },
  {
    path: 'toys/games',
    hue: 0,
    nouns: ['Puzzle', 'Board Game', 'Card Game', 'Building Set'],
    options: { edition: ['classic', 'deluxe'] },
    attributes: { players: ['1-4', '2-6', '2'], age: ['6+', '8+', '12+'] },
    price: [1500, 7900],
  },
  {
    path: 'books/fiction',
    hue: 190,
    nouns: ['Novel', 'Anthology', 'Novella'],
    options: { format: ['paperback', 'hardcover'] },
    attributes: { language: ['English', 'German', 'French'], pages: ['240', '320', '480'] },
    price: [900, 3900],
  },
];

const BRANDS = [
  'Northwind',
  'Fjordline',
  'Kestrel & Co',
  'Atelier Nova',
  'Tidewater',
  'Copperleaf',
  'Lumen',
  'Halden',
];
const ADJECTIVES = [
  'Alpine',
  'Coastal',
  'Everyday',
  'Heritage',
  'Urban',
  'Nordic',
  'Studio',
  'Field',
  'Harbour',
  'Meadow',
];

export interface DemoProduct {
  readonly ownerRegion: string;
  /** ProductInput-shaped content for `createProduct` (media filled in by the caller). */
  readonly product: Record<string, unknown> & { skus: Record<string, unknown>[] };
  readonly imageHue: number;
}

/**
 * Product `index` of the demo catalog: deterministic (same index → same product), 1–6 SKUs from the
 * category's option axes, prices in every demo region (EUR base × rate, rounded to .90/.00), stock 0–200 per
 * region, ~5 % drafts, owner region by index. SKU codes are unique: `<DEMO|prefix>-<index>-<n>`.
 */
export function demoProduct(index: number, codePrefix = 'DEMO'): DemoProduct {
  const random = seededRandom(index * 7919 + 17);
  const category = CATEGORIES[index % CATEGORIES.length]!;
  const noun = pick(random, category.nouns);
  const title = `${pick(random, ADJECTIVES)} ${noun} ${index + 1}`;
  const axes = Object.entries(category.options);
  const base = between(random, category.price[0], category.price[1]);
  const skuCount = between(random, 1, 6);
  const seen = new Set<string>();
  const skus: Record<string, unknown>[] = [];
  for (let n = 0; n < skuCount * 3 && skus.length < skuCount; n++) {
    const options = Object.fromEntries(axes.map(([axis, values]) => [axis, pick(random, values)]));
    const key = JSON.stringify(options);
    if (seen.has(key)) continue;
    seen.add(key);
    const premium = 1 + skus.length * 0.05;
    skus.push({
      skuId: '',
      code: `${codePrefix}-${index}-${skus.length + 1}`,
      options,
      prices: DEMO_REGIONS.map(({ region, currency, rate }) => ({
        region,
        price: {
          currencyCode: currency,
          amountMinor: String(Math.round((base * premium * rate) / 100) * 100 - 10),
        },
      })),
      initialStock: DEMO_REGIONS.map(({ region }) => ({ region, quantity: String(between(random, 0, 200)) })),
    });
  }
  const attributes = Object.fromEntries(
    Object.entries(category.attributes).map(([name, values]) => [name, pick(random, values)]),
  );
  return {
    ownerRegion: DEMO_REGIONS[index % DEMO_REGIONS.length]!.region,
    imageHue: (category.hue + between(random, -15, 15) + 360) % 360,
    product: {
      title,
      description: `${title} by ${pick(random, BRANDS)}: ${Object.values(attributes).join(', ')}. Part of the Shopstream demo catalog.`,
      category: category.path,
      brand: pick(random, BRANDS),
      attributes,
      media: [],
      skus,
      status: random() < 0.05 ? 'draft' : 'active',
    },
  };
}
