// Copyright 2026 The ckit for Java Authors
// SPDX-License-Identifier: Apache-2.0
//
// Drives one node's status page in headless Chromium and prints what a person would see, one fact
// per line, for StatusPageBrowserTest to check against the Java sharder:
//
//   peer <name> <state>             one line per row of the peers table
//   share <name> <percent>          one line per entry of the ownership chart
//   strip <percent>                 the total of the stacked strip above the chart
//   owner <read|readWrite> <name>   the owners shown for the key, in order
//   error <text>                    a script error or failed request on the page
//
// Usage: node status-page.mjs URL PEERS KEY COUNT SCREENSHOT
//   waits until the table lists PEERS participants, then types KEY and COUNT into the lookup form.
// Chromium is /usr/bin/chromium (Debian's package); nothing is downloaded.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, peers, key, count, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node status-page.mjs URL PEERS KEY COUNT SCREENSHOT');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'ckit-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 820 },
  timeout: 30_000,
});
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', e => console.log('error ' + e.message));
  page.on('console', m => { if (m.type() === 'error') console.log('error ' + m.text()); });
  page.on('requestfailed', r => console.log('error request failed: ' + r.url()));

  await page.goto(url);
  await page.waitForFunction(
    n => document.querySelectorAll('#peers tbody tr[data-state="participant"]').length === n,
    Number(peers));

  await page.fill('#count', count);
  await page.fill('#key', key);
  await page.click('button[type=submit]');
  await page.waitForFunction(
    ([k, c]) => {
      const result = document.getElementById('lookup-result');
      return result.dataset.key === k && result.dataset.count === c;
    },
    [key, count]);

  for (const row of await page.$$eval('#peers tbody tr',
    rows => rows.map(r => [r.dataset.name, r.dataset.state]))) {
    console.log('peer ' + row.join(' '));
  }
  for (const share of await page.$$eval('#chart g.share',
    gs => gs.map(g => [g.dataset.name, g.dataset.share]))) {
    console.log('share ' + share.join(' '));
  }
  console.log('strip ' + await page.$eval('#chart g.strip', g => g.dataset.total));
  for (const op of ['read', 'readWrite']) {
    for (const name of await page.$$eval(`#lookup-result ol[data-op="${op}"] li`,
      items => items.map(li => li.dataset.name))) {
      console.log(`owner ${op} ${name}`);
    }
  }
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
