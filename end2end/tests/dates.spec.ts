import { test, expect, type Page } from '@playwright/test';

// Every date and time a person sees is Beijing time (Asia/Shanghai, UTC+8 all year), in the
// reader's language; "this month" is the Beijing calendar month (issue 13, points 5–7).
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** The Beijing calendar date `offsetDays` from now, as [year, month, day]. */
function beijingDay(offsetDays: number): [number, number, number] {
  const d = new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
const iso = ([y, m, d]: [number, number, number]) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const zh = ([y, m, d]: [number, number, number]) => `${y}年${m}月${d}日`;
const en = ([y, m, d]: [number, number, number]) => `${d} ${EN_MONTHS[m - 1]} ${y}`;

async function signIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

async function english(page: Page) {
  await page.context().addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
}

test('a cycle opening at midnight Beijing time shows the days the editor typed, in both languages', async ({ page }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  // Opening at 00:00 in Beijing is 16:00 UTC the day before: the old pages showed that day.
  const opens = beijingDay(5);
  const last = beijingDay(20);
  const title = `日期测试 ${Date.now() % 100000}`;
  await signIn(page, 'editor');
  await page.goto('/staff/cycles');
  await page.getByLabel('网址名').fill(`dates-${Date.now() % 100000}`);
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByLabel('结果用于').fill('日期显示的测试');
  await page.getByLabel('开始日期（北京时间零点）').fill(iso(opens));
  await page.getByLabel('投票最后一天（当天24点截止，北京时间）').fill(iso(last));
  await page.getByLabel('每人最多选几项').fill('2');
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  const card = page.locator('li.card', { hasText: title });
  await expect(card).toContainText(`${zh(opens)} → ${zh(last)} 24:00`);

  await page.goto('/vote');
  const listed = page.getByRole('listitem').filter({ hasText: title });
  await expect(listed).toContainText(`${zh(opens)} 开始投票`);
  await expect(listed).not.toContainText(iso(beijingDay(4)));

  await english(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/vote');
  await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText(`Voting opens ${en(opens)}`);
});

test('the home page calls a topic "this month\'s" only in its Beijing month', async ({ page }) => {
  const [y, m] = beijingDay(0);
  const thisMonth = await page.request.get(`/topics/${y}/${m}`);
  await page.goto('/');
  if (thisMonth.status() === 200) {
    await expect(page.getByText(`${y}年${m}月 · 本月主题`)).toBeVisible();
  } else {
    // The new month has no topic yet: say so, and show the latest one as the latest.
    await expect(page.getByText(`${y}年${m}月的主题还没有公布。`)).toBeVisible();
    await expect(page.getByText(/最近一期主题 · \d{4}年\d{1,2}月/)).toBeVisible();
    await expect(page.getByText(/· 本月主题/)).toHaveCount(0);
  }
});

test('English pages name months as English does', async ({ page }) => {
  await page.goto('/');
  await english(page);
  await page.goto('/topics/2026/11');
  await expect(page.getByText('November 2026').first()).toBeVisible();
  await expect(page.getByText(/Month \d+/)).toHaveCount(0);
});

test('the audit log shows Beijing date and time, not raw UTC', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/staff/audit');
  const times = page.locator('time');
  await expect(times.first()).toBeVisible();
  for (const time of (await times.all()).slice(0, 5)) {
    const machine = (await time.getAttribute('datetime')) ?? '';
    const shown = (await time.textContent()) ?? '';
    expect(shown).not.toMatch(/T\d\d:\d\d/);
    const at = new Date(Date.parse(machine) + 8 * 3_600_000);
    const hh = String(at.getUTCHours()).padStart(2, '0');
    const mm = String(at.getUTCMinutes()).padStart(2, '0');
    expect(shown).toBe(`${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${hh}:${mm}`);
  }
});
