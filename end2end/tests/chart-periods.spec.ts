// Issue 31 §2 and §4 in a browser, JavaScript off: what is not over is never drawn or worded as final —
// not the month the hotline data is still in, not an open vote, not the running year — on the
// chart page, its embed and in English.
import { test, expect } from '@playwright/test';

test.use({ javaScriptEnabled: false });

/** Today's month in Beijing (the demo's hotline data ends yesterday). */
function beijingMonth(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}

test('a problem chart leaves out the month the data is still in', async ({ page }) => {
  const list = await (await page.request.get('/api/v1/charts')).json();
  const ids: string[] = list.filter((c: any) => c.kind === 'problem_volume').map((c: any) => c.id);
  expect(ids.length).toBeGreaterThan(0);
  const month = beijingMonth();
  for (const id of ids.slice(0, 3)) {
    await page.goto(`/charts/${id}`);
    const rows = page.locator('.chart-data table tbody tr th');
    const first = (await rows.allTextContents()).map((t) => t.trim());
    expect(first.length, id).toBeGreaterThan(0);
    expect(first.filter((c) => c >= month), `${id}: ${month} is not over`).toEqual([]);
  }
});

test('an open vote is a live count, not a result, on its page and its embed', async ({ page }) => {
  await page.goto('/charts/cycle-2027-annual-votes');
  await expect(page.locator('main')).toContainText('目前票数（投票进行中，');
  await expect(page.locator('main')).toContainText('这不是最终结果。');
  await expect(page.locator('main')).not.toContainText('投票结果');
  await page.goto('/embed/charts/cycle-2027-annual-votes');
  await expect(page.locator('body')).toContainText('投票进行中');
  await page.goto('/embed/charts/cycle-2027-annual-votes?lang=en');
  await expect(page.locator('body')).toContainText('voting open until');
  await expect(page.locator('body')).toContainText('this is not the final result');
});

test('the running year is marked not over', async ({ page }) => {
  const year = beijingMonth().slice(0, 4);
  await page.goto('/charts/problems-per-year');
  await expect(page.locator('main')).toContainText(`（${year}年未结束）`);
  await expect(page.locator('main')).toContainText(`${year}年尚未结束，数字还会变化。`);
});

// Issue 31 §4: a copy site's page is 转载（待核实） wherever the chart cites it.
test('every repost the per-year chart cites is flagged, on its page and its embed', async ({ page }) => {
  for (const path of ['/charts/problems-per-year', '/embed/charts/problems-per-year']) {
    await page.goto(path);
    const html = await page.content();
    const links = [...html.matchAll(/<a [^>]*href="[^"]*(tellerreport\.com|rexun\.cn|eeju\.com)[^"]*"[^>]*>.*?<\/a>(?:<!-*[^>]*>)*([^<]{0,20})/g)];
    expect(links.length, `${path} cites the copy sites`).toBeGreaterThan(0);
    for (const l of links) expect(l[2], `${path}: ${l[0]}`).toContain('转载（待核实）');
  }
});
