// Issue 14, point 11 (framing): only /embed/… pages may be framed by another site. A newsroom
// page on another origin frames an embed, a chart page, the staff sign-in, the home page and
// the sign-in reached through /embed/%2e%2e/ (which must be judged on the normalised path).
// The embed shows its chart and source; every other frame is refused by the browser and
// shows nothing of the portal.
import { test, expect } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const FRAMED = {
  embed: '/embed/charts/problems-per-year?lang=zh-CN',
  chartPage: '/charts/problems-per-year',
  signIn: '/staff/login',
  home: '/',
  dotDot: '/embed/%2e%2e/staff/login',
};

test('another site may frame an embed and nothing else', async ({ page, baseURL }) => {
  const portal = new URL(baseURL!).origin;
  const frames = Object.entries(FRAMED)
    .map(([name, path]) => `<iframe name="${name}" src="${portal}${path}" width="600" height="500"></iframe>`)
    .join('\n');
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>Newsroom</title></head><body>${frames}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await page.goto(`http://127.0.0.1:${port}/article`);
    await page.waitForLoadState('load');
    const frame = (name: string) => page.frame({ name })!;
    // The embed: its chart and its source line, inside the newsroom's page.
    await expect(frame('embed').locator('svg:visible').first()).toBeVisible();
    await expect(frame('embed').locator('footer')).toContainText(/来源|示例数据/);
    // Everything else: the browser refuses to show it (frame-ancestors 'none').
    for (const name of ['chartPage', 'signIn', 'home', 'dotDot']) {
      const f = frame(name);
      await expect.poll(() => f.url(), name).not.toBe('about:blank');
      expect(f.url(), `${name} is not shown inside another site`).toMatch(/^chrome-error:/);
      expect(await f.locator('input[type=password], form, nav').count(), name).toBe(0);
      expect(await f.locator('body').innerText(), name).not.toMatch(/每月一题|点菜|密码|登录/);
    }
  } finally {
    server.close();
  }
});
