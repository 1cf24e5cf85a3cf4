import { test, expect, type Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The four journeys of issue 13, each played end to end as its user would, in one go:
// - 王阿姨, a resident on a 360 px phone: home → vote → receipt → come back → check receipt → suggest;
// - a journalist at 1280 px: topic → outcome chart → embed on another origin → PNG / CSV;
// - a city editor: draft → preview → publish → unpublish;
// - a department's staff member: task → note → done.
// Each step uses the words and roles on the page. It changes shared data, so it runs once
// (project journeys-once), after the voting suites.
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);
const phone = { viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const tag = `${Date.now() % 100000}`;

async function signIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

test('王阿姨: home → vote → receipt → come back → check receipt → suggest', async ({ browser }) => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: '去投票' }).click();
  // She reads a candidate's card, then picks it.
  const option = page.locator('form#ballot li').first();
  await expect(option.getByText(/^\d+ 件$/)).toBeVisible();
  await option.getByRole('checkbox').check();
  await expect(page.locator('input[name="proof"]')).toHaveValue(/.+/, { timeout: 20_000 });
  await page.getByRole('button', { name: '提交选票' }).click();
  await expect(page.getByRole('heading', { name: '您已投票' })).toBeVisible();
  const receipt = ((await page.locator('#receipt-code').textContent()) ?? '').trim();
  expect(receipt).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);

  // The next day: the home page says she has voted and leads back to her ballot.
  await page.goto('/');
  await page.getByRole('link', { name: '查看或修改我的选票' }).click();
  await expect(page.getByRole('status')).toContainText(receipt);

  // She checks the receipt as she copied it down, in lower case with spaces.
  await page.getByRole('link', { name: '用回执码确认选票已计入' }).click();
  await expect(page.getByRole('status')).toContainText('这张选票已计入结果。');
  await page.getByLabel('回执码').fill(receipt.replace(/-/g, ' ').toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('status')).toContainText('这张选票已计入结果。');

  // And she suggests a problem of her own, from the vote page.
  await page.goto('/vote');
  await page.getByRole('link', { name: '我要点菜：提出建议' }).first().click();
  await page.getByLabel('问题（一句话）').fill('楼道灯');
  await page.getByLabel('具体情况').fill(`单元楼道灯坏了两个月（走查 ${tag}），晚上下楼看不见台阶。`);
  await page.getByLabel('所在区').selectOption('东城区');
  await page.getByLabel('类别').selectOption('住房与物业');
  await page.getByRole('button', { name: '提交建议' }).click();
  // Suggestions share a per-network allowance per minute with other suites: wait it out once.
  if (await page.getByText('提交太频繁了').isVisible()) {
    await page.waitForTimeout(61_000);
    await page.getByRole('button', { name: '提交建议' }).click();
  }
  await expect(page.getByRole('status')).toContainText('已收到您的建议');
  await context.close();
});

/** A second origin (another port) serving one article page. */
async function newsroom(html: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/article`, close: () => server.close() };
}

test('a journalist: topic → outcome chart → embed on another origin → PNG and CSV', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/topics/2026/11');
  const outcomes = page.getByRole('region', { name: '成效图表' });
  await outcomes.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/charts\/[^/]+$/);
  const title = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
  await expect(page.getByRole('heading', { name: '嵌入到文章' })).toBeVisible();
  const code = await page.locator('#embed-responsive').inputValue();
  expect(code).toContain('lang=zh-CN');

  // Pasted into an article on another site, in a 640 px column: the whole chart and its source.
  const portal = new URL(baseURL!).origin;
  const room = await newsroom(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head>
    <body><div style="width:640px;margin:0 auto"><p>报道正文。</p>${code.replace(/http:\/\/127\.0\.0\.1:\d+/g, portal)}</div></body></html>`);
  const article = await context.newPage();
  await article.goto(room.url);
  const frame = article.frameLocator('iframe[src*="/embed/charts/"]');
  await expect(frame.getByText(title).first()).toBeVisible();
  await expect(frame.getByText(/来源|示例数据/).first()).toBeInViewport();
  room.close();

  // The downloads carry the source, date and sample flag.
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const csv = (await (await page.request.get(`/charts/${id}.csv?lang=zh-CN`)).text()).replace(/^\uFEFF/, '');
  const header = csv.split(/\r?\n/)[0].split(',');
  for (const col of ['标题', '单位', '来源', '数据截至', '示例数据']) expect(header).toContain(col);
  const png = await page.request.get(`/charts/${id}.png?lang=zh-CN`);
  expect(png.headers()['content-type']).toBe('image/png');
  await context.close();
});

/** A month no topic holds yet (drafts included, as the editor's own list shows them), from the
 * end of 2023 down: the other suites take 2021, 2022, 2024, 2025 and 2026. */
async function draftTopic(page: Page, theme: string): Promise<[number, number]> {
  await page.goto('/staff/topics');
  const taken = new Set((await page.locator('ul.editor-list a').allTextContents()).map((t) => t.trim().slice(0, 7)));
  let found: [number, number] | null = null;
  for (let m = 12; m >= 1 && !found; m--) {
    if (!taken.has(`2023-${String(m).padStart(2, '0')}`)) found = [2023, m];
  }
  expect(found, 'a free month in 2023').not.toBeNull();
  const [year, month] = found!;
  await page.getByLabel('年份').selectOption(String(year));
  await page.getByLabel('月份').selectOption(String(month));
  await page.getByLabel('主题名称').fill(theme);
  await page.getByLabel('简介').fill('老人吃饭难，社区缺少食堂');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已保存。');
  return [year, month];
}

test('a city editor: draft → preview → publish → unpublish', async ({ browser }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, 'editor');
  const theme = `社区食堂（走查 ${tag}）`;
  const [year, month] = await draftTopic(page, theme);

  // Preview: the editor sees the draft's public page; the public does not.
  const editorUrl = page.url().replace(/\?.*$/, '');
  const visitor = await browser.newPage({ viewport: { width: 360, height: 740 } });
  expect((await visitor.request.get(`/topics/${year}/${month}`)).status()).toBe(404);
  await page.getByRole('link', { name: '预览公开页面' }).first().click();
  await expect(page.getByText('草稿预览 · 尚未公开').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(theme);
  await page.goto(editorUrl);

  // Publish asks first, says what becomes public, then goes public.
  await page.getByRole('link', { name: '发布…' }).click();
  await expect(page.getByRole('heading', { name: '确认发布' })).toBeVisible();
  await expect(page.getByText('发布后，公众将看到：')).toBeVisible();
  expect((await visitor.request.get(`/topics/${year}/${month}`)).status()).toBe(404);
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已发布，公众现在可以看到它。');
  await visitor.goto(`/topics/${year}/${month}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText(theme);

  // Unpublish with a reason: the public page says withdrawn, when and why.
  const reason = '数据核对中，稍后重新发布';
  await page.getByText('撤回…').click();
  await page.getByLabel('撤回原因（公众可见）').fill(reason);
  await page.getByRole('button', { name: '撤回', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('主题已撤回：公开页面现在显示“已撤回”、日期和原因。');
  const res = await visitor.goto(`/topics/${year}/${month}`);
  expect(res?.status()).toBe(410);
  await expect(visitor.getByText(/^已撤回 · \d{4}年\d{1,2}月\d{1,2}日$/)).toBeVisible();
  await expect(visitor.getByText(`撤回原因：${reason}`)).toBeVisible();
  await visitor.close();
  await context.close();
});

test('a department: task → note → done', async ({ browser }) => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  // Set-up: the city publishes a topic with a task for the department (other suites finish the
  // demo's tasks while this runs).
  const title = `社区食堂选址排查（走查 ${tag}）`;
  {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const editor = await desk.newPage();
    await signIn(editor, 'editor');
    const [year] = await draftTopic(editor, `社区食堂选址（走查 ${tag}）`);
    const form = editor.locator('form', { has: editor.locator('#new-task-title') });
    await form.getByLabel('任务内容').fill(title);
    await form.getByLabel('责任单位').selectOption({ label: '市住房城乡建设委' });
    await form.getByLabel('层级').selectOption('city');
    await form.getByLabel('截止日期').fill(`${year}-12-31`);
    await form.getByRole('button', { name: '添加' }).click();
    await expect(editor.getByRole('status')).toHaveText('已保存。');
    await editor.getByRole('link', { name: '发布…' }).click();
    await editor.getByRole('button', { name: '确认发布' }).click();
    await expect(editor.getByRole('status')).toHaveText('主题已发布，公众现在可以看到它。');
    await desk.close();
  }
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, 'housing');
  // The task is on its desk, not done (its 2023 deadline has passed: 已逾期).
  await expect(page.locator('li.task', { hasText: title }).locator('.task-title')).toContainText('已逾期');
  const mine = () => page.locator('li.task', { hasText: title });
  await mine().getByText('添加进展记录').click();
  await mine().getByLabel('日期', { exact: true }).fill(today);
  await mine().getByLabel('做了什么').fill(`已完成现场排查（走查 ${tag}）`);
  await mine().getByRole('button', { name: '添加进展' }).click();
  await expect(page.getByRole('status')).toHaveText('进展记录已添加。');
  await mine().getByLabel('更新状态').selectOption({ label: '已完成' });
  await mine().getByLabel('完成日期', { exact: true }).fill(today);
  await mine().getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('任务状态已更新。');
  await expect(mine()).toContainText('完成于');
  await expect(mine().locator('.task-title')).toContainText('逾期后完成');
  await context.close();
});

