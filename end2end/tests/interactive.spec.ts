import { test, expect } from '@playwright/test';

test('the confidence filter hydrates and filters in place', async ({ page }) => {
  await page.goto('/years/2021');
  // The island marks itself once its WebAssembly has run.
  await expect(page.locator('.problem-filter[data-hydrated="true"]')).toBeVisible({ timeout: 15_000 });
  const items = page.locator('.problem-list li');
  await expect(items.locator('visible=true')).toHaveCount(8);
  await page.evaluate(() => ((window as any).__noReload = true));
  await page.getByRole('link', { name: /推断/ }).click();
  await expect(items.locator('visible=true')).toHaveCount(2);
  await expect(page.getByText('显示 2 / 8 项')).toBeVisible();
  // Filtered in place: no navigation happened.
  expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
  await expect(page).toHaveURL(/\/years\/2021$/);
  await page.getByRole('link', { name: /全部/ }).click();
  await expect(items.locator('visible=true')).toHaveCount(8);
});

test('the language switch changes the page and persists', async ({ page }) => {
  await page.goto('/years/2024');
  await page.getByRole('link', { name: /English/ }).click();
  await expect(page).toHaveURL(/\/years\/2024$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2024: 13 problems');
  // The choice is remembered on the next visit.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'The years at a glance' })).toBeVisible();
  await page.getByRole('link', { name: /中文/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '历年问题一览' })).toBeVisible();
});
