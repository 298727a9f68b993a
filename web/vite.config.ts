// Vite for the web app: `npm run build:web` writes dist/web; `npx vite --config web/vite.config.ts`
// serves it with hot reload and forwards /api to a Habeas server on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // The budget that matters is issue 5's ≤ 350 KB gzipped of initial JavaScript (README).
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
