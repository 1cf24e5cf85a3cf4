import { test, expect, type Page } from '@playwright/test';

// Issue 31 §3 in a browser, on a phone with JavaScript off: a draft in a new year leaves nothing
// public; a due date far from its topic's month is saved only once the editor confirms it, the
// date kept meanwhile; a policy's issue date has happened and its issuer comes from the list;
// a link that does not vouch for a policy is called unchecked, not absent. Changes shared data
// (a draft topic, a policy): runs once. Accounts come from scripts/test.sh.
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: false });
test.setTimeout(90_000);

async function signIn(page: Page) {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill('editor');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

/** Next year in Beijing: a year with no published topic. */
function nextYear(): number {
  return Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
}

/** A month of `year` with no topic, drafts included (the editor's list shows them). */
async function freeMonth(page: Page, year: number): Promise<number> {
  await page.goto('/staff/topics');
  const taken = (await page.locator('ul.editor-list a').allTextContents()).map((t) => t.trim());
  for (let m = 12; m >= 1; m--) {
    if (!taken.some((t) => t.startsWith(`${year}-${String(m).padStart(2, '0')} `))) return m;
  }
  throw new Error(`no free month in ${year}`);
}

test('a draft in a new year leaves nothing public, and a far due date needs a confirmation', async ({ page, browser }) => {
  await signIn(page);
  const year = nextYear();
  const month = await freeMonth(page, year);
  const mm = String(month).padStart(2, '0');
  await page.getByLabel('年份').selectOption(String(year));
  await page.getByLabel('月份').selectOption(String(month));
  await page.getByLabel('主题名称').fill(`明年的草稿（公开记录测试 ${Date.now() % 100000}）`);
  await page.getByLabel('简介').fill('还没有发布');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已保存。');

  // A due date a year before the topic's month: refused with the reason, the date kept.
  const form = () => page.locator('form', { has: page.locator('#new-task-title') });
  const early = `${year - 1}-${mm}-20`;
  await form().getByLabel('任务内容').fill('核对截止日期的任务');
  await form().getByLabel('责任单位').selectOption({ label: '市城市管理委' });
  await form().getByLabel('截止日期').fill(early);
  await form().getByRole('button', { name: '添加' }).click();
  await expect(form()).toContainText('这个截止日期不在本专题月份前后的常见范围内');
  await expect(form().getByLabel('截止日期')).toHaveValue(early);
  await expect(form().getByLabel('任务内容')).toHaveValue('核对截止日期的任务');
  await form().getByLabel('我已核对，日期无误，仍然保存').check();
  await form().getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');

  // Nothing of the draft's year is public: no year page, no home link, no chart bar, no archive.
  const visitor = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  expect((await visitor.goto(`/years/${year}`))!.status()).toBe(404);
  await visitor.goto('/');
  await expect(visitor.locator(`a[href="/years/${year}"]`)).toHaveCount(0);
  await visitor.goto('/charts/problems-per-year');
  const years = (await visitor.locator('.chart-data table tbody tr th').allTextContents()).map((t) => t.trim());
  expect(years).not.toContain(String(year));
  await visitor.goto('/archive');
  await expect(visitor.locator('main')).not.toContainText(`${year}年${month}月`);
  await visitor.close();
});

test('a policy takes a listed issuer and an issue date that has happened; an unchecked link is called so', async ({ page, browser }) => {
  await signIn(page);
  const title = `关于供暖投诉快速处置的通知（公开记录测试 ${Date.now() % 100000}）`;
  await page.getByLabel('政策标题').fill(title);
  await expect(page.getByLabel('发布机关')).toHaveJSProperty('tagName', 'SELECT');
  await page.getByLabel('发布机关').selectOption({ label: '市城市管理委' });
  await page.getByLabel('印发').fill('2030-01-01');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.locator('main')).toContainText('印发日期不能晚于今天');
  await expect(page.getByLabel('印发')).toHaveValue('2030-01-01');
  await expect(page.getByLabel('政策标题')).toHaveValue(title);
  await page.getByLabel('印发').fill('2026-11-20');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('草稿已保存，发布前公众看不到。');
  const item = page.locator('li', { hasText: title });
  const id = await item.locator('input[name="policy_id"]').first().getAttribute('value');
  await item.getByRole('button', { name: '发布…' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toHaveText('政策已发布。');

  await page.goto(`/staff/policies/${id}`);
  await page.getByLabel('原文出处').fill('https://www.beijing.gov.cn/zhengce/example.html');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  const visitor = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await visitor.goto(`/policies/${id}`);
  const main = visitor.locator('main');
  await expect(main.locator('a[href="https://www.beijing.gov.cn/zhengce/example.html"]')).toBeVisible();
  await expect(main).toContainText('下面所附的链接还没有核实');
  await expect(main).not.toContainText('没有附原文来源');
  await visitor.close();
});

test('in English, the refusal says why and the issuer is still a list', async ({ page }) => {
  await signIn(page);
  await page.goto('/lang/en?next=/staff');
  await page.getByLabel('Policy title').fill(`Notice on heating complaints (record test ${Date.now() % 100000})`);
  await expect(page.getByLabel('Issued by')).toHaveJSProperty('tagName', 'SELECT');
  await page.getByLabel('Issued by').selectOption({ label: '市城市管理委' });
  await page.getByLabel('Issued', { exact: true }).fill('2030-01-01');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('main')).toContainText('The issue date cannot be later than today (Beijing time)');
  await expect(page.getByLabel('Issued', { exact: true })).toHaveValue('2030-01-01');
  await page.goto('/lang/zh-CN?next=/staff');
});
