// Builds the meeting web client (Preact + livekit-client) and the secretariat's app (/admin)
// into meeting-server/web/dist.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what is published: they would hand out the source with its comments.
    sourcemap: false,
    target: 'es2022',
    // The room chunk (livekit-client, ~520 kB, ~140 kB gzip) loads only after the lobby; the
    // lobby itself is the small entry chunk.
    chunkSizeWarningLimit: 600,
    // Three pages: the meeting client (/j/…), the secretariat's app (/admin), the public page (/cong-khai).
    rollupOptions: {
      input: {
        main: `${import.meta.dirname}/index.html`,
        admin: `${import.meta.dirname}/admin.html`,
        portal: `${import.meta.dirname}/portal.html`,
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
