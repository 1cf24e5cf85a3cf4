import { test, expect, type Browser, type Page } from '@playwright/test';

// Issue 13, honest data: provenance is per item. What an editor enters without a source reads
// 官方发布 (or 暂无来源), never 已证实; reposts read 转载（待核实）; the second facts batch shows on
// problem pages; and a crawl of every public page and the API finds no 已证实 item without a
// source of its own. Accounts come from scripts/test.sh. Changes shared data: runs once.
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });

const sizes = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

async function signIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

/** A 2026 month with no topic (public or draft), so the test can run again on one database. */
async function freeMonth(page: Page): Promise<number> {
  for (let m = 1; m <= 10; m++) {
    if ((await page.request.get(`/api/v1/topics/2026/${m}`)).status() !== 404) continue;
    if ((await page.request.get(`/topics/2026/${m}`)).status() === 404) return m;
  }
  throw new Error('no free month in 2026');
}

async function english(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: sizes[1] });
  return context.newPage();
}

let policyPath = '';
let problemPath = '';

test("an editor's policy without a source reads 官方发布 with its issuer and date, never 已证实", async ({ page, browser }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  const title = `关于冬季供暖投诉快速处置的通知（来源测试 ${Date.now()}）`;
  await signIn(page, 'editor');
  await page.getByLabel('政策标题').fill(title);
  await page.getByLabel('发布机关').selectOption({ label: '市城市管理委' });
  await page.getByLabel('印发').fill('2026-11-26');
  await page.getByLabel('所属主题', { exact: true }).selectOption({ value: '2026-11' });
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.locator('li', { hasText: title }).getByRole('button', { name: '发布…' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toHaveText('政策已发布。');

  const visitor = await browser.newPage();
  await visitor.goto('/topics/2026/11');
  const row = visitor.getByRole('listitem').filter({ has: visitor.getByRole('link', { name: title }) });
  await expect(row).toContainText('官方发布');
  await expect(row).not.toContainText('已证实');
  await row.getByRole('link', { name: title }).click();
  policyPath = new URL(visitor.url()).pathname;
  for (const size of sizes) {
    await visitor.setViewportSize(size);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(visitor.getByText('官方发布：市城市管理委，2026年11月26日')).toBeVisible();
    await expect(visitor.getByRole('main')).not.toContainText('已证实');
    await expect(visitor.getByRole('main')).not.toContainText('暂无来源');
  }
  await visitor.close();

  const en = await english(browser);
  await en.goto(policyPath);
  await expect(en.getByText('Published by 市城市管理委, 26 November 2026')).toBeVisible();
  await expect(en.getByRole('main')).not.toContainText('Confirmed');
  await en.context().close();

  const api = await (await page.request.get(`/api/v1${policyPath}`)).json();
  expect(api.confidence).toBe('official');
  expect(api.published).toEqual({ department: '市城市管理委', date: '2026-11-26' });
  const csv = await (await page.request.get('/api/v1/topics/2026/11/policies.csv')).text();
  const line = csv.split('\n').find((l) => l.includes(title)) ?? '';
  expect(line).toContain(',official,');
  expect(line).toContain('市城市管理委,2026-11-26');
});

test("an editor's problem does not borrow the year's source, and its chart names its own", async ({ page, browser }) => {
  await signIn(page, 'editor');
  const month = await freeMonth(page);
  const theme = `背街小巷照明（来源测试 ${Date.now()}）`;
  const problem = `背街小巷路灯不亮（${Date.now()}）`;
  await page.getByRole('link', { name: '主题编辑' }).click();
  await page.getByLabel('年份').selectOption('2026');
  await page.getByLabel('月份').selectOption(String(month));
  await page.getByLabel('主题名称').fill(theme);
  await page.getByLabel('简介').fill('路灯不亮，夜里出行不便');
  await page.getByLabel('牵头部门').selectOption({ label: '市城市管理委' });
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已保存。');
  await page.getByLabel('新增问题').fill(problem);
  await page.getByRole('button', { name: '添加' }).first().click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  // Publishing asks first (issue 13, point 20): 发布… opens the confirmation.
  await page.getByRole('link', { name: '发布…' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已发布，公众现在可以看到它。');

  const topic = await (await page.request.get(`/api/v1/topics/2026/${month}`)).json();
  const id = topic.problems.find((p: any) => p.problem.title === problem).problem.id;
  problemPath = `/problems/${id}`;
  const visitor = await browser.newPage();
  await visitor.goto(problemPath);
  for (const size of sizes) {
    await visitor.setViewportSize(size);
    await expect(visitor.getByRole('heading', { level: 1 })).toContainText('官方发布');
    await expect(visitor.getByRole('main')).not.toContainText('已证实');
    await expect(visitor.getByText(/^官方发布：市城市管理委，\d{4}年\d{1,2}月\d{1,2}日$/)).toBeVisible();
    // The year's list is context behind a disclosure, never shown as this problem's source.
    await expect(visitor.getByRole('link', { name: 'beijing.qianlong.com' })).toBeHidden();
  }
  await visitor.goto(`/charts/topic-2026-${String(month).padStart(2, '0')}-tasks`);
  const sourceLine = visitor.getByText(/^来源：/).first();
  await expect(sourceLine).not.toContainText(/来源：\s*·/);
  await expect(visitor.getByRole('link', { name: `市城市管理委：${theme}` }).first()).toBeVisible();
  await visitor.close();
});

test('a repost reads 转载（待核实） with the outlet it credits, after the primary pages', async ({ page, browser }) => {
  await page.goto('/years/2022');
  await page.getByRole('link', { name: '下水管道堵塞', exact: true }).click();
  for (const size of sizes) {
    await page.setViewportSize(size);
    const policy = page.getByRole('listitem').filter({ hasText: '住宅楼内下水管道堵塞维修工作的指导意见' });
    await expect(policy.getByText('转载（待核实） · 原载：北京日报客户端 2022-10-08 (记者鹿杨)').first()).toBeVisible();
    await expect(policy.getByRole('link', { name: '市住建委:楼内下水管道堵塞维修纳入社区治理体系' })).toBeVisible();
    // No English label inside the Chinese page.
    await expect(page.getByRole('main')).not.toContainText(/\brepost\b/);
  }
  await page.goto('/years/2024');
  await expect(page.getByText('转载（待核实）').first()).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/\brepost\b/);

  const en = await english(browser);
  await en.goto('/years/2024');
  await expect(en.getByText('repost (unverified)').first()).toBeVisible();
  await en.context().close();
});

test('problem pages show the lead department, policies and outcomes the sources report, with confidence', async ({ page }) => {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.goto('/years/2024');
    await page.getByRole('link', { name: '公园管理服务优化', exact: true }).click();
    await expect(page.getByRole('heading', { name: '来源所载' })).toBeVisible();
    const lead = page.getByRole('listitem').filter({ hasText: '北京市园林绿化局' }).first();
    await expect(lead).toContainText('推断');
    await expect(page.getByText('北京市公园管理服务优化问题“每月一题”实施方案').first()).toBeVisible();

    // Conflicting figures: both listed with their own sources, and the note says how they differ.
    await page.goto('/years/2024');
    await page.getByRole('link', { name: '校园周边交通综合治理', exact: true }).click();
    const xinhua = page.getByRole('listitem').filter({ hasText: 'Over 300 tailor-made school bus routes' });
    const renmin = page.getByRole('listitem').filter({ hasText: '294条通学公交' }).first();
    await expect(xinhua.getByRole('link').first()).toBeVisible();
    await expect(renmin.getByRole('link').first()).toBeVisible();
    await expect(page.getByText(/^CONFLICT: Xinhua/).first()).toBeVisible();
  }
});

/** Every 已证实 badge on a page, and whether the item it labels shows a source of its own. */
async function confirmedItems(page: Page) {
  return page.evaluate(() => {
    const out: { text: string; ok: boolean; detail: string | null }[] = [];
    for (const badge of Array.from(document.querySelectorAll('.badge'))) {
      if (badge.textContent?.trim() !== '已证实' || badge.closest('dl.legend')) continue;
      const item = badge.closest('li, header, article, main');
      if (!item) continue;
      // The item's own source list (labelled 来源), with an address that is not a repost.
      const own = Array.from(item.querySelectorAll('.sources')).filter(
        (list) => list.querySelector('.sources-label')?.textContent?.trim() === '来源' && list.closest('li, header, article, main') === item,
      );
      const ok = own.some((list) =>
        Array.from(list.querySelectorAll('li')).some(
          (li) => li.querySelector('a[href^="http"]') && !li.textContent?.includes('转载（待核实）'),
        ),
      );
      const link = item.querySelector('a[href^="/problems/"], a[href^="/policies/"]');
      out.push({ text: (item.textContent ?? '').trim().slice(0, 60), ok, detail: link?.getAttribute('href') ?? null });
    }
    return out;
  });
}

test('no item on any public page or in the API is 已证实 without a source of its own', async ({ browser }) => {
  test.setTimeout(240_000);
  expect(policyPath && problemPath, 'the editor tests above ran').toBeTruthy();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: sizes[0] });
  const page = await context.newPage();
  const queue = ['/', policyPath, problemPath, '/about', '/archive', '/charts', '/hotline', '/vote', '/search?q=电梯'];
  const seen = new Set<string>();
  const failures: string[] = [];
  let confirmed = 0;
  const publicPath = /^\/(years|problems|policies|topics|departments|about|archive|charts|hotline|vote|search)?(\/|$|\?)/;
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(path, { waitUntil: 'domcontentloaded' });
    if (!res || res.status() !== 200 || !(res.headers()['content-type'] ?? '').includes('text/html')) continue;
    for (const item of await confirmedItems(page)) {
      confirmed += 1;
      // A list entry may point to the detail page that carries the source; that page is crawled.
      if (!item.ok && !item.detail) failures.push(`${path}: 已证实 without its own source: ${item.text}`);
      if (!item.ok && item.detail) queue.push(item.detail);
    }
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      const clean = href.split('#')[0];
      const wanted = /^\/(problems|policies)\/\d+$/.test(clean) || (publicPath.test(clean) && !clean.includes('.'));
      if (wanted && !seen.has(clean)) queue.push(clean);
    }
  }
  await context.close();
  expect(failures).toEqual([]);
  expect(seen.size).toBeGreaterThan(60);
  expect(confirmed).toBeGreaterThan(10);
  for (const must of [policyPath, problemPath, '/years/2024']) expect(seen.has(must)).toBe(true);

  // The API: every object whose confidence is confirmed carries a primary source (or is a
  // problem summary whose record does).
  const request = (await browser.newContext()).request;
  const problems = new Set<number>();
  const bad: string[] = [];
  const walk = (value: any, where: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const primary = (sources: any[]) => sources.some((s: any) => s.url && s.kind === 'primary');
    // A problem record: its summary's confidence against the record's own sources.
    if (value.problem?.confidence === 'confirmed' && Array.isArray(value.sources) && !primary(value.sources)) {
      bad.push(`${where}: ${value.problem.title}`);
    }
    if (value.confidence === 'confirmed') {
      if (Array.isArray(value.sources)) {
        if (!primary(value.sources)) bad.push(`${where}: ${value.title ?? value.text}`);
      } else if (typeof value.id === 'number') {
        problems.add(value.id);
      } else {
        bad.push(`${where}: confirmed with no sources field`);
      }
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  const years = await (await request.get('/api/v1/years')).json();
  walk(years, '/api/v1/years');
  for (const y of years) {
    const detail = await (await request.get(`/api/v1/years/${y.year}`)).json();
    walk(detail, `/api/v1/years/${y.year}`);
    detail.problems.forEach((p: any) => problems.add(p.id));
  }
  for (const path of seen) {
    const topic = /^\/topics\/(\d{4})\/(\d{1,2})$/.exec(path);
    if (topic) walk(await (await request.get(`/api/v1${path}`)).json(), `/api/v1${path}`);
  }
  for (const id of problems) walk(await (await request.get(`/api/v1/problems/${id}`)).json(), `/api/v1/problems/${id}`);
  walk(await (await request.get(`/api/v1${policyPath}`)).json(), `/api/v1${policyPath}`);
  expect(bad).toEqual([]);
  // The crawl reached the problems of every year (53 linked from the public pages today).
  expect(problems.size).toBeGreaterThan(45);
});
