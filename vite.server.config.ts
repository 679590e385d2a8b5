import { defineConfig } from 'vite'

/**
 * The server as one JavaScript file for `npm start` (dist/server/main.mjs): no TypeScript loader
 * in production. Packages stay external (node_modules), so native modules load as usual.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
  },
})
