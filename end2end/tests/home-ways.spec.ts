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

// The topic page's downloads and words (issue 34): "下载 CSV（Excel 可直接打开）" on the Chinese
// page gives Chinese headers and words; 一方案 and 第 1 批 lead to the glossary.
test('the Chinese topic page downloads Chinese CSV and explains 一方案 and 第 1 批', async ({ browser, viewport }) => {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/topics/2026/11');
  const link = page.locator('#tasks-heading').locator('..').getByRole('link', { name: '下载 CSV（Excel 可直接打开）' });
  const csv = (await (await page.request.get((await link.getAttribute('href')) ?? '')).text()).replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header.split(',').slice(0, 6)).toEqual(['任务', '牵头单位', '层级', '截止日期', '完成日期', '状态']);
  expect(rows.join('\n')).toContain('已逾期');
  expect(csv).not.toMatch(/,(true|false|sample|in_progress|overdue),/);

  await page.getByRole('link', { name: '一方案、三清单' }).click();
  await expect(page).toHaveURL(/\/glossary#plan_lists$/);
  await expect(page.locator('#plan_lists')).toContainText('任务清单');
  await page.goBack();
  await page.getByRole('link', { name: '第 1 批、第 2 批（批次）' }).click();
  await expect(page.locator('#batch')).toContainText('批次只表示公布的先后');
  await context.close();
});
