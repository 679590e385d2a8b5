import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const serverPort = process.env.TAVOLO_DEV_SERVER_PORT ?? '8080'

export default defineConfig({
  root: 'client',
  plugins: [react(), tailwindcss()],
  // Each step is its own chunk (see components/StepView.tsx): the survey link on a phone loads
  // the shell and the survey only.
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: {
    // In development the Vite dev server proxies the API and websockets to the Tavolo server.
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      '/ws': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
})
