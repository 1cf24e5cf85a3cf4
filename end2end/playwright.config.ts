import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (DESIGN §3). The flags keep it off the network,
// which this machine does not have anyway.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    browserName: 'chromium',
    launchOptions: chromium,
    locale: 'zh-CN',
  },
  projects: [
    {
      name: 'budget',
      testMatch: /budget\.spec\.ts/,
    },
    {
      // Staff tests change shared data (a task's status, a policy), so they run once.
      name: 'staff-1280',
      testMatch: /staff\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      // Authoring with JavaScript off on a phone; changes shared data too, so it runs once.
      name: 'editing-360',
      testMatch: /editing\.spec\.ts/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      // Voting moves tallies; run once, on a phone.
      name: 'vote-360',
      testMatch: /vote\.spec\.ts/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      // Opens a cycle as an editor, so it runs once; switches itself to 1280 px for English.
      name: 'dates-360',
      testMatch: /dates\.spec\.ts/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      // The resident's journey through voting (issue 13, points 8–11) moves tallies too: run
      // once, on a phone (its tests open their own 1280 px pages), after vote-360 so that
      // suite's tally counts are not disturbed.
      name: 'resident-360',
      testMatch: /resident\.spec\.ts/,
      dependencies: ['vote-360'],
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      // Provenance: an editor adds a policy and a topic, then a crawl checks every public page
      // and the API; runs once, switching between 360 px and 1280 px itself.
      name: 'provenance',
      testMatch: /provenance\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      // The department's journey changes shared data (its own topic, tasks, reports); run once.
      // It sets its own viewports: a phone with JavaScript off and a desktop with it on.
      name: 'department-once',
      testMatch: /department\.spec\.ts/,
    },
    {
      // An editor opens a cycle today (point 24): adds an open cycle, so it runs once, after the
      // voting suites have counted their tallies. Sets its own viewports, JavaScript off.
      name: 'cycle-open-once',
      testMatch: /cycle-open\.spec\.ts/,
      dependencies: ['resident-360'],
    },
    {
      // The four journeys end to end (issue 13 acceptance): votes, suggests, publishes and
      // withdraws, so it runs once, after the voting suites. Sets its own viewports.
      name: 'journeys-once',
      testMatch: /journeys\.spec\.ts/,
      dependencies: ['cycle-open-once'],
    },
    {
      // Roles (issue 13, points 21–23) change shared data (a topic, accounts, a suggestion):
      // run once; the spec opens its own 360 px and 1280 px pages, JS on and off.
      name: 'roles-once',
      testMatch: /roles\.spec\.ts/,
    },
    {
      // The city editor's journey (draft → preview → publish → withdraw) creates and withdraws
      // topics in free months; run once. It sets its own viewports, languages and JS on/off.
      name: 'editor-once',
      testMatch: /editor\.spec\.ts/,
    },
    {
      // Issue 31 §3: adds a draft topic in next year and a policy; run once, on a phone with
      // JavaScript off (it sets its own viewport).
      name: 'record-once',
      testMatch: /public-record\.spec\.ts/,
    },
    {
      // HTML injection through titles and text boxes (issue 14, point 1): adds a department, a
      // topic, a cycle and a suggestion whose titles are markup; run once, after the suites that
      // crawl or count those lists. Sets its own viewport, JavaScript off.
      name: 'injection-once',
      testMatch: /injection\.spec\.ts/,
      dependencies: ['editor-once', 'provenance', 'journeys-once', 'roles-once', 'department-once', 'record-once'],
    },
    {
      // 关注 by mail through a real SMTP server (issue 33): adds suggestions and promotes them
      // into 2027-spring, so it runs once; sets its own viewports, languages and JS on/off.
      name: 'follow-once',
      testMatch: /follow\.spec\.ts/,
    },
    {
      // 答复 (issue 35): adds a round opening today (the one suggestions are collected for) and
      // suggestions that cross it, so it runs once, after the suites that add rounds opening
      // today or publish suggestions; sets its own viewports, languages and JS on/off.
      name: 'replies-once',
      testMatch: /replies\.spec\.ts/,
      dependencies: ['cycle-open-once', 'journeys-once', 'follow-once'],
    },
    {
      // Framing rules (issue 14, point 11): read-only, one viewport is enough.
      name: 'framing-1280',
      testMatch: /framing\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone-360',
      testIgnore: /(budget|staff|editing|vote|dates|resident|provenance|department|cycle-open|journeys|roles|editor|injection|framing|public-record|follow|replies)\.spec\.ts/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      name: 'desktop-1280',
      testIgnore: /(budget|staff|editing|vote|dates|resident|provenance|department|cycle-open|journeys|roles|editor|injection|framing|public-record|follow|replies)\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
});
