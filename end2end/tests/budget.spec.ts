// First-load transfer of the home page, as served with brotli: HTML + CSS + JS + WASM.
// Bytes, not time, so the result is the same on every run of the same build.
import { test, expect } from '@playwright/test';
import http from 'node:http';

/** Budget in bytes; docs/performance.md records the measurement it was set from. */
// Raised from 150 KB when the ballot's copy/count islands landed (measured 164,678 bytes on
// 2026-12-01). On 2026-12-02 it read 174,595, over budget: the wasm's i18n tables carry every
// string in app/locales, and the server's refusal and paper-code pages had put theirs there;
// moved to server/locales, it reads 173,857. Issue 18 brings the home page down to 20 KB.
const BUDGET_BYTES = 170 * 1024;

function fetchCompressed(url: string): Promise<{ status: number; encoding: string; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity'), bytes: body.length, body });
        });
      })
      .on('error', reject);
  });
}

test('home page first-load JS + WASM + HTML + CSS stays within budget', async ({ page, baseURL }) => {
  // Which assets a browser really fetches on first load, read off the page itself.
  const assets = new Set<string>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === new URL(baseURL!).origin && url.pathname !== '/') assets.add(url.pathname);
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const paths = ['/', ...[...assets].sort()];
  expect(paths.some((p) => p.endsWith('.wasm')), 'the wasm bundle is loaded').toBe(true);
  expect(paths.some((p) => p.endsWith('.js')), 'the JS glue is loaded').toBe(true);

  let total = 0;
  const rows: string[] = [];
  for (const path of paths) {
    const res = await fetchCompressed(baseURL + path);
    expect(res.status, path).toBe(200);
    total += res.bytes;
    rows.push(`${path} ${res.encoding} ${res.bytes}`);
  }
  console.log(`first-load transfer of /: ${total} bytes\n  ${rows.join('\n  ')}`);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
