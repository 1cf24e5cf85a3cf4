// Local helper (not a test): element screenshots of the reply pages at 360 px and 1280 px.
import { chromium } from '@playwright/test';
const base = process.env.E2E_BASE_URL;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function shot(width, locale, user, path, selector, name) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale });
  const page = await ctx.newPage();
  if (user) {
    await page.goto(base + '/staff/login');
    await page.fill('#username', user);
    await page.fill('#password', process.env.E2E_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff$/);
  }
  await page.goto(base + path);
  const el = page.locator(selector).first();
  await el.screenshot({ path: `/tmp/shots/${name}_${width}.png` });
  console.log(name, width);
  await ctx.close();
}
await shot(360, 'zh-CN', null, '/replies', 'section[aria-labelledby="waiting-h"] li.card >> nth=0', 'board_first');
await shot(360, 'zh-CN', null, '/replies', 'section[aria-labelledby="answered-h"]', 'board_answered');
await shot(360, 'zh-CN', null, '/replies', '#reasons', 'reasons');
await shot(360, 'zh-CN', null, '/replies/1', 'main', 'reply_page');
await shot(1280, 'en', null, '/replies/1', 'main', 'reply_page_en');
await shot(360, 'zh-CN', null, '/vote/2027-annual', '#reply-rule', 'rule_box');
await shot(360, 'zh-CN', null, '/suggest', 'li.card:has(.reply-owed)', 'suggest_card');
await shot(1280, 'zh-CN', 'housing', '/staff/replies', 'main', 'desk');
await shot(360, 'zh-CN', null, '/', 'nav.ways', 'home_ways');
await browser.close();
