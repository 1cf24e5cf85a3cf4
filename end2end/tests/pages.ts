// The pages every browser test walks through, found from the home page so ids are never guessed.
import type { Page } from '@playwright/test';

export const staticPages = [
  { path: '/', heading: '冬季供暖与室温保障' },
  { path: '/years/2021', heading: '2021年：27 项问题' },
  { path: '/years/2022', heading: '2022年：17 项问题' },
  { path: '/years/2023', heading: '2023年：18 项问题' },
  { path: '/years/2024', heading: '2024年：13 项问题' },
  { path: '/years/2025', heading: '2025年：13 项问题' },
  { path: '/years/2026', heading: '2026年：11 项问题' },
  { path: '/topics/2026/11', heading: '冬季供暖与室温保障' },
  { path: '/search?q=电梯', heading: '搜索' },
  { path: '/archive', heading: '往期与筛选' },
  { path: '/about', heading: '关于“每月一题”与本站数据' },
  { path: '/charts', heading: '图表' },
  // The running year's bar is marked not over in the title (issue 31 §2), while it runs.
  { path: '/charts/problems-per-year', heading: /^每月一题：每年列入的问题数(（\d{4}年未结束）)?$/ },
  { path: '/charts/cycle-2026-winter-votes', heading: '2026 年冬季主题征集（示例）：投票结果' },
  { path: '/hotline', heading: '热线证据：哪些问题最需要解决' },
  { path: '/hotline?days=365', heading: '热线证据：哪些问题最需要解决' },
];

/** The page of a named problem, reached by its link on the year page. */
export async function problemPath(page: Page, year: number, title: string): Promise<string> {
  await page.goto(`/years/${year}`);
  const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
  if (!href) throw new Error(`no link to ${title}`);
  return href;
}
