import { test, expect, type Page } from '@playwright/test';

// The city editor opens a cycle today (issue 13, point 24): a cycle whose start date is today can
// be created, waits while its candidates go in, opens on a deliberate 现在开始投票, and its public
// page never calls a not-yet-open list 最终结果. On a phone with JavaScript off; the English
// check runs at 1280 px.
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: false });

/** The Beijing calendar date `offsetDays` from now, as YYYY-MM-DD. */
function beijingIso(offsetDays: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const slug = `today-${Date.now() % 100000}`;
const title = `今天开始的征集 ${slug}`;

async function signIn(page: Page) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill('editor');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

test('an editor creates a cycle that starts today and it waits for its candidates', async ({ page }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  await signIn(page);
  await page.goto('/staff/cycles');
  await expect(page.getByText('开始日期可以选今天')).toBeVisible();
  await page.getByLabel('网址名').fill(slug);
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByLabel('结果用于').fill('2027 年度问题清单');
  await page.getByLabel('开始日期（北京时间零点）').fill(beijingIso(0));
  // Far off, so the demo's open cycle stays the one closing soonest for the other suites.
  await page.getByLabel('投票最后一天（当天24点截止，北京时间）').fill(beijingIso(330));
  await page.getByLabel('每人最多选几项').fill('1');
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(card.getByText('开始日期是今天，投票还没有开始')).toBeVisible();

  // The public page: candidates on offer, not "final results".
  await page.goto(`/vote/${slug}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('今天开始投票')).toBeVisible();
  await expect(page.getByRole('heading', { name: '候选议题', level: 2 })).toBeVisible();
  await expect(page.getByText('最终结果')).toHaveCount(0);
  await expect(page.getByText('投票还没有开始')).toBeVisible();
});

test('a refused cycle comes back as typed, the start date marked (JS off)', async ({ page }) => {
  await signIn(page);
  await page.goto('/staff/cycles');
  const typed = { slug: `past-${slug}`, title: '昨天开始的征集（不会保存）', target: '测试' };
  await page.getByLabel('网址名').fill(typed.slug);
  await page.getByLabel('标题', { exact: true }).fill(typed.title);
  await page.getByLabel('结果用于').fill(typed.target);
  await page.getByLabel('开始日期（北京时间零点）').fill(beijingIso(-1));
  await page.getByLabel('投票最后一天（当天24点截止，北京时间）').fill(beijingIso(20));
  await page.getByRole('button', { name: '创建' }).click();
  const opens = page.getByLabel('开始日期（北京时间零点）');
  await expect(opens).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('开始日期已经过去了').first()).toBeVisible();
  await expect(opens).toHaveValue(beijingIso(-1));
  await expect(page.getByLabel('网址名')).toHaveValue(typed.slug);
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(typed.title);
  await expect(page.getByLabel('结果用于')).toHaveValue(typed.target);
});

test('the not-yet-open page reads right in English at 1280 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: test.info().project.use.baseURL });
  const origin = test.info().project.use.baseURL ?? 'http://127.0.0.1:3000';
  await context.addCookies([{ name: 'lang', value: 'en', url: origin }]);
  const page = await context.newPage();
  await page.goto(`/vote/${slug}`);
  await expect(page.getByRole('heading', { name: 'Candidates', level: 2 })).toBeVisible();
  await expect(page.getByText('Final result')).toHaveCount(0);
  await expect(page.getByText('Voting opens today')).toBeVisible();
  await context.close();
});

test('the editor adds candidates, then opens voting on purpose', async ({ page }) => {
  await signIn(page);
  await page.goto('/staff/cycles');
  const card = () => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  for (const [name, about] of [['社区食堂开到小区门口', '老人吃饭难，希望就近有食堂'], ['楼道灯坏了没人修', '老楼楼道灯长期不亮']]) {
    // The add form (each candidate already added has its own 修改或撤下… form too).
    const add = card().locator('details', { has: page.getByText('添加候选议题') });
    await add.getByText('添加候选议题').click();
    await add.getByLabel('候选议题', { exact: true }).fill(name);
    await add.getByLabel('说明').fill(about);
    await add.getByRole('button', { name: '添加' }).click();
    await expect(page.getByRole('status')).toHaveText('已保存。');
  }
  await expect(card().getByRole('checkbox', { name: /我已核对候选议题（2 项）/ })).toBeVisible();
  await card().getByRole('checkbox', { name: /我已核对候选议题/ }).check();
  await card().getByRole('button', { name: '现在开始投票' }).click();
  await expect(page.getByRole('status')).toContainText('投票已经开始');
  // Open now: the card no longer offers to add candidates or to open again.
  await expect(card().getByText('添加候选议题')).toHaveCount(0);
  await expect(card().getByRole('button', { name: '现在开始投票' })).toHaveCount(0);

  // A resident now sees a ballot with the two candidates.
  const visitor = await page.context().browser()!.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  await visitor.goto(`/vote/${slug}`);
  // The ballot's status first (the live chart's title says it too).
  await expect(visitor.getByText(/投票进行中/).first()).toBeVisible();
  await expect(visitor.getByRole('checkbox', { name: /社区食堂开到小区门口/ })).toBeVisible();
  await expect(visitor.getByRole('checkbox', { name: /楼道灯坏了没人修/ })).toBeVisible();
  await visitor.close();
});
