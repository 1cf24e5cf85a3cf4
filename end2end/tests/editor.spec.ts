import { test, expect, type Browser, type Page } from '@playwright/test';
import * as fs from 'node:fs';

// The city editor's journey (issue 13, points 19–20): draft → preview → publish (asked first)
// → withdraw with a reason. A refused form keeps what was typed and names the clashing record.
// Runs once (its own project): it creates topics in free months. The phone half runs with
// JavaScript off in zh-CN, the desktop half with JavaScript on in English.
const password = process.env.E2E_PASSWORD ?? '';
const shots = process.env.SHOTS_DIR;
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1280, height: 800 } };

type Words = {
  username: string; password: string; signIn: string; year: string; month: string; theme: string; summary: string;
  saveDraft: string; saved: string; publishOpen: string; confirmHeading: string; publicWillSee: string;
  confirm: string; published: string; withdrawOpen: string; reason: string; withdraw: string; withdrawn: string;
  preview: string; previewBanner: string; open: string;
};
const zh: Words = {
  username: '用户名', password: '密码', signIn: '登录', year: '年份', month: '月份', theme: '主题名称', summary: '简介',
  saveDraft: '保存草稿', saved: '主题已保存。', publishOpen: '发布…', confirmHeading: '确认发布',
  publicWillSee: '发布后，公众将看到：', confirm: '确认发布', published: '主题已发布，公众现在可以看到它。',
  withdrawOpen: '撤回…', reason: '撤回原因（公众可见）', withdraw: '撤回',
  withdrawn: '主题已撤回：公开页面现在显示“已撤回”、日期和原因。',
  preview: '预览公开页面', previewBanner: '草稿预览 · 尚未公开', open: '打开它',
};
const en: Words = {
  username: 'Username', password: 'Password', signIn: 'Sign in', year: 'Year', month: 'Month', theme: 'Theme',
  summary: 'Summary', saveDraft: 'Save draft', saved: 'Topic saved.', publishOpen: 'Publish…',
  confirmHeading: 'Confirm publishing', publicWillSee: 'Once published, the public will see:',
  confirm: 'Confirm and publish', published: '', withdrawOpen: 'Withdraw…',
  reason: 'Reason for withdrawing (shown to the public)', withdraw: 'Withdraw',
  withdrawn: 'The topic is withdrawn: its public page now says so, with the date and the reason.',
  preview: 'Preview the public page', previewBanner: 'Draft preview · not public yet', open: 'Open it',
};

async function shot(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${shots}/${name}-top.png` });
}

async function signIn(page: Page, w: Words) {
  await page.goto('/staff/login');
  await page.getByLabel(w.username).fill('editor');
  await page.getByLabel(w.password).fill(password);
  await page.getByRole('button', { name: w.signIn }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

/** A month no other suite uses, with no topic at all yet (the public page answers 404). */
async function freeMonth(page: Page): Promise<[number, number]> {
  for (const year of [2022, 2021, 2020]) {
    for (let m = 1; m <= 12; m++) {
      const api = await page.request.get(`/api/v1/topics/${year}/${m}`);
      const html = await page.request.get(`/topics/${year}/${m}`);
      if (api.status() === 404 && html.status() === 404) return [year, m];
    }
  }
  throw new Error('no free month');
}

async function newTopic(page: Page, w: Words, year: number, month: number, theme: string, summary: string) {
  await page.goto('/staff/topics');
  await page.getByLabel(w.year).selectOption(String(year));
  await page.getByLabel(w.month).selectOption(String(month));
  await page.getByLabel(w.theme).fill(theme);
  await page.getByLabel(w.summary).fill(summary);
  await page.getByRole('button', { name: w.saveDraft }).click();
}

/** Today in Beijing, as the portal writes a day in each language. */
function beijingDay(lang: 'zh' | 'en'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date());
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const [y, m, d] = [get('year'), get('month'), get('day')];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${months[m - 1]} ${y}`;
}

async function publicStatus(browser: Browser, path: string): Promise<number> {
  const visitor = await browser.newContext();
  const res = await visitor.request.get(path);
  await visitor.close();
  return res.status();
}

test('phone, JS off: a duplicate month keeps what was typed and names the clash; a draft previews for its editor only', async ({ browser }) => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, zh);
  const [year, month] = await freeMonth(page);
  const theme = `楼道照明改造（编辑测试 ${Date.now() % 100000}）`;
  await newTopic(page, zh, year, month, theme, '老旧小区楼道灯坏了没人修');
  await expect(page.getByRole('status')).toHaveText(zh.saved);
  const editorUrl = page.url().replace(/\?.*$/, '');

  // The same month again: everything typed stays, the month is named at fault with the clash.
  const typed = '楼道灯改造第二稿（不应丢失）';
  await newTopic(page, zh, year, month, typed, '这段简介也不应丢失');
  const clash = `${year}年${month}月已有主题《${theme}》（草稿），没有保存。`;
  await expect(page.getByRole('alert').first()).toContainText(clash);
  await expect(page.getByLabel(zh.theme)).toHaveValue(typed);
  await expect(page.getByLabel(zh.summary)).toHaveValue('这段简介也不应丢失');
  await expect(page.getByLabel(zh.month)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(zh.month)).toHaveAccessibleDescription(new RegExp(clash.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await shot(page, 'editor-echo-360-zh');
  await page.getByRole('alert').first().getByRole('link', { name: zh.open }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme);

  // 草稿预览: the editor opens the draft's public page; the public still gets 404.
  await page.goto(editorUrl);
  await page.getByRole('link', { name: zh.preview }).click();
  await expect(page.getByText(zh.previewBanner)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme);
  await shot(page, 'editor-preview-360-zh');
  expect(await publicStatus(browser, `/topics/${year}/${month}`)).toBe(404);
  await context.close();
});

test('desktop, JS on: publishing asks first; a withdrawn topic says so with the day and the reason', async ({ browser }) => {
  const context = await browser.newContext({ ...desktop, locale: 'en' });
  const page = await context.newPage();
  await signIn(page, en);
  const [year, month] = await freeMonth(page);
  const theme = `Stairwell lighting (editor test ${Date.now() % 100000})`;
  await newTopic(page, en, year, month, theme, 'Broken stairwell lights in old estates');
  const editorUrl = page.url().replace(/\?.*$/, '');

  // The clash in English too, with the typed theme kept.
  await newTopic(page, en, year, month, 'Second draft that must survive', 'kept');
  await expect(page.getByRole('alert').first()).toContainText(`already has the topic “${theme}” (Draft); nothing was saved.`);
  await expect(page.getByLabel(en.theme)).toHaveValue('Second draft that must survive');
  await shot(page, 'editor-echo-1280-en');

  // 发布 asks first and says what becomes public; nothing is public until confirmed.
  await page.goto(editorUrl);
  await page.getByRole('link', { name: en.publishOpen }).click();
  await expect(page.getByRole('heading', { name: en.confirmHeading })).toBeVisible();
  await expect(page.getByText(en.publicWillSee)).toBeVisible();
  await shot(page, 'editor-confirm-1280-en');
  expect(await publicStatus(browser, `/topics/${year}/${month}`)).toBe(404);
  await page.getByRole('button', { name: en.confirm }).click();
  await expect(page.getByRole('status')).toBeVisible();
  expect(await publicStatus(browser, `/topics/${year}/${month}`)).toBe(200);

  // 撤回 with a reason.
  const reason = 'Merged into the November topic on the same lights';
  await page.getByText(en.withdrawOpen).click();
  await page.getByLabel(en.reason).fill(reason);
  await page.getByRole('button', { name: en.withdraw, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(en.withdrawn);

  const visitor = await browser.newContext({ ...desktop, locale: 'en' });
  const reader = await visitor.newPage();
  const res = await reader.goto(`/topics/${year}/${month}`);
  expect(res?.status()).toBe(410);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(theme);
  await expect(reader.getByText(`Withdrawn · ${beijingDay('en')}`)).toBeVisible();
  await expect(reader.getByText(`Reason: ${reason}`)).toBeVisible();
  await shot(reader, 'editor-withdrawn-1280-en');
  await reader.goto('/search?q=Stairwell');
  await expect(reader.getByText(theme)).toHaveCount(0);
  await visitor.close();

  const zhVisitor = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'zh-CN' });
  const zhReader = await zhVisitor.newPage();
  await zhReader.goto(`/topics/${year}/${month}`);
  await expect(zhReader.getByText(`已撤回 · ${beijingDay('zh')}`)).toBeVisible();
  await expect(zhReader.getByText(`撤回原因：${reason}`)).toBeVisible();
  await shot(zhReader, 'editor-withdrawn-360-zh');
  await zhVisitor.close();
  await context.close();
});

test('phone, JS off: the confirmation step and a refused withdrawal in zh-CN', async ({ browser }) => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, zh);
  const [year, month] = await freeMonth(page);
  const theme = `背街小巷照明（确认测试 ${Date.now() % 100000}）`;
  await newTopic(page, zh, year, month, theme, '确认发布测试');
  await page.getByRole('link', { name: zh.publishOpen }).click();
  await expect(page.getByRole('heading', { name: zh.confirmHeading })).toBeVisible();
  await expect(page.getByText(zh.publicWillSee)).toBeVisible();
  await shot(page, 'editor-confirm-360-zh');
  await page.getByRole('button', { name: zh.confirm }).click();
  await expect(page.getByRole('status')).toHaveText(zh.published);
  // A reason too short comes back filled in, with its message at the field.
  await page.getByText(zh.withdrawOpen).click();
  // Long enough for the browser's own check, but only two characters once trimmed.
  await page.getByLabel(zh.reason).fill('   重复   ');
  await page.getByRole('button', { name: zh.withdraw, exact: true }).click();
  await expect(page.getByLabel(zh.reason)).toHaveValue('   重复   ');
  await expect(page.getByLabel(zh.reason)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').first()).toContainText('请写明撤回原因');
  await context.close();
});

test('phone, JS off: a draft policy previews for its editor only, from the desk and from its own page', async ({ browser }) => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, zh);
  const title = `关于楼道照明的实施意见（编辑测试 ${Date.now() % 100000}）`;
  const form = page.locator('form', { has: page.getByLabel('政策标题') });
  await form.getByLabel('政策标题').fill(title);
  await form.getByLabel('发布机关').selectOption({ label: '市住房城乡建设委' });
  await form.getByRole('button', { name: zh.saveDraft }).click();
  await expect(page.getByRole('status')).toHaveText('草稿已保存，发布前公众看不到。');
  const card = page.getByRole('listitem').filter({ hasText: title });
  await expect(card.getByText('草稿', { exact: true })).toBeVisible();
  await card.getByRole('link', { name: zh.preview }).click();
  await expect(page.getByText(zh.previewBanner)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await shot(page, 'editor-policy-preview-360-zh');
  const path = new URL(page.url()).pathname;
  expect(await publicStatus(browser, path)).toBe(404);
  // The policy's own editing page offers the same preview.
  await page.getByRole('link', { name: '回到编辑页' }).click();
  await page.getByRole('link', { name: zh.preview }).click();
  await expect(page.getByText(zh.previewBanner)).toBeVisible();
  await context.close();
});
