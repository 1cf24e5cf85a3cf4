import { test, expect } from '@playwright/test';
import { staticPages } from './pages';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, heading } of staticPages) {
    test(`${path} shows its content`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('main')).not.toContainText('正在加载');
    });
  }

  test('the filter chips work as links', async ({ page }) => {
    await page.goto('/years/2021');
    await page.getByRole('link', { name: /推断/ }).click();
    await expect(page).toHaveURL(/\?c=inferred$/);
    await expect(page.locator('.problem-list li').locator('visible=true')).toHaveCount(2);
  });

  test('the language switch works', async ({ page }) => {
    await page.goto('/about');
    await page.getByRole('link', { name: /English/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'About Problem of the Month and this site\'s data',
    );
  });
});
