import { test, expect, type Page, type Browser } from '@playwright/test';
import * as fs from 'node:fs';

// Who may speak for whom (issue 13, points 21–23): cooperating departments on a topic, a level
// that fits the body, reports posted as a body from the list and said who posted them, an
// editor granted the moderation permission, a phone number redacted, and a bulk import that reads
// 2026/12/20 and 市住建委 and suggests a name for an unknown one. Accounts come from
// scripts/test.sh; the spec opens its own editor account and its own topic, in a month searched
// from January 2022 (the department and editing suites search elsewhere).
const password = process.env.E2E_PASSWORD ?? '';
const shots = process.env.SHOTS_DIR;
const tag = String(Date.now() % 100000);
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);
test.use({ actionTimeout: 10_000 });

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1280, height: 800 } };

async function open(browser: Browser, size: 'phone' | 'desktop', js: boolean, lang = 'zh-CN') {
  const context = await browser.newContext({ ...(size === 'phone' ? phone : desktop), javaScriptEnabled: js, locale: lang });
  if (lang === 'en') {
    await context.addCookies([{ name: 'lang', value: 'en', url: process.env.BASE_URL ?? 'http://127.0.0.1:3000' }]);
  }
  return context.newPage();
}

async function shot(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string) {
  await page.context().clearCookies({ name: 'dianca_staff' }).catch(() => page.context().clearCookies());
  await page.goto('/staff/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

async function freeMonth(page: Page): Promise<[number, number]> {
  // From the end of 2021 down: the editor suite takes 2022 from January, in parallel.
  for (const year of [2021, 2022]) {
    for (let m = 12; m >= 1; m--) {
      const res = await page.request.get(`/api/v1/topics/${year}/${m}`);
      if (res.status() === 404 && (await page.request.get(`/topics/${year}/${m}`)).status() === 404) return [year, m];
    }
  }
  throw new Error('no free month');
}

const lead = '市城市管理委';
const cooperating = ['市住房城乡建设委', '市发展改革委'];
let topic = { year: 0, month: 0, id: '', theme: '' };

test('21a: an editor sets cooperating departments and the public topic page and API show them (360 px, JS off)', async ({ browser }) => {
  expect(password, 'E2E_PASSWORD is set by scripts/test.sh').not.toBe('');
  const page = await open(browser, 'phone', false);
  await signIn(page, 'editor');
  const [year, month] = await freeMonth(page);
  const theme = `老楼加装扶手（角色测试 ${tag}）`;
  await page.goto('/staff/topics');
  await page.getByLabel('年份').selectOption(String(year));
  await page.getByLabel('月份').selectOption(String(month));
  await page.getByLabel('主题名称').fill(theme);
  await page.getByLabel('简介').fill('老楼楼梯没有扶手，老人上下楼难');
  await page.getByLabel('牵头部门').selectOption({ label: lead });
  await page.getByLabel('一方案：解决方案').fill('逐栋排查，加装扶手');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toHaveText('主题已保存。');
  const id = page.url().match(/\/staff\/topics\/(\d+)/)?.[1] ?? '';
  expect(id).not.toBe('');

  const section = page.locator('section', { has: page.getByRole('heading', { name: '配合部门' }) });
  for (const name of cooperating) await section.getByLabel(name, { exact: true }).check();
  await section.getByRole('button', { name: '保存配合部门' }).click();
  await expect(page.getByRole('status')).toHaveText('配合部门已保存。');
  for (const name of cooperating) await expect(section.getByLabel(name, { exact: true })).toBeChecked();
  // Publishing asks first (发布… → 确认发布).
  await page.getByRole('link', { name: '发布…' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByRole('status')).toContainText('主题已发布');
  topic = { year, month, id, theme };

  const visitor = await open(browser, 'phone', false);
  await visitor.goto(`/topics/${year}/${month}`);
  const facts = visitor.locator('dl.facts');
  await expect(facts.getByText('牵头部门')).toBeVisible();
  await expect(facts.getByRole('link', { name: lead })).toBeVisible();
  for (const name of cooperating) await expect(facts.getByRole('link', { name })).toBeVisible();
  await shot(visitor, 'topic-cooperating-360-zh');
  const api = await (await visitor.request.get(`/api/v1/topics/${year}/${month}`)).json();
  expect(api.topic.cooperating.map((d: { name: string }) => d.name).sort()).toEqual([...cooperating].sort());
  const en = await open(browser, 'desktop', true, 'en');
  await en.goto(`/topics/${year}/${month}`);
  await expect(en.getByText('Cooperating departments')).toBeVisible();
  await shot(en, 'topic-cooperating-1280-en');
});

for (const [size, js] of [['phone', false], ['desktop', true]] as const) {
  test(`21b: a street level for a district government is refused, naming the field (${size}, JS ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const page = await open(browser, size, js);
    await signIn(page, 'editor');
    await page.goto(`/staff/topics/${topic.id}`);
    const form = page.locator('form', { has: page.locator('#new-task-title') });
    await form.getByLabel('任务内容').fill(`入户安装扶手（${size}）`);
    await form.getByLabel('责任单位').selectOption({ label: '朝阳区政府' });
    await form.getByLabel('层级').selectOption({ label: '街道（乡镇）级' });
    await form.getByLabel('截止日期').fill(`${topic.year}-${String(topic.month).padStart(2, '0')}-20`);
    await form.getByRole('button', { name: '添加' }).click();
    // The message is at the top and at the field itself (表单回填).
    await expect(page.getByRole('alert').first()).toContainText('层级与责任单位不符');
    await expect(page.getByRole('alert').first()).toContainText('区政府');
    // The district level is accepted.
    const again = page.locator('form', { has: page.locator('#new-task-title') });
    await again.getByLabel('任务内容').fill(`入户安装扶手（${size}）`);
    await again.getByLabel('责任单位').selectOption({ label: '朝阳区政府' });
    await again.getByLabel('层级').selectOption({ label: '区级' });
    await again.getByLabel('截止日期').fill(`${topic.year}-${String(topic.month).padStart(2, '0')}-20`);
    await again.getByRole('button', { name: '添加' }).click();
    await expect(page.getByRole('status')).toHaveText('已保存。');
  });
}

test('21c: an editor cannot post supervision as 市政协; a progress report says who posted it (1280 px, JS on; 360 px en)', async ({ browser }) => {
  const page = await open(browser, 'desktop', true);
  await signIn(page, 'editor');
  const form = page.locator('form', { has: page.locator('#r-author') });
  const fill = async (kind: string, author: string, title: string) => {
    await form.getByLabel('报告所属主题').selectOption(`${topic.year}-${topic.month}`);
    await form.getByLabel('类型').selectOption(kind);
    await form.getByLabel('日期').fill(`${topic.year}-${String(topic.month).padStart(2, '0')}-25`);
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('发布单位').selectOption({ label: author });
    await form.getByLabel('正文').fill('已完成第一批楼栋排查。');
    await form.getByRole('button', { name: '发布', exact: true }).click();
  };
  await expect(form.getByText('监督记录只能由人大、政协等监督机构发布')).toBeVisible();
  await fill('supervision', '市政协', `政协视察意见（${tag}）`);
  await expect(page.getByRole('alert').first()).toContainText('发布单位不符合您的权限');
  await fill('progress', '市政协', `政协代发进展（${tag}）`);
  await expect(page.getByRole('alert').first()).toContainText('发布单位不符合您的权限');
  await fill('progress', lead, `第一批扶手排查完成（${tag}）`);
  await expect(page.getByRole('status')).toHaveText(/已发布|发布/);

  const visitor = await open(browser, 'phone', false);
  await visitor.goto(`/topics/${topic.year}/${topic.month}`);
  const entry = visitor.locator('.timeline li', { hasText: `第一批扶手排查完成（${tag}）` });
  await expect(entry).toContainText(`发布：${lead}`);
  await expect(entry).toContainText('编辑账号代为录入');
  await expect(entry).not.toContainText('editor');
  await expect(visitor.getByText(`政协视察意见（${tag}）`)).toHaveCount(0);
  await shot(visitor, 'report-poster-360-zh');
  const en = await open(browser, 'desktop', true, 'en');
  await en.goto(`/topics/${topic.year}/${topic.month}`);
  await expect(en.locator('.timeline li', { hasText: `第一批扶手排查完成（${tag}）` })).toContainText('entered by an editor account');
  await shot(en, 'report-poster-1280-en');
});

const reviewer = `reviewer${tag}`;
const phoneNumber = '138 1234 5678';
const suggestionTitle = `楼道扶手松了${tag}`;

test('22: an admin grants an editor the moderation permission; the editor redacts a phone number and the public never sees it', async ({ browser }) => {
  // A resident suggests, with her phone number in the text (360 px, JS off).
  const resident = await open(browser, 'phone', false);
  await resident.goto('/suggest');
  await resident.getByLabel('问题（一句话）').fill(suggestionTitle);
  await resident.getByLabel('具体情况').fill(`三号楼扶手松动，有事请打我电话 ${phoneNumber}，谢谢。`);
  await resident.getByLabel('所在区').selectOption('朝阳区');
  await resident.getByLabel('类别').selectOption('住房与物业');
  await resident.getByRole('button', { name: '提交建议' }).click();
  await expect(resident.getByRole('status')).toContainText('已收到您的建议');

  // A new editor account is refused moderation...
  const admin = await open(browser, 'desktop', true);
  await signIn(admin, 'admin');
  await admin.goto('/staff/accounts');
  await admin.getByLabel('用户名').fill(reviewer);
  await admin.getByLabel('姓名').fill('审核测试编辑');
  await admin.getByLabel('角色').selectOption({ label: '编辑' });
  await admin.getByLabel('初始密码').fill(password);
  await admin.getByRole('button', { name: '开通', exact: true }).click();
  await expect(admin.getByRole('status')).toHaveText('账号已开通。');
  const editor = await open(browser, 'phone', false);
  await signIn(editor, reviewer);
  const refused = await editor.goto('/staff/moderation');
  expect(refused?.status()).toBe(403);
  await expect(editor.getByRole('alert')).toContainText('您没有权限');

  // ... until the admin grants the permission (audited).
  const row = admin.locator('li', { hasText: `(${reviewer})` });
  await expect(row).toContainText('未授予审核职责');
  await row.getByRole('button', { name: '授予审核职责' }).click();
  await expect(admin.getByRole('status')).toContainText('审核职责已更新');
  await expect(admin.locator('li', { hasText: `(${reviewer})` })).toContainText('已授予审核职责');
  await shot(admin, 'accounts-1280-zh');
  await admin.goto('/staff/audit');
  await expect(admin.getByText('staff.grant').first()).toBeVisible();

  // The editor now moderates, and the phone number is pointed out.
  await editor.goto('/staff/moderation');
  const card = editor.locator('li.card', { hasText: suggestionTitle }).first();
  await expect(card.getByText(`好像有电话号码：${phoneNumber}`)).toBeVisible();
  await shot(editor, 'moderation-hint-360-zh');
  await expect(card.getByLabel('要隐去的原文（例如电话号码）')).toHaveValue(phoneNumber);
  await card.getByRole('button', { name: '隐去', exact: true }).click();
  await expect(editor.getByRole('status')).toContainText('已隐去');
  const redacted = editor.locator('li.card', { hasText: suggestionTitle }).first();
  await expect(redacted).toContainText('【已隐去】');
  await expect(redacted.locator('p', { hasText: '三号楼' }).first()).not.toContainText(phoneNumber);
  // The original is kept in the staff-only history.
  const history = editor.locator('section', { has: editor.getByRole('heading', { name: '隐去记录（仅工作人员可见）' }) });
  await expect(history).toContainText(phoneNumber);
  await redacted.getByRole('button', { name: '公开', exact: true }).click();
  await expect(editor.getByRole('status')).toBeVisible();
  await shot(editor, 'moderation-redacted-360-zh');
  const en = await open(browser, 'desktop', true, 'en');
  await signIn(en, reviewer);
  await en.goto('/staff/moderation');
  await shot(en, 'moderation-1280-en');

  // The public reads the redacted text only.
  await resident.goto('/suggest');
  await expect(resident.getByText(suggestionTitle).first()).toBeVisible();
  await expect(resident.locator('body')).not.toContainText(phoneNumber);
  const api = await resident.request.get('/api/v1/suggestions');
  if (api.ok()) expect(await api.text()).not.toContain('5678');

  // Revoking takes the permission away again.
  await admin.goto('/staff/accounts');
  await admin.locator('li', { hasText: `(${reviewer})` }).getByRole('button', { name: '收回审核职责' }).click();
  await expect(admin.locator('li', { hasText: `(${reviewer})` })).toContainText('未授予审核职责');
  expect((await editor.goto('/staff/moderation'))?.status()).toBe(403);
});

for (const [size, js, lang] of [['phone', false, 'zh-CN'], ['desktop', true, 'en']] as const) {
  test(`23: import reads 2026/12/20 and 市住建委 and suggests a name for an unknown one (${size}, JS ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const page = await open(browser, size, js, lang);
    await signIn(page, 'editor');
    const paste = async (content: string) => {
      await page.goto('/staff');
      const form = page.locator('form', { has: page.locator('#i-content') });
      await form.locator('#i-topic').selectOption(`${topic.year}-${topic.month}`);
      await form.locator('#i-kind').selectOption('tasks');
      await form.locator('#i-content').fill(content);
      await form.getByRole('button').click();
      await expect(page).toHaveURL(/\/staff\/import\/\d+/);
    };
    await paste('任务\t责任单位\t层级\t完成时限\t状态\n制定扶手改造计划\t市住建委\t市级\t2026/12/20\t未开始\n排查楼栋\t市城管委\t市级\t2026年1月5日\t进行中\n');
    const table = page.getByRole('table');
    await expect(table).toContainText('市住房城乡建设委');
    await expect(table).toContainText('2026-12-20');
    await expect(table).toContainText('2026-01-05');
    await expect(page.getByRole('button', { name: /确认导入|Confirm/ })).toBeVisible();
    await shot(page, `import-ok-${size}-${lang}`);
    await paste('任务\t责任单位\t层级\t完成时限\t状态\n制定扶手改造计划\t市住建局\t市级\t2026.12.20\t未开始\n');
    await expect(page.getByRole('alert')).toContainText(lang === 'en' ? 'Did you mean: 市住房城乡建设委' : '您是不是要找：市住房城乡建设委');
    await shot(page, `import-suggestion-${size}-${lang}`);
  });
}
