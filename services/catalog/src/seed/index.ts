// `@shopstream/catalog/seed`: the demo catalog `npm run seed` writes (tools/seed/catalog.ts), and the product
// images the browser tests and benches compare against.
export { DEMO_REGIONS, demoProduct, type DemoProduct } from './demo-catalog.js';
export { IMAGE_SIZE, productImage } from './product-image.js';
export { progressBar, type ProgressBar, type ProgressOutput } from './progress-bar.js';
