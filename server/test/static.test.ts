import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// A web build as Vite lays it out: the page, and content-hashed assets.
const dist = mkdtempSync(path.join(os.tmpdir(), 'tandem-web-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Tandem</title>');
writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
const h = await setup({ webDir: dist });

describe('serving the web app', () => {
  it('caches hashed assets for good and always revalidates the page (and client-side routes)', async () => {
    const asset = await h.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/parties/123']) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
