import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('the topic page shows progress, the three lists and the reports', async ({ page }) => {
  await page.goto('/');
  // "本月" when the Beijing month has its topic, "这一期" when the latest is last month's.
  await page.getByRole('link', { name: /查看(本月|这一期)主题的方案、清单和进展/ }).click();
  await expect(page).toHaveURL(/\/topics\/2026\/11$/);
  // The staff test may mark a task done meanwhile: check the shape, not the count.
  await expect(page.locator('progress').first()).toHaveAttribute('max', '12');
  await expect(page.getByText(/已完成 \d+ \/ 12 项（\d+%）/).first()).toBeVisible();
  for (const heading of ['一方案：解决方案', '任务清单', '责任清单', '政策清单', '月度进展', '监督']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.locator('.task .status-overdue').first()).toBeVisible();
  // Newest progress report first.
  const times = page.locator('section[aria-labelledby="reports-heading"] time');
  const dates = await times.evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  // Shown as the reader's language writes a date, not as ISO.
  await expect(times.first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(dates).toEqual([...dates].sort().reverse());
});

test('the responsibility list filters by level and department', async ({ page }) => {
  await page.goto('/topics/2026/11');
  await page.getByRole('link', { name: '区级', exact: true }).click();
  await expect(page).toHaveURL(/level=district/);
  const responsibilities = page.locator('.responsibility-level li');
  await expect(responsibilities).toHaveCount(3);
  await page.getByLabel('按部门筛选').selectOption({ label: '延庆区政府' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/level=district&dept=\d+/);
  await expect(responsibilities).toHaveCount(1);
  await expect(responsibilities.first()).toContainText('落实农村取暖设备巡检维修');
});

test('a department page shows its on-time record', async ({ page }) => {
  await page.goto('/topics/2026/11');
  await page.locator('.facts').getByRole('link', { name: '市城市管理委' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('市城市管理委');
  await expect(page.getByText('按期完成率')).toBeVisible();
  await expect(page.locator('.stats dd').first()).toHaveText('100%');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a policy page is reached from the topic policy list', async ({ page }) => {
  await page.goto('/topics/2026/11');
  await page.getByRole('link', { name: /供暖报修接诉即办工作规范/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('供暖报修接诉即办工作规范');
  await expect(page.getByText('示例数据').first()).toBeVisible();
});

// Issue 37: a topic says which round's vote chose it, linked to the round and to the candidate
// it was (whose page links back), with JavaScript on and off.
for (const js of [true, false]) {
  test(`the topic links back to the round and the candidate that chose it, JavaScript ${js ? 'on' : 'off'}`, async ({ browser }, info) => {
    const context = await browser.newContext({ ...info.project.use, javaScriptEnabled: js, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/topics/2026/11');
    const chosen = page.locator('#chosen-by');
    await expect(chosen.getByRole('heading')).toHaveText('这个议题是怎么选出来的');
    await expect(chosen).toContainText('由市民投票选出');
    await expect(chosen).toContainText(/\d+ 人支持（核验 \d+ · 未核验 \d+）/);
    await expect(chosen).toContainText('示例数据');
    await chosen.getByRole('link').nth(1).click();
    await expect(page).toHaveURL(/\/vote\/2026-winter\/candidates\/\d+$/);
    await page.getByRole('link', { name: /已成为每月一题主题/ }).click();
    await expect(page).toHaveURL(/\/topics\/2026\/11$/);
    await page.locator('#chosen-by').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/vote\/2026-winter$/);
    await context.close();
  });
}
