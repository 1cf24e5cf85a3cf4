import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { staticPages, problemPath } from './pages';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoAxeViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core WCAG 2.2 AA violations').toEqual([]);
}

test.describe('every page renders real data and passes axe', () => {
  for (const { path, heading } of staticPages) {
    test(`${path}`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expectNoAxeViolations(page);
      // Nothing spills sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('a problem page', async ({ page }) => {
    const path = await problemPath(page, 2021, '预付式消费退费难');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('预付式消费退费难');
    await expect(page.getByRole('heading', { name: /北京市单用途预付卡管理条例/ })).toBeVisible();
    await expect(page.getByText('示例数据').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the 404 page', async ({ page }) => {
    const res = await page.goto('/years/1999');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
    await expectNoAxeViolations(page);
  });
});

// The year's count is the published facts' count; problems staff add to a topic of that year
// (the department suite adds one in 2024 while this runs) are listed too, badged as staff content.
test('the home page shows the years at a glance with their counts', async ({ page }) => {
  await page.goto('/');
  const years = page.locator('#years li');
  await expect(years).toHaveCount(6);
  await expect(years).toHaveText([/2021年.*27 项问题/, /2022年.*17 项问题/, /2023年.*18 项问题/, /2024年.*13 项问题/, /2025年.*13 项问题/, /2026年.*11 项问题/]);
  await years.nth(3).getByRole('link').click();
  await expect(page).toHaveURL(/\/years\/2024$/);
  // Each problem is one item of the list; its reported facts are lists of their own inside.
  await expect(page.locator('.problem-list > li').filter({ hasNotText: /官方发布|暂无来源/ })).toHaveCount(13);
});
