import { test, expect } from '@playwright/test';

// The resident's ways in from the home page (issue 34): besides voting, she can make a
// suggestion and check a receipt (a ballot's or a suggestion's) without hunting through the vote
// page, and each candidate card on home opens that candidate. Read-only: runs at 360 px and
// 1280 px (projects phone-360 and desktop-1280), JavaScript off as well.
for (const js of [true, false]) {
  test(`home leads to 提建议, 查回执 and each candidate (JS ${js ? 'on' : 'off'})`, async ({ browser, viewport }) => {
    const context = await browser.newContext({ viewport, javaScriptEnabled: js, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/');
    const ways = page.getByRole('navigation', { name: '更多办理' });
    await ways.getByRole('link', { name: '我要点菜：提出建议' }).click();
    await expect(page).toHaveURL(/\/suggest$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('我要点菜：提出建议');

    await page.goto('/');
    await page.getByRole('navigation', { name: '更多办理' }).getByRole('link', { name: /查回执/ }).click();
    await expect(page).toHaveURL(/\/receipt$/);
    await expect(page.getByLabel('回执码')).toBeVisible();

    await page.goto('/');
    const card = page.locator('.candidate-list li.card').first();
    const title = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
    await card.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(/\/vote\/[^/]+\/candidates\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await context.close();
  });
}
