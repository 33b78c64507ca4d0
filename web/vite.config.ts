import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves web/dist at `/` with an SPA fallback; in development Vite proxies the API.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Named vendor chunks: ECharts (and zrender) only with the first chart, never on the sign-in path; React and
        // the router change rarely, so their chunk stays cached across releases.
        manualChunks(id) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) {
            return 'echarts';
          }
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) {
            return 'react';
          }
          return undefined;
        },
      },
    },
  },
});
