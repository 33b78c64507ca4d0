import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const defaultWebDist = path.join(repoRoot, 'web', 'dist');

function newestMtime(p: string): number {
  if (!existsSync(p)) {
    return 0;
  }
  const st = statSync(p);
  if (!st.isDirectory()) {
    return st.mtimeMs;
  }
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

/** True when web/dist is missing or older than any web source file. */
export function webBuildStale(): boolean {
  const built = path.join(defaultWebDist, 'index.html');
  if (!existsSync(built)) {
    return true;
  }
  const web = path.join(repoRoot, 'web');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((f) =>
    newestMtime(path.join(web, f)),
  );
  const serverApi = newestMtime(path.join(repoRoot, 'server', 'src', 'api.ts'));
  return Math.max(...sources, serverApi) > statSync(built).mtimeMs;
}

/** Builds the web app with Vite when it is missing or stale; returns the dist folder, or undefined without a web app. */
export function ensureWebBuild(): string | undefined {
  if (!existsSync(path.join(repoRoot, 'web', 'index.html'))) {
    return undefined;
  }
  if (webBuildStale()) {
    console.log('Building the web app (first start, or its sources changed)…');
    const res = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: 'inherit' });
    if (res.status !== 0) {
      throw new Error('The web build failed; see the output above');
    }
  }
  return defaultWebDist;
}
