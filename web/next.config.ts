import type { NextConfig } from 'next';

/**
 * The web app's server side runs inside `src/server/main.ts` (custom server under tsx), so workspace packages
 * written in TypeScript stay external: Node loads them at run time instead of the bundler.
 */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['@shopstream/service-defaults'],
  // `npm test` typechecks web/ in its static phase (tsc -p web); the build does not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: { authInterrupts: true },
};

export default config;
