import { test, expect } from '@playwright/test';

test('searching 电梯 finds the lift problems and policy', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '搜索' }).click();
  await page.getByLabel('搜索主题、问题、政策、任务和建议').fill('电梯');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  // 2021's and 2023's problems share the title (the second facts batch named 2023's).
  await expect(page.getByRole('link', { name: '老楼加装电梯' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /既有多层住宅加装电梯/ })).toBeVisible();
  await page.getByRole('link', { name: '老楼加装电梯' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('老楼加装电梯');
});

test('an overlong search explains itself and keeps the text', async ({ page }) => {
  const long = '供暖'.repeat(60);
  await page.goto('/search');
  await page.getByLabel('搜索主题、问题、政策、任务和建议').fill(long);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByRole('alert')).toContainText('搜索词太长了');
  await expect(page.getByLabel('搜索主题、问题、政策、任务和建议')).toHaveValue(long);
});
