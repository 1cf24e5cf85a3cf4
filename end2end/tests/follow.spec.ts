import { test, expect, type Browser, type Page } from '@playwright/test';
import { link, mailsTo, type Mail } from './mail';

// 关注 by mail, end to end through a real SMTP server (issue 33 acceptance): a resident leaves her
// address with a suggestion → the confirmation mail arrives → she confirms → a moderator
// publishes it → the notice arrives → one-click unsubscribe → the moderator promotes it → no
// more mail. At 360 px and 1280 px, JavaScript on and off, in Chinese and English. The mails
// are read from the folder scripts/test-smtp.py writes (E2E_MAIL_DIR, scripts/e2e-server.sh).
// It adds suggestions and candidates, so it runs once (project follow-once).
const password = process.env.E2E_PASSWORD ?? '';
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);
const tag = `${Date.now() % 100000}`;

async function nthMail(address: string, n: number): Promise<Mail> {
  await expect.poll(() => mailsTo(address).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);
  return mailsTo(address)[n - 1];
}

async function signIn(page: Page) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill('moderator');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

async function moderator(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page);
  return page;
}

const runs = [
  { name: '360 px, zh-CN, JavaScript off', width: 360, js: false, locale: 'zh-CN' },
  { name: '360 px, zh-CN, JavaScript on', width: 360, js: true, locale: 'zh-CN' },
  { name: '1280 px, en, JavaScript on', width: 1280, js: true, locale: 'en' },
  { name: '1280 px, en, JavaScript off', width: 1280, js: false, locale: 'en' },
];

for (const [i, run] of runs.entries()) {
  test(`follow a suggestion by mail, ${run.name}`, async ({ browser }) => {
    const zh = run.locale === 'zh-CN';
    const phone = run.width === 360;
    const context = await browser.newContext({
      viewport: { width: run.width, height: phone ? 740 : 800 },
      isMobile: phone,
      hasTouch: phone,
      javaScriptEnabled: run.js,
      locale: run.locale,
    });
    const page = await context.newPage();
    const title = `楼道灯坏了 ${tag}-${i}`;
    const address = `resident-${tag}-${i}@example.cn`;

    // She finds the suggestion form from the home page (through the vote page) and leaves her
    // address with it.
    await page.goto('/');
    await page.getByRole('link', { name: zh ? '去投票' : 'Vote now' }).first().click();
    await page.getByRole('link', { name: zh ? '我要点菜：提出建议' : 'Order a dish: make a suggestion' }).first().click();
    await page.locator('#s-title').fill(title);
    await page.locator('#s-description').fill('三号楼楼道的灯坏了两个月，老人晚上下楼看不见。');
    await page.locator('#s-district').selectOption('朝阳区');
    await page.locator('#s-category').selectOption('市容环境');
    await expect(page.getByLabel(zh ? '邮箱（选填）' : 'Email address (optional)')).toBeVisible();
    await page.getByLabel(zh ? '邮箱（选填）' : 'Email address (optional)').fill(address);
    await page.getByRole('button', { name: zh ? '提交建议' : 'Send suggestion' }).click();
    const receiptBox = page.locator('#receipt');
    await expect(receiptBox).toContainText(zh ? '请查收邮件' : 'Please check your mail');
    const receipt = ((await receiptBox.locator('.receipt-code').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^S-/);

    // The confirmation mail arrives, in her language; she confirms.
    const confirmation = await nthMail(address, 1);
    expect(confirmation.subject).toContain(title);
    expect(confirmation.subject).toMatch(zh ? /^请确认关注/ : /^Please confirm/);
    expect(confirmation.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    await page.goto(link(confirmation.text, '/confirm'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh ? '关注已确认' : 'Follow confirmed');
    // Back to her suggestion's receipt page: its timeline, waiting for a moderator.
    await page.getByRole('link', { name: zh ? '回到这一项' : 'Back to the item' }).click();
    await expect(page.getByRole('heading', { name: zh ? '进展' : 'Progress', exact: true })).toBeVisible();
    await expect(page.locator('ol.timeline li[aria-current="step"]')).toHaveText(zh ? '等待审核' : 'Waiting for a moderator');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(run.width);

    // A moderator publishes it: the notice arrives.
    const staff = await moderator(browser);
    await staff.goto('/staff/moderation');
    const pending = staff.locator(`li[data-suggestion="${title}"]`);
    await pending.getByRole('button', { name: '公开', exact: true }).click();
    await expect(staff.getByRole('status')).toBeVisible();
    const notice = await nthMail(address, 2);
    expect(notice.subject).toBe(zh ? `您关注的建议已公开：${title}` : `A suggestion you follow is published: ${title}`);
    expect(notice.html).toContain('<a href=');
    await page.goto(link(notice.text, '/suggest'));
    await expect(page.locator('li.card', { hasText: title })).toBeVisible();
    await page.goto(`/receipt?code=${receipt}`);
    await expect(page.locator('ol.timeline li[aria-current="step"]')).toContainText(zh ? '已审核通过并公开' : 'Reviewed and published');
    await expect(page.locator('ol.timeline time')).toHaveCount(2);

    // One click stops it, as her mail program would (RFC 8058); then no more mail.
    // (The test server's public address is the default one; the path is what matters here.)
    const unsubscribe = new URL(notice.headers['List-Unsubscribe'].replace(/^<|>$/g, '')).pathname;
    const stopped = await page.request.post(unsubscribe, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.status()).toBe(200);
    await staff.goto('/staff/moderation');
    const published = staff.locator('li.card', { hasText: title });
    await published.getByLabel('加入').selectOption({ label: '2027 年春季主题征集（示例）' });
    await published.getByRole('button', { name: '设为候选议题' }).click();
    await expect(staff.getByRole('status')).toBeVisible();
    // Promotion is visible on her receipt page, but no mail follows.
    await page.goto(`/receipt?code=${receipt}`);
    await expect(page.locator('ol.timeline li[aria-current="step"]')).toContainText(zh ? '候选议题' : 'candidate');
    await page.waitForTimeout(2_000);
    expect(mailsTo(address).length).toBe(2);
    // The stop link in the mail now says it is stopped, in her language.
    await page.goto(link(notice.text, '/stop'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh ? '已停止关注' : 'You no longer follow this');
    await staff.context().close();
    await context.close();
  });
}

// A month's topic, followed from its own page at 360 px with JavaScript off: the form and its
// feed link sit under the reports, the confirmation arrives, and the feed needs no address.
test('follow this month\'s topic from its page, 360 px, zh-CN, JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, javaScriptEnabled: false, locale: 'zh-CN',
  });
  const page = await context.newPage();
  const address = `topic-${tag}@example.cn`;
  await page.goto('/topics/2026/11');
  const form = page.locator('#follow');
  await expect(form.getByRole('heading', { name: '关注这个主题' })).toBeVisible();
  await form.getByLabel('您的邮箱').fill(address);
  await form.getByLabel(/我同意/).check();
  await form.getByRole('button', { name: '关注', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/2026\/11\?follow=sent#follow$/);
  await expect(page.locator('#follow [role="status"]')).toContainText('请查收邮件');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const confirmation = await nthMail(address, 1);
  expect(confirmation.subject).toMatch(/^请确认关注/);
  await page.goto(link(confirmation.text, '/confirm'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关注已确认');
  const feed = await page.request.get('/feeds/topic/2026-11.atom');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).not.toContain(address);
  await context.close();
});
