import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Accounts made by scripts/test.sh in the throwaway database.
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  // The desk says it; so does the bar atop every page (issue 34).
  await expect(page.getByRole('main').getByText(`当前登录：${username}`)).toBeVisible();
  await expect(page.locator('.staff-bar')).toContainText(`当前登录：${username}`);
}

async function doneCount(page: Page): Promise<number> {
  await page.goto('/topics/2026/11');
  const text = await page.locator('.progress-text').first().textContent();
  return Number(/已完成 (\d+)/.exec(text ?? '')?.[1]);
}

test('a wrong password keeps the username and says why', async ({ page }) => {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill('housing');
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
  await expect(page.getByLabel('用户名')).toHaveValue('housing');
});

test('department staff mark a task done and the public progress bar moves', async ({ page }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  const before = await doneCount(page);
  await signIn(page, 'housing');
  const task = page.locator('li.task', { hasText: '制定老旧小区供热管网改造年度计划' });
  await task.getByLabel('更新状态').selectOption({ label: '已完成' });
  await task.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('任务状态已更新。');
  await expect(task.locator('.status-done')).toBeVisible();
  expect(await doneCount(page)).toBe(before + 1);
});

test("department staff cannot change another department's task", async ({ page }) => {
  await signIn(page, 'housing');
  // The desk offers no form for it; send the form anyway, as a crafted request would.
  const action = await page.locator('form[action*="set_task_state"]').first().getAttribute('action');
  const topic = await (await page.request.get('/api/v1/topics/2026/11')).json();
  const foreign = topic.tasks.find((t: any) => t.owner.name !== '市住房城乡建设委' && t.status !== 'done');
  const res = await page.request.post(action!, {
    form: { task_id: String(foreign.id), state: 'done' },
    headers: { accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(res.headers()['location']).toBe(`/staff?error=forbidden&task=${foreign.id}#task-${foreign.id}`);
  const after = await (await page.request.get('/api/v1/topics/2026/11')).json();
  expect(after.tasks.find((t: any) => t.id === foreign.id).status).toBe(foreign.status);
  await page.goto('/staff?error=forbidden');
  await expect(page.getByRole('alert')).toHaveText('您没有权限进行这项操作。');
});

test('an editor drafts a policy the public cannot see until it is published', async ({ page, browser }) => {
  const title = `关于冬季供暖投诉快速处置的通知（测试 ${Date.now()}）`;
  await signIn(page, 'editor');
  await page.getByLabel('政策标题').fill(title);
  await page.getByLabel('发布机关').selectOption({ label: '市城市管理委' });
  await page.getByLabel('印发').fill('2026-11-26');
  await page.getByLabel('所属主题', { exact: true }).selectOption({ value: '2026-11' });
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('草稿已保存，发布前公众看不到。');

  const visitor = await browser.newPage();
  await visitor.goto('/topics/2026/11');
  await expect(visitor.getByText(title)).toHaveCount(0);

  await page.locator('li', { hasText: title }).getByRole('button', { name: '发布…' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toHaveText('政策已发布。');
  await visitor.goto('/topics/2026/11');
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await visitor.close();
});

test('a bulk import with a bad row is refused and names the line', async ({ page }) => {
  await signIn(page, 'editor');
  const before = (await (await page.request.get('/api/v1/topics/2026/11/tasks')).json()).length;
  await page.getByLabel('导入到主题').selectOption({ value: '2026-11' });
  await page.getByLabel('清单类型').selectOption('tasks');
  await page.getByLabel('粘贴内容').fill(
    'title,owner,level,due,state\n' +
      '检查供热站,市城市管理委,city,2026-12-10,not_started\n' +
      '复查室温,市城市管理委,city,2026-02-30,in_progress\n',
  );
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('发现 1 处问题，没有写入任何内容');
  await expect(alert).toContainText('第 3 行 “due”列 — 日期应为 年-月-日');
  await expect(page.locator('tr.row-error')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  const after = (await (await page.request.get('/api/v1/topics/2026/11/tasks')).json()).length;
  expect(after).toBe(before);
});

test('the staff pages pass axe (WCAG 2.2 AA)', async ({ page }) => {
  const check = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await page.goto('/staff/login');
  await check();
  await signIn(page, 'editor');
  await check();
  await page.getByLabel('粘贴内容').fill('duty,department,level,batch\n统筹,市城市管理委,省级,9\n');
  await page.getByLabel('清单类型').selectOption('responsibilities');
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('alert')).toContainText('第 2 行');
  await check();
});

test('an editor turns the top hotline class into a candidate whose page shows its evidence', async ({ page, browser, baseURL }) => {
  await signIn(page, 'editor');
  await page.goto('/staff/hotline');
  const top = page.locator('li.ranked-class').first();
  const name = (await top.locator('h3').textContent())!.replace(/^\d+\.\s*/, '').trim();
  await top.getByText('设为候选议题').click();
  await top.getByLabel('加入哪一期征集').selectOption({ label: '2027 年春季主题征集（示例）' });
  await top.getByLabel('候选议题名称').fill(`热线排名第一：${name}`);
  await top.getByLabel('用居民看得懂的话说明问题').fill('根据热线排名直接加入的候选议题。');
  await top.getByRole('button', { name: '加入征集' }).click();
  await expect(page.getByRole('status')).toHaveText('已加入征集，证据由系统生成。');
  await expect(new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze().then((r) => r.violations.map((v) => v.id))).resolves.toEqual([]);

  // A resident without JavaScript reads the evidence behind the new candidate.
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const resident = await context.newPage();
  await resident.goto('/vote/2027-spring');
  await resident
    .locator('li', { hasText: `热线排名第一：${name}` })
    .getByRole('link', { name: '查看热线证据' })
    .click();
  await expect(resident.getByRole('heading', { level: 1 })).toContainText(`热线排名第一：${name}`);
  await expect(resident.getByText(`12345热线“${name}”类诉求`)).toBeVisible();
  await expect(resident.locator('.chart-svg svg')).toHaveCount(3);
  await context.close();
});

test('weights an editor saves reorder the public ranking', async ({ page }) => {
  await page.goto('/hotline');
  const before = await page.locator('li.ranked-class h3').allTextContents();
  await signIn(page, 'editor');
  await page.goto('/staff/hotline');
  for (const [label, value] of [['诉求量', '0'], ['增长', '0'], ['涉及区数', '0'], ['不满意率', '1'], ['重复诉求', '0']]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: '保存权重' }).click();
  await expect(page.getByRole('status')).toHaveText('权重已保存，公开排名已按新权重计算。');
  await page.goto('/hotline');
  await expect(page.getByText('不满意率 100%')).toBeVisible();
  const after = await page.locator('li.ranked-class h3').allTextContents();
  expect(after).not.toEqual(before);
  // Put the defaults back for the other tests.
  await page.goto('/staff/hotline');
  for (const [label, value] of [['诉求量', '0.35'], ['增长', '0.2'], ['涉及区数', '0.15'], ['不满意率', '0.2'], ['重复诉求', '0.1']]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: '保存权重' }).click();
  await expect(page.getByRole('status')).toHaveText('权重已保存，公开排名已按新权重计算。');
});
