// Local helper (not a test): screenshots of pages at 360 and 1280 px, signed in when asked.
import { chromium } from '@playwright/test';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:3999';
const [user, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
for (const width of [360, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  if (user !== '-') {
    await page.goto(base + '/staff/login');
    await page.fill('#username', user);
    await page.fill('#password', process.env.E2E_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff$/);
  }
  for (const p of paths) {
    await page.goto(base + p);
    const name = p.replace(/[^a-z0-9]+/gi, '_') + `_${width}.png`;
    await page.screenshot({ path: `/tmp/shots/${name}`, fullPage: true });
    console.log(name);
  }
  await ctx.close();
}
await browser.close();
