import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
export default defineConfig({
  root: '/work/main/web',
  plugins: [react(), {
    name: 'sizes',
    generateBundle(_o, bundle) {
      const out: string[] = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const groups = new Map<string, number>();
        for (const [id, m] of Object.entries(chunk.modules)) {
          const key = id.includes('node_modules') ? id.split('node_modules/')[1]!.split('/').slice(0, id.split('node_modules/')[1]!.startsWith('@') ? 2 : 1).join('/') + (id.includes('/antd/es/') ? '/' + id.split('/antd/es/')[1]!.split('/')[0] : '') : 'src';
          groups.set(key, (groups.get(key) ?? 0) + m.renderedLength);
        }
        for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 60)) out.push(`${(v/1024).toFixed(1)}K ${k}`);
      }
      writeFileSync('/tmp/sizes.txt', out.join('\n'));
    },
  }],
  build: { outDir: '/tmp/analyze-dist', emptyOutDir: true },
});
