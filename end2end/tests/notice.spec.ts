import { test, expect } from '@playwright/test';

// The short pages the server writes itself (an overlong address, a refused cross-site form): a
// heading, a sentence and the way home, in the reader's language, laid out like every other
// page — the words stay off the screen's edge on a phone.
const overlong = '/search?q=' + 'a'.repeat(9000);

for (const [locale, heading, home] of [
  ['zh-CN', '网址太长', '返回首页'],
  ['en', 'Address too long', 'Back to the home page'],
] as const) {
  test(`an overlong address gets a short page in ${locale} with the way home`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const response = await page.goto(baseURL + overlong);
    expect(response?.status()).toBe(414);
    const h1 = page.getByRole('heading', { level: 1, name: heading });
    await expect(h1).toBeVisible();
    const box = await h1.boundingBox();
    expect(box!.x, 'the heading keeps the page margin').toBeGreaterThanOrEqual(12);
    await page.getByRole('link', { name: home }).click();
    await expect(page).toHaveURL(baseURL + '/');
    await context.close();
  });
}
