import { defineConfig } from 'vite'

/**
 * The server as one minified JavaScript file for `npm start` (dist/server/main.mjs): no
 * TypeScript loader in production. The packages are bundled in too: loading hundreds of
 * package files through Node's module loader cost more memory than the code itself (zod alone:
 * 12 MiB as a package, 5 MiB bundled). Kept external: better-sqlite3 (native), ExcelJS
 * (large, imported on the first spreadsheet), PDFKit (reads its font metrics from its own
 * folder; imported on the first PDF) and pg-native (pg's optional native driver, not
 * used). The PostgreSQL store is its own chunk, loaded only when DATABASE_URL is set.
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, external: ['better-sqlite3', 'exceljs', 'pdfkit', 'pg-native'] },
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
  },
})
