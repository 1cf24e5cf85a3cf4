import { test, expect, type Browser, type Page } from '@playwright/test';

// 王阿姨's vote (issue 13, points 8–11): on a 360 × 740 phone in zh-CN, with JavaScript on and
// off. Voting moves tallies, so this suite runs once (project resident-360), in order; the
// 1280 px checks open their own pages.
test.describe.configure({ mode: 'serial' });
const cycle = '/vote/2027-annual';
const phone = { viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true };

async function resident(browser: Browser, js: boolean) {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: js });
  return { context, page: await context.newPage() };
}

async function submit(page: Page, js: boolean) {
  // With JavaScript the script solves the proof of work while she reads.
  if (js) await expect(page.locator('input[name="proof"]')).toHaveValue(/.+/, { timeout: 20_000 });
  await page.getByRole('button', { name: '提交选票' }).click();
}

test('the open vote is on the first screen of the home page, and 投票 leads to it', async ({ page, browser }) => {
  await page.goto('/');
  const go = page.getByRole('link', { name: '去投票' });
  await expect(go).toBeInViewport();
  await expect(page.getByText('正在投票')).toBeInViewport();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投票', exact: true })).toBeVisible();
  await go.click();
  await expect(page).toHaveURL(cycle);

  // The list of cycles starts with the one open now.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投票', exact: true }).click();
  const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
  await expect(first).toContainText('投票进行中');

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
  const wide = await desktop.newPage();
  await wide.goto('/');
  await expect(wide.getByRole('link', { name: 'Vote now' }).first()).toBeInViewport();
  await wide.goto('/vote');
  await expect(wide.getByRole('listitem').filter({ has: wide.getByRole('heading', { level: 2 }) }).first()).toContainText('Voting open');
  await desktop.close();
});

for (const js of [true, false]) {
  test(`after voting she sees 您已投票 with her picks and receipt, also when she comes back (JS ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const { context, page } = await resident(browser, js);
    if (js) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const pick = js ? '社区老年助餐' : '老旧小区无障碍设施';
    await page.goto(cycle);
    await page.getByLabel(pick).check();
    await submit(page, js);
    await expect(page.getByRole('heading', { name: '您已投票' })).toBeVisible();
    const status = page.getByRole('status');
    await expect(status).toContainText('已收到您的选票，已计入结果。');
    await expect(status).toContainText(pick);
    const receipt = ((await page.locator('#receipt-code').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    await expect(page.getByText('请保存好这个回执码')).toBeVisible();
    await expect(page.getByText(receipt)).toBeInViewport();

    // Keep it: as a picture she can press and hold (WeChat ignores downloads; issue 34) —
    // works without JavaScript — or copied.
    await page.getByText('把回执保存为图片').click();
    await expect(page.getByText('长按下面的图片，选“保存图片”')).toBeVisible();
    const picture = page.getByRole('img', { name: `投票回执，回执码 ${receipt}` });
    await expect(picture).toBeVisible();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const png = await page.request.get((await picture.getAttribute('src')) ?? '');
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const copy = page.getByRole('button', { name: '复制回执码' });
    if (js) {
      await copy.click();
      await expect(page.getByText('已复制回执码。')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receipt);
    } else {
      await expect(copy).toBeHidden();
    }

    // She comes back later: home says she has voted, with her receipt (issue 34), and leads
    // to her ballot — the same, not a blank one.
    await page.goto('/');
    const card = page.locator('.vote-now');
    await expect(card).toContainText('✓ 您已投票');
    await expect(card).toContainText(receipt);
    await expect(card).toContainText('您的选票已计入结果。');
    await expect(card.getByRole('link', { name: '去投票' })).toHaveCount(0);
    await card.getByRole('link', { name: '查看或修改我的选票' }).click();
    await expect(page.getByRole('heading', { name: '您已投票' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('您的选票已计入结果。');
    await expect(page.getByRole('status')).toContainText(pick);
    await expect(page.getByRole('status')).toContainText(receipt);
    // No ballot to fill in again (the follow form's consent box is not a pick).
    await expect(page.locator('input[name="pick"]')).toHaveCount(0);

    // Changing is a deliberate step: her pick comes back ticked; leaving keeps the ballot.
    await page.getByRole('link', { name: '修改选票' }).click();
    await expect(page.getByText('您正在修改选票')).toBeVisible();
    await expect(page.getByLabel(pick)).toBeChecked();
    await page.getByRole('link', { name: '不修改，保留原来的选票' }).click();
    await expect(page.getByRole('status')).toContainText(receipt);
    await context.close();
  });
}

for (const js of [true, false]) {
  test(`picking 4 of 3: the message is where she looks and takes the focus, the ticks stay (JS ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const { context, page } = await resident(browser, js);
    await page.goto(cycle);
    for (const box of await page.locator('input[name="pick"]').all()) await box.check();
    await submit(page, js);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('选多了');
    await expect(alert).toContainText('最多选 3 项');
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
    await expect(page.getByRole('button', { name: '提交选票' })).toBeInViewport();
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(4);
    await expect(page.getByRole('heading', { name: '您已投票' })).toHaveCount(0);
    // One tick off and it goes through.
    await page.locator('input[name="pick"]').first().uncheck();
    await submit(page, js);
    await expect(page.getByRole('heading', { name: '您已投票' })).toBeVisible();
    await context.close();
  });
}

test('the receipt is found however she types it, and the counted banner cannot be faked', async ({ browser }) => {
  const { context, page } = await resident(browser, false);
  await page.goto(`${cycle}?receipt=${encodeURIComponent('假票')}&status=counted`);
  await expect(page.getByText('已计入结果')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '您已投票' })).toHaveCount(0);

  await page.goto(cycle);
  await page.getByLabel('夜间施工噪声扰民').check();
  await submit(page, false);
  const receipt = ((await page.locator('#receipt-code').textContent()) ?? '').trim();
  const bare = receipt.replace(/-/g, '');
  const spaced = `${bare.slice(0, 4)} ${bare.slice(4, 8)} ${bare.slice(8)}`.toLowerCase();
  for (const typed of [spaced, bare]) {
    await page.goto('/receipt');
    await page.getByLabel('回执码').fill(typed);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('status')).toContainText('这张选票已计入结果。');
    // On the phone that voted, the picks; nowhere else.
    await expect(page.getByRole('status')).toContainText('夜间施工噪声扰民');
  }
  await page.goto('/receipt?code=PRX7-D2TN-G0');
  await expect(page.getByRole('alert')).toContainText('回执码里没有数字 0');

  const stranger = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const other = await stranger.newPage();
  await other.goto(`/receipt?code=${encodeURIComponent(spaced)}`);
  await expect(other.getByRole('status')).toContainText('这张选票已计入结果。');
  await expect(other.getByRole('status')).not.toContainText('夜间施工噪声扰民');
  await expect(other.getByText('不显示选了什么')).toBeVisible();
  await stranger.close();
  await context.close();
});
