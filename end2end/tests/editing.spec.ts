import { test, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Authoring on a phone with JavaScript off: every form must work as plain HTML.
// Accounts made by scripts/test.sh in the throwaway database.
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });
test.use({ javaScriptEnabled: false });
test.setTimeout(60_000);

async function signIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

/** axe needs scripts: check the page the test is on in a second, script-enabled phone context. */
async function axe(page: Page, browser: Browser) {
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    javaScriptEnabled: true,
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
  });
  const checked = await context.newPage();
  await checked.goto(page.url());
  const results = await new AxeBuilder({ page: checked })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  await context.close();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A month of 2025 that has no topic yet, so the test can run again on the same database. */
async function freeMonth(page: Page): Promise<number> {
  for (let m = 1; m <= 12; m++) {
    const res = await page.request.get(`/api/v1/topics/2025/${m}`);
    if (res.status() === 404) {
      const draft = await page.request.get(`/topics/2025/${m}`);
      if (draft.status() === 404) return m;
    }
  }
  throw new Error('no free month in 2025');
}

test('an editor drafts a topic with a problem and a task, and the public sees it only once published', async ({ page, browser }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  await signIn(page, 'editor');
  const month = await freeMonth(page);
  const theme = `背街小巷环境整治（测试 ${Date.now()}）`;
  await page.getByRole('link', { name: '主题编辑' }).click();
  await page.getByLabel('年份').selectOption('2025');
  await page.getByLabel('月份').selectOption(String(month));
  await page.getByLabel('主题名称').fill(theme);
  await page.getByLabel('简介').fill('背街小巷的垃圾和停车问题');
  await page.getByLabel('一方案：解决方案').fill('## 目标\n\n- 每条小巷有“街巷长”');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已保存。');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme);
  await axe(page, browser);

  await page.getByLabel('新增问题').fill('背街小巷垃圾清运不及时');
  await page.getByRole('button', { name: '添加' }).first().click();
  await expect(page.getByRole('status')).toHaveText('已保存。');

  const newTask = page.locator('form', { has: page.locator('#new-task-title') });
  await newTask.getByLabel('任务内容').fill('建立背街小巷垃圾清运台账');
  await newTask.getByLabel('对应问题').selectOption({ label: '背街小巷垃圾清运不及时' });
  await newTask.getByLabel('责任单位').selectOption({ label: '市城市管理委' });
  // 市城市管理委 is a city body: its tasks are city level (the level must fit the body).
  await newTask.getByLabel('层级').selectOption('city');
  // Due in the future: other suites read the department's on-time record at the same time.
  await newTask.getByLabel('截止日期').fill('2027-12-31');
  await newTask.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');

  const visitor = await browser.newPage();
  expect((await visitor.goto(`/topics/2025/${month}`))?.status()).toBe(404);
  await visitor.goto('/search?q=背街小巷垃圾');
  await expect(visitor.getByText('背街小巷垃圾清运不及时')).toHaveCount(0);

  // Publishing asks first (issue 13, point 20): 发布… opens the confirmation.
  await page.getByRole('link', { name: '发布…' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已发布，公众现在可以看到它。');
  expect((await visitor.goto(`/topics/2025/${month}`))?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(theme);
  await expect(visitor.getByText('建立背街小巷垃圾清运台账')).toBeVisible();
  await expect(visitor.getByRole('heading', { name: '目标' })).toBeVisible();
  await visitor.close();
});

test('an edit keeps the earlier version in the history', async ({ page, browser }) => {
  await signIn(page, 'editor');
  await page.goto('/staff/topics');
  await page.getByRole('link', { name: /背街小巷环境整治/ }).first().click();
  const task = page.locator('li[data-task-id]', { hasText: '建立背街小巷垃圾清运台账' });
  await task.locator('summary').click();
  await task.getByLabel('截止日期').fill('2028-01-15');
  // The topic is published: its task's due date moves only with a public reason.
  await task.getByLabel('变更理由（公开）').fill('与年度考核同步');
  await task.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  const edited = page.locator('li[data-task-id]', { hasText: '建立背街小巷垃圾清运台账' });
  await expect(edited).toContainText('截止 2028年1月15日');
  await edited.locator('summary').click();
  await edited.getByRole('link', { name: '修订记录' }).click();
  await expect(page.getByRole('heading', { name: '修订记录' })).toBeVisible();
  const latest = page.locator('li.revision').first();
  await expect(latest.locator('del')).toHaveText('2027-12-31');
  await expect(latest.locator('ins')).toHaveText('2028-01-15');
  await axe(page, browser);
});

test('department staff report a responsibility done and the public list shows it', async ({ page, browser }) => {
  await signIn(page, 'housing');
  const responsibility = page.locator('li[data-responsibility-id]').filter({ has: page.getByLabel('更新状态') }).filter({ hasNot: page.locator('.status-done') }).first();
  const text = (await responsibility.locator('.task-title').textContent())?.replace(/\s*(未开始|进行中|已完成)\s*$/, '').trim() ?? '';
  await responsibility.getByLabel('更新状态').selectOption({ label: '已完成' });
  await responsibility.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('责任状态已更新。');
  const visitor = await browser.newPage();
  await visitor.goto('/topics/2026/11#duties-heading');
  await expect(visitor.locator('.responsibilities li', { hasText: text }).locator('.status-done')).toBeVisible();
  await visitor.close();
});

test('an administrator opens an account for a department and it can sign in', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '账号管理' }).click();
  await axe(page, browser);
  const username = `zhang${Date.now() % 100000}`;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('张敏');
  await page.getByLabel('角色').selectOption('department');
  await page.getByLabel('所属部门').selectOption({ label: '市城市管理委' });
  await page.getByLabel('初始密码').fill('first-password-2026');
  await page.getByRole('button', { name: '开通' }).click();
  await expect(page.getByRole('status')).toHaveText('账号已开通。');
  await expect(page.locator(`li[data-username="${username}"]`)).toContainText('部门工作人员');
  await page.context().clearCookies();
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('first-password-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('main').getByText('当前登录：张敏')).toBeVisible();
});

test('the archive filters tasks by department and status without JavaScript', async ({ page, browser }) => {
  await page.goto('/archive');
  await page.getByLabel('部门').selectOption({ label: '朝阳区政府' });
  await page.getByLabel('状态').selectOption({ label: '已逾期' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/status=overdue/);
  const tasks = page.locator('section[aria-labelledby="archive-tasks"] li');
  await expect(tasks).not.toHaveCount(0);
  for (const item of await tasks.all()) {
    await expect(item.locator('.status-overdue')).toBeVisible();
    await expect(item).toContainText('朝阳区政府');
  }
  await expect(page.getByLabel('状态')).toHaveValue('overdue');
  await axe(page, browser);
});

test('an editor opens a new voting cycle, adds a candidate and prints paper codes', async ({ page, browser }) => {
  await signIn(page, 'editor');
  await page.getByRole('link', { name: '选题征集' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '选题征集' })).toBeVisible();
  const slug = `test-${Date.now() % 100000}`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('网址名').fill(slug);
  await page.getByLabel('标题', { exact: true }).fill('2028 年度问题征集（测试）');
  await page.getByLabel('结果用于').fill('2028 年度问题清单');
  await page.getByLabel('开始日期（北京时间零点）').fill(day(10));
  await page.getByLabel('投票最后一天（当天24点截止，北京时间）').fill(day(40));
  await page.getByLabel('每人最多选几项').fill('2');
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  const card = page.locator('li.card', { has: page.getByRole('link', { name: '2028 年度问题征集（测试）' }) });
  await card.locator('summary', { hasText: '添加候选议题' }).click();
  await card.getByLabel('候选议题', { exact: true }).fill('社区食堂覆盖');
  await card.getByLabel('说明').fill('老人吃饭难，社区食堂少。');
  await card.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  await expect(page.locator('li.card', { hasText: '2028 年度问题征集（测试）' })).toContainText('社区食堂覆盖');
  await axe(page, browser);

  // Codes open as a printable page; the form posts to a plain handler.
  const sheet = page.locator('li.card', { hasText: '2028 年度问题征集（测试）' }).locator('form[action="/staff/codes"]');
  await sheet.getByLabel('打印纸质投票码：区').selectOption('海淀区');
  await sheet.getByLabel('数量').fill('3');
  const [printed] = await Promise.all([page.context().waitForEvent('page'), sheet.getByRole('button', { name: '生成并打印' }).click()]);
  await printed.waitForLoadState();
  await expect(printed.locator('.code-card')).toHaveCount(3);
  await expect(printed.getByRole('heading', { level: 1 })).toContainText('海淀区');
});
