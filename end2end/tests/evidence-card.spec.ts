import { test, expect } from '@playwright/test';

// Issue 13, point 12: each ballot candidate shows its evidence as a short card — a number, a
// direction, one plain sentence — with the details one tap away, and the words a resident may
// not know link to the glossary. Runs at 360 px and at 1280 px (phone-360, desktop-1280).

test('each candidate on the open ballot shows a short evidence card, details one tap away', async ({ page }) => {
  await page.goto('/vote/2027-annual');
  const options = page.locator('form#ballot li');
  const count = await options.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    const option = options.nth(i);
    // One number with its unit and what it counts…
    await expect(option.getByText(/^\d+ 件$/)).toBeVisible();
    await expect(option.getByText(/近30天12345热线诉求/)).toBeVisible();
    // …one direction against the window before…
    await expect(option.getByText(/^[↑↓→] /)).toBeVisible();
    // …and the long summary folded away until asked for.
    const more = option.getByText('详细数据和来源');
    await expect(more).toBeVisible();
    const full = option.getByText(/12345热线收到这类诉求 \d+ 件/);
    await expect(full).toBeHidden();
    if (i === 0) {
      await more.click();
      await expect(full).toBeVisible();
      await expect(option.getByRole('link', { name: /证据/ })).toBeVisible();
    }
  }
  // The card never calls a rate "high" without the average beside it.
  for (const line of await page.getByText(/比平均/).allTextContents()) {
    expect(line).toMatch(/比平均（\d+\.\d%）高/);
  }
});

test('the ballot explains its words: 比前30天, 不满意率, 重办率, 核验, 张 and 人', async ({ page }) => {
  await page.goto('/vote/2027-annual');
  const words = page.locator('form#ballot').getByRole('link', { name: /比前30天|不满意率|重办率|核验选票|选票（张）和支持（人）/ });
  await expect(words).toHaveCount(5);
  await page.locator('form#ballot').getByRole('link', { name: '重办率' }).click();
  await expect(page).toHaveURL(/\/glossary#reopen$/);
  await expect(page.getByText('已经办结、但因为问题没有解决又重新交办的诉求所占的比例')).toBeVisible();
});

test('in English the card reads as English', async ({ page }) => {
  await page.goto('/');
  await page.context().addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
  await page.goto('/vote/2027-annual');
  const first = page.locator('form#ballot li').first();
  await expect(first.getByText(/^\d+ requests$/)).toBeVisible();
  await expect(first.getByText(/to the 12345 hotline in the last 30 days/)).toBeVisible();
  await expect(first.getByText('Full figures and source')).toBeVisible();
  await expect(first.getByText(/件/)).toHaveCount(0);
});
