// The journalist's journey (issue 13, points 3 and 15–18): honest chart words, outcome charts one
// click from the topic page, a searchable chart catalogue (JavaScript off too), embed codes that
// show the whole chart and its source in any column on another origin, in the language of the page
// they were copied from, and downloads that carry title, unit, source, date, version and 示例数据.
import { test, expect, type Browser, type Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';

const SHOTS = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const project = test.info().project.name;
  await page.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });
}

type Entry = { id: string; kind: string; title: string; sample: boolean; group?: { type: string; year?: number; month?: number } };

async function catalog(page: Page): Promise<Entry[]> {
  const res = await page.request.get('/api/v1/charts?lang=zh-CN');
  expect(res.ok()).toBe(true);
  return res.json();
}

/** A second origin (another port) serving whatever page the test hands it. */
async function newsroom(): Promise<{ url: string; serve: (html: string) => void; close: () => void }> {
  let body = '';
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/article`, serve: (html) => (body = html), close: () => server.close() };
}

async function embedCodes(page: Page, id: string, portal: string) {
  await page.goto(`/charts/${id}`);
  const read = async (sel: string) =>
    (await page.locator(sel).inputValue()).replace(/http:\/\/127\.0\.0\.1:\d+/g, portal);
  return {
    responsive: await read('#embed-responsive'),
    fixed: await read('#embed-fixed'),
    image: await read('#embed-image'),
  };
}

test('chart words say only what the data supports', async ({ page }) => {
  await page.goto('/charts/problems-per-year');
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(/^每月一题：每年列入的问题数(（\d{4}年未结束）)?$/);
  await expect(title).not.toContainText('解决');
  // The hotline ranking calls a rate high only clear of the average, and shows the average.
  await page.goto('/hotline?days=365');
  const body = await page.locator('main').innerText();
  expect(body).not.toContain('不满意率高（');
  expect(body).toContain('只有明显高于平均才列为原因');
  for (const m of body.matchAll(/(不满意率|重复诉求率) ([\d.]+)%，高于全部诉求平均（([\d.]+)%）/g)) {
    expect(Number(m[2]), m[0]).toBeGreaterThanOrEqual(Number(m[3]) * 1.2 - 0.1);
  }
  await shot(page, 'hotline');
});

test('the topic page links its outcome charts, one click away', async ({ page }) => {
  const outcome = (await catalog(page)).find((c) => c.kind === 'problem_volume' && c.group?.type === 'topic');
  expect(outcome, 'the demo has an outcome chart of a topic').toBeTruthy();
  const { year, month } = outcome!.group!;
  await page.goto(`/topics/${year}/${month}`);
  const section = page.getByRole('region', { name: '成效图表' });
  await expect(section).toBeVisible();
  await shot(page, 'topic');
  await section.getByRole('link', { name: outcome!.title }).click();
  await expect(page).toHaveURL(new RegExp(`/charts/${outcome!.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(outcome!.title);
  await expect(page.getByRole('heading', { name: '嵌入到文章' })).toBeVisible();
});

test('the chart catalogue is grouped and searchable with JavaScript off', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/charts');
  await expect(page.getByRole('heading', { level: 2, name: '全市总览' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '投票与候选议题' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /年.*月/ }).first()).toBeVisible();
  await shot(page, 'catalog');
  // By kind: every family under its own heading.
  await page.getByRole('link', { name: '按种类' }).click();
  await expect(page).toHaveURL(/by=kind/);
  await expect(page.getByRole('heading', { level: 2, name: '成效：诉求量' })).toBeVisible();
  // Search is a form the server answers.
  await page.getByRole('searchbox', { name: '搜索图表' }).fill('投票');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/q=%E6%8A%95%E7%A5%A8|q=投票/);
  await expect(page.getByRole('status')).toContainText('“投票”：找到');
  const titles = await page.locator('.chart-list a').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const t of titles) expect(t).toContain('投票');
  await shot(page, 'catalog-search');
  await page.getByRole('searchbox', { name: '搜索图表' }).fill('没有这种图表');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByText('没有找到相关图表。')).toBeVisible();
  await context.close();
});

/** Inside a frame: is the footer (source line) and every part of the chart inside the frame's
 * box, and how large is the smallest axis text as drawn? */
async function frameCheck(page: Page, frameSel: string) {
  const frame = page.frameLocator(frameSel);
  await expect(frame.locator('footer')).toBeAttached({ timeout: 15_000 });
  return frame.locator('body').evaluate(() => {
    const vh = document.documentElement.clientHeight;
    const vw = document.documentElement.clientWidth;
    const footer = document.querySelector('footer')!.getBoundingClientRect();
    const svg = [...document.querySelectorAll('figure svg')].find((s) => s.getBoundingClientRect().width > 0) as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    // The drawing is letterboxed inside the box: its scale is the smaller of the two.
    const scale = Math.min(box.width / vb.width, box.height / vb.height);
    const drawnHeight = vb.height * scale;
    const sizes = [...svg.querySelectorAll('text')]
      .map((t) => Number(t.getAttribute('font-size')?.replace('px', '')) || 12)
      .map((s) => s * scale);
    return {
      footerInside: footer.bottom <= vh + 1 && footer.height > 0,
      chartInside: box.top >= -1 && box.top + (box.height + drawnHeight) / 2 <= vh + 1 && box.right <= vw + 1,
      smallestText: Math.min(...sizes),
      footerText: document.querySelector('footer')!.textContent ?? '',
      lang: document.documentElement.lang,
      title: document.querySelector('h1')!.textContent ?? '',
    };
  });
}

async function article(browser: Browser, codeHtml: string, width: number, locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: Math.max(width + 40, 360), height: 900 } });
  const page = await context.newPage();
  const room = await newsroom();
  room.serve(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <style>body{margin:0;font-family:serif}.col{width:${width}px;margin:0 auto}</style></head>
    <body><div class="col"><h1>Newsroom</h1><p>Article text before the chart.</p>${codeHtml}<p>After.</p></div></body></html>`);
  await page.goto(room.url);
  return { page, context, room };
}

for (const width of [320, 640, 760, 1200]) {
  test(`every embed code shows the whole chart and its source at a ${width} px column`, async ({ page, browser, baseURL }) => {
    const portal = new URL(baseURL!).origin;
    for (const id of ['problems-per-year', 'departments-on-time']) {
      const codes = await embedCodes(page, id, portal);
      for (const [name, code] of [['responsive', codes.responsive], ['fixed', codes.fixed]] as const) {
        const { page: news, context, room } = await article(browser, code, width, 'zh-CN');
        const sel = 'iframe[src*="/embed/charts/"]';
        const frame = news.locator(sel);
        // Let the responsive one settle on its posted height.
        await news.waitForTimeout(name === 'responsive' ? 1200 : 300);
        const box = (await frame.boundingBox())!;
        expect(Math.round(box.width), `${id} ${name}`).toBe(width);
        const r = await frameCheck(news, sel);
        expect(r.footerInside, `${id} ${name} @${width}: the source line is inside the frame`).toBe(true);
        expect(r.chartInside, `${id} ${name} @${width}: the whole chart is inside the frame`).toBe(true);
        expect(r.footerText, `${id} ${name}`).toMatch(/来源|示例数据/);
        expect(r.smallestText, `${id} ${name} @${width}: axis labels stay legible`).toBeGreaterThanOrEqual(9.5);
        if (width === 320 || width === 1200) await shot(news, `embed-${id}-${name}-${width}`);
        await context.close();
        room.close();
      }
      // The image code: the whole picture within the column, with its footer drawn in.
      const { page: news, context, room } = await article(browser, codes.image, width, 'zh-CN');
      const img = news.locator('img');
      await expect.poll(async () => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
      const ib = (await img.boundingBox())!;
      expect(ib.width).toBeLessThanOrEqual(width + 0.5);
      const { nw, nh } = await img.evaluate((i: HTMLImageElement) => ({ nw: i.naturalWidth, nh: i.naturalHeight }));
      expect(Math.abs(ib.height / ib.width - nh / nw)).toBeLessThan(0.02);
      await context.close();
      room.close();
    }
  });
}

test('copied codes carry the language of the page they came from', async ({ page, browser, baseURL }) => {
  const portal = new URL(baseURL!).origin;
  const codes = await embedCodes(page, 'problems-per-year', portal);
  for (const code of Object.values(codes)) expect(code).toContain('lang=zh-CN');
  // An en-US reader of a Chinese article still sees the Chinese chart.
  const { page: news, context, room } = await article(browser, codes.responsive, 640, 'en-US');
  const r = await frameCheck(news, 'iframe[src*="/embed/charts/"]');
  expect(r.lang).toBe('zh-CN');
  expect(r.title).toMatch(/^每月一题：每年列入的问题数(（\d{4}年未结束）)?$/);
  await context.close();
  room.close();
  // And codes copied from the English page are English for a Chinese reader.
  const en = await browser.newContext({ locale: 'en-US', baseURL });
  const enPage = await en.newPage();
  const enCodes = await embedCodes(enPage, 'problems-per-year', portal);
  expect(enCodes.fixed).toContain('lang=en');
  await shot(enPage, 'chart-page-en');
  await en.close();
  const zh = await article(browser, enCodes.fixed, 640, 'zh-CN');
  expect((await frameCheck(zh.page, 'iframe[src*="/embed/charts/"]')).title).toContain('taken on per year');
  await zh.context.close();
  zh.room.close();
});

test('downloads carry title, unit, source, date, version and the sample flag', async ({ page }) => {
  const entries = await catalog(page);
  const sample = entries.find((c) => c.sample)!;
  const volume = entries.find((c) => c.kind === 'problem_volume')!;
  for (const c of [entries.find((e) => e.id === 'problems-per-year')!, sample, volume]) {
    const csv = (await (await page.request.get(`/charts/${c.id}.csv?lang=zh-CN`)).text()).replace(/^\uFEFF/, '');
    const [header, first] = csv.trim().split(/\r?\n/).map((l) => l.split(','));
    expect(header[0], c.id).not.toBe('类别');
    for (const col of ['标题', '单位', '来源', '数据截至', '数据版本', '示例数据']) expect(header, c.id).toContain(col);
    expect(first[header.indexOf('数据截至')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first[header.indexOf('数据版本')]).toMatch(/^[0-9a-f]{12}$/);
    expect(first[header.indexOf('示例数据')]).toBe(c.sample ? '是' : '否');
    const svg = await (await page.request.get(`/charts/${c.id}.svg?lang=zh-CN`)).text();
    for (const words of ['数据截至', '数据版本']) expect(svg, c.id).toContain(words);
    expect(svg).toContain(c.sample ? '示例数据' : '来源');
    const doc = await (await page.request.get(`/charts/${c.id}.json?lang=zh-CN`)).json();
    expect(doc.unit, c.id).toBeTruthy();
    expect(doc.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.sample).toBe(c.sample);
    expect(doc.source).toBeTruthy();
  }
  const years = (await (await page.request.get('/charts/problems-per-year.csv?lang=zh-CN')).text()).replace(/^\uFEFF/, '');
  expect(years.split(/\r?\n/)[0].split(',')[0]).toBe('年份');
  const months = (await (await page.request.get(`/charts/${volume.id}.csv?lang=zh-CN`)).text()).replace(/^\uFEFF/, '');
  expect(months.split(/\r?\n/)[0].split(',')[0]).toBe('月份');
  // The value axis names its unit, on the page and in the PNG.
  await page.goto(`/charts/${volume.id}`);
  await expect(page.locator('.chart-svg svg text').filter({ hasText: /^件$/ })).toHaveCount(1);
  await shot(page, 'chart-page-zh');
  const png = await page.request.get(`/charts/${volume.id}.png?lang=zh-CN`);
  expect(png.headers()['content-type']).toBe('image/png');
  await page.goto(`/charts/${volume.id}.png?lang=zh-CN`);
  const { w, h } = await page.evaluate(() => ({ w: document.images[0].naturalWidth, h: document.images[0].naturalHeight }));
  // The 800-wide chart is drawn 2×; the footer makes the picture taller than the chart alone.
  const svgH = Number(((await (await page.request.get(`/charts/${volume.id}.svg?lang=zh-CN&width=800`)).text()).match(/height="([\d.]+)"/) ?? [])[1]);
  expect(w).toBe(1600);
  expect(h).toBe(Math.ceil(svgH * 2));
  await shot(page, 'png');
});

// Issue 34: in a 360 px column the drawing's title was cut off at the right. Every text of the
// drawing (title, labels, legend) stays inside it, on the chart page and in a narrow embed, in
// both languages; the longest title in the demo is the open vote's.
test('a chart drawn for a 360 px column shows its whole title', async ({ browser }) => {
  for (const lang of ['zh-CN', 'en']) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang });
    const page = await context.newPage();
    for (const path of ['/charts/cycle-2027-annual-votes', `/embed/charts/cycle-2027-annual-votes?lang=${lang}`]) {
      await page.goto(path);
      const svg = page.locator('svg').filter({ has: page.locator('text') }).first();
      await expect(svg).toBeVisible();
      const outside = await svg.evaluate((root) => {
        const box = root.getBoundingClientRect();
        return [...root.querySelectorAll('text')]
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
          })
          .map((t) => t.textContent);
      });
      expect(outside, `${lang} ${path}`).toEqual([]);
    }
    await context.close();
  }
});
