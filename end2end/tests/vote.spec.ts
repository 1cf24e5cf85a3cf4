import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Voting changes tallies, so this suite runs once, in order, on a phone viewport.
test.describe.configure({ mode: 'serial' });
const cycle = '/vote/2027-annual';
const code = process.env.E2E_VOTING_CODE ?? '';

async function approvals(page: Page, title: string): Promise<number> {
  const res = await page.request.get('/api/v1/cycles/2027-annual');
  const detail = await res.json();
  const c = detail.candidates.find((c: any) => c.title === title);
  return c.tally.verified + c.tally.unverified;
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a resident votes on a phone, changes the ballot and sees each tally move by one', async ({ page }) => {
  const [first, second] = ['社区老年助餐', '学校周边接送停车难'];
  const before = [await approvals(page, first), await approvals(page, second)];
  await page.goto('/');
  await page.getByRole('link', { name: '去投票' }).click();
  await expect(page).toHaveURL(cycle);
  await axe(page);
  await page.getByLabel(first).check();
  // The script solves the proof of work while the voter reads.
  await expect(page.locator('input[name="proof"]')).toHaveValue(/.+/, { timeout: 20_000 });
  await page.getByRole('button', { name: '提交选票' }).click();
  await expect(page.getByRole('status')).toContainText('已收到您的选票，已计入结果。');
  const receipt = (await page.locator('.receipt-code').textContent()) ?? '';
  expect(await approvals(page, first)).toBe(before[0] + 1);

  // Changing the ballot is a step of its own; her first pick comes back ticked.
  await page.getByRole('link', { name: '修改选票' }).click();
  await page.getByLabel(first).uncheck();
  await page.getByLabel(second).check();
  await expect(page.locator('input[name="proof"]')).toHaveValue(/.+/, { timeout: 20_000 });
  await page.getByRole('button', { name: '提交选票' }).click();
  await expect(page.getByRole('status')).toContainText('已计入结果');
  expect(await approvals(page, first)).toBe(before[0]);
  expect(await approvals(page, second)).toBe(before[1] + 1);

  await page.goto(`/receipt?code=${receipt}`);
  await expect(page.getByRole('status')).toContainText('已被您在');
  await axe(page);
});

test('a resident without JavaScript votes and checks the receipt', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(cycle);
  await page.getByLabel('夜间施工噪声扰民').check();
  await page.getByLabel('老旧小区无障碍设施').check();
  await page.getByRole('button', { name: '提交选票' }).click();
  await expect(page.getByRole('status')).toContainText('已计入结果');
  await page.getByRole('link', { name: '用回执码确认选票已计入' }).click();
  await expect(page.getByRole('status')).toContainText('这张选票已计入结果。');
  await expect(page.getByRole('status')).toContainText('夜间施工噪声扰民');
  await context.close();
});

test('too many picks are refused in Chinese and the ticks stay', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(cycle);
  for (const box of await page.locator('input[name="pick"]').all()) await box.check();
  await page.getByRole('button', { name: '提交选票' }).click();
  await expect(page.getByRole('alert')).toContainText('选多了');
  await expect(page.locator('input[name="pick"]:checked')).toHaveCount(4);
  await context.close();
});

test('a paper voting code counts as verified once and is refused the second time', async ({ browser }) => {
  expect(code, 'E2E_VOTING_CODE is made by scripts/test.sh').not.toBe('');
  for (const attempt of [1, 2]) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(cycle);
    await page.getByLabel('社区老年助餐').check();
    await page.getByLabel('纸质投票码（如有）').fill(code.toLowerCase());
    await page.getByRole('button', { name: '提交选票' }).click();
    if (attempt === 1) {
      await expect(page.getByRole('status')).toContainText('已计入结果');
      const receipt = (await page.locator('.receipt-code').textContent()) ?? '';
      const check = await (await page.request.get(`/api/v1/receipts/${receipt}`)).json();
      expect(check.tier).toBe('verified');
    } else {
      await expect(page.getByRole('alert')).toHaveText('这个纸质投票码已经用过了，每个码只能用一次。');
    }
    await context.close();
  }
});

test('the integrity report recounts and agrees, and the closed cycle shows its result', async ({ page }) => {
  await page.goto(`${cycle}/integrity`);
  await expect(page.getByRole('status')).toHaveText('根据全部选票记录重新计票，结果与公布的票数一致。');
  await axe(page);
  await page.goto('/vote/2026-winter');
  await expect(page.getByRole('heading', { name: '最终结果' })).toBeVisible();
  await expect(page.getByRole('link', { name: /已成为每月一题主题：冬季供暖与室温保障/ })).toBeVisible();
  await axe(page);
});

test('a suggestion goes from pending to published by a moderator and gets a "me too"', async ({ browser }) => {
  const title = `小区路灯长期不亮（测试 ${Date.now() % 100000}）`;
  const resident = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const page = await resident.newPage();
  await page.goto('/suggest');
  await axe(page);
  await page.getByLabel('问题（一句话）').fill(title);
  await page.getByLabel('具体情况').fill('小区门口的三盏路灯坏了三个月，晚上回家很黑，老人容易摔倒。');
  await page.getByLabel('所在区').selectOption('海淀区');
  await page.getByLabel('类别').selectOption('市容环境');
  await page.getByRole('button', { name: '提交建议' }).click();
  await expect(page.getByRole('status')).toContainText('已收到您的建议');
  const receipt = (await page.locator('.receipt-code').textContent()) ?? '';
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  // She comes back later: her suggestion is remembered on this phone, as her ballot is.
  await page.goto('/suggest');
  const mine = page.locator('section', { has: page.getByRole('heading', { name: '您提交的建议' }) });
  await expect(mine).toContainText(title);
  await expect(mine).toContainText('这条建议正在等待审核。');
  await expect(mine.getByRole('link', { name: `查看进展（回执码 ${receipt}）` })).toBeVisible();
  await page.goto(`/receipt?code=${receipt}`);
  await expect(page.getByRole('status')).toContainText('正在等待审核');

  const staff = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const mod = await staff.newPage();
  await mod.goto('/staff/login');
  await mod.getByLabel('用户名').fill('moderator');
  await mod.getByLabel('密码').fill(process.env.E2E_PASSWORD ?? '');
  await mod.getByRole('button', { name: '登录' }).click();
  await mod.getByRole('link', { name: '审核' }).click();
  await mod.locator(`li[data-suggestion="${title}"]`).getByRole('button', { name: '公开', exact: true }).click();
  await expect(mod.getByRole('status')).toHaveText('已保存。');
  await axe(mod);
  await staff.close();

  await page.goto('/suggest');
  const card = page.locator('li', { has: page.getByRole('heading', { name: title }) });
  await expect(card).toContainText('1 人支持');
  // Her own suggestion already counts her: no "我也要" that would change nothing (issue 34).
  await expect(card).toContainText('这是您提的建议，已算上您的一份支持。');
  await expect(card.getByRole('button', { name: '我也要' })).toHaveCount(0);
  await expect(page.locator('section', { has: page.getByRole('heading', { name: '您提交的建议' }) })).toContainText('这条建议已审核通过并公开。');
  const other = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
  const neighbour = await other.newPage();
  await neighbour.goto('/suggest');
  const theirs = neighbour.locator('li', { has: neighbour.getByRole('heading', { name: title }) });
  await theirs.getByRole('button', { name: '我也要' }).click();
  await expect(neighbour.getByRole('status')).toHaveText('已记下您的支持。');
  await expect(theirs).toContainText('2 人支持');
  // Once supported, the button gives way to a mark; the count moved once.
  await neighbour.goto('/suggest');
  await expect(theirs).toContainText('✓ 您已支持');
  await expect(theirs.getByRole('button', { name: '我也要' })).toHaveCount(0);
  await expect(theirs).toContainText('2 人支持');
  await other.close();
  await page.goto(`/receipt?code=${receipt}`);
  await expect(page.getByRole('status')).toContainText('已审核通过并公开');
  await resident.close();
});
