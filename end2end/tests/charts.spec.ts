// Outcome charts in a browser: SVG without JavaScript on every chart page, interactive after a
// tap (and only then is ECharts fetched), embeds that resize their frame on another origin,
// portal pages that refuse to be framed, and a PNG whose Chinese title is real glyphs.
import { test, expect, type Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

async function chartIds(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/v1/charts');
  expect(res.ok()).toBe(true);
  return (await res.json()).map((c: { id: string }) => c.id);
}

test('every chart page shows its chart as SVG with JavaScript off', async ({ browser, page, baseURL }) => {
  const ids = await chartIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(10);
  // It walks every chart (about fifty, each a page load and a first drawing) while the other
  // worker runs: give it time by the chart, not the default 30 s for one journey.
  test.setTimeout(10_000 + ids.length * 2_000);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const noJs = await context.newPage();
  for (const id of ids) {
    await noJs.goto(`/charts/${id}`);
    const svg = noJs.locator('.chart-svg svg');
    await expect(svg, id).toBeVisible();
    expect((await svg.boundingBox())!.height, id).toBeGreaterThan(150);
    // The data table is there too, behind its disclosure.
    await expect(noJs.locator('.chart-data table tbody tr').first(), id).toBeAttached();
  }
  await context.close();
});

test('a tap makes the chart interactive, and ECharts loads only then', async ({ page }) => {
  const echartsRequests: string[] = [];
  page.on('request', (req) => {
    if (/echarts/.test(req.url())) echartsRequests.push(req.url());
  });
  await page.goto('/charts/problems-per-year');
  const button = page.getByRole('button', { name: '点按查看互动图表' });
  await expect(button).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  expect(echartsRequests, 'no ECharts before the reader asks').toEqual([]);

  const canvas = page.locator('.chart-canvas');
  await canvas.click({ position: { x: 40, y: 40 } });
  await expect(canvas).toHaveAttribute('data-stage', 'live', { timeout: 15_000 });
  expect(echartsRequests.length).toBe(1);
  const instance = await page.evaluate(
    () => !!(window as any).echarts.getInstanceByDom(document.querySelector('.chart-canvas')),
  );
  expect(instance).toBe(true);
  // Hovering a bar now shows a tooltip with the value.
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.6);
  await expect(canvas.locator('div').filter({ hasText: '问题数' }).last()).toBeVisible();
});

test('the home page loads no ECharts on first paint', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (req) => requests.push(new URL(req.url()).pathname));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => /echarts/.test(p))).toEqual([]);
});

// The fit-to-frame embed (point 16) draws one SVG per width and shows the one that fits by CSS.
test('an embed on another site resizes its frame; a portal page refuses to be framed', async ({ page, baseURL }) => {
  const api = await page.request.get('/api/v1/charts/problems-per-year');
  const { version } = await api.json();
  // The journalist's page, on another origin, with the responsive code from the embed panel.
  await page.goto(`/charts/problems-per-year`);
  const code = await page.locator('#embed-responsive').inputValue();
  // The code carries the language of the page it was copied from (issue 13, point 17).
  // (`&` is written `&amp;` inside the code's attribute, as HTML wants it.)
  expect(code).toMatch(new RegExp(`/embed/charts/problems-per-year\\?lang=zh-CN&(amp;)?v=${version}`));
  const portal = new URL(baseURL!).origin;
  const article = `<!DOCTYPE html><html><body><h1>Newsroom</h1>
    <script>window.msgs=[];addEventListener('message',e=>msgs.push(e.data));</script>
    ${code.replace(/http:\/\/127\.0\.0\.1:\d+/g, portal).replace('height="', 'data-h="')}
    <iframe id="home" src="${portal}/" title="portal home" style="height:200px"></iframe>
    </body></html>`;
  // A real second origin (another port on this machine) serving the journalist's article.
  const newsroom = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(article);
  });
  await new Promise<void>((resolve) => newsroom.listen(0, '127.0.0.1', resolve));
  const { port } = newsroom.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/article`);
  const frame = page.locator('iframe[src*="/embed/charts/"]');
  // The frame starts at the browser's default height and grows to its content.
  await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 15_000 }).toBeGreaterThan(300);
  const messages = await page.evaluate(() => (window as any).msgs);
  expect(messages.some((m: any) => m && m['datawrapper-height'])).toBe(true);
  expect(messages.some((m: any) => typeof m === 'string' && m.startsWith('pymxPYMx'))).toBe(true);
  const embedded = page.frameLocator('iframe[src*="/embed/charts/"]');
  await expect(embedded.locator('svg:visible').first()).toBeVisible();
  // The home page in the other frame was refused: no portal content inside.
  const home = page.frameLocator('#home');
  await expect(home.locator('.site-nav')).toHaveCount(0);
  expect(page.frames().some((f) => f.url().startsWith('chrome-error:'))).toBe(true);
  newsroom.close();
});

test('the PNG download is a valid image whose Chinese title is drawn in real glyphs', async ({ page }) => {
  const res = await page.request.get('/charts/problems-per-year.png');
  expect(res.headers()['content-type']).toBe('image/png');
  const bytes = await res.body();
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.goto('/charts/problems-per-year.png');
  // Cut the title band into glyphs at blank columns: missing glyphs would be identical boxes.
  const { glyphs, distinct } = await page.evaluate(() => {
    const img = document.images[0];
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = 60;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data, width } = ctx.getImageData(0, 0, canvas.width, 60);
    const ink = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return data[i + 3] > 128 && (data[i] + data[i + 1] + data[i + 2]) / 3 < 110;
    };
    const shapes: string[] = [];
    let current = '';
    for (let x = 0; x < width; x++) {
      let column = '';
      for (let y = 4; y < 56; y++) column += ink(x, y) ? '1' : '0';
      if (column.includes('1')) current += column;
      else if (current) {
        shapes.push(current);
        current = '';
      }
    }
    return { glyphs: shapes.length, distinct: new Set(shapes).size };
  });
  expect(glyphs).toBeGreaterThanOrEqual(10);
  expect(distinct).toBeGreaterThanOrEqual(9);
});
