// Accessibility check of the rendered report: axe-core (WCAG 2.0/2.1 A and AA rules) in
// Debian's Chromium through playwright-core, on the pages given as arguments.
// Usage: node axe.mjs <bundle>/index.html <bundle>/sektor/<slug>.html …
// Exit code 1 when any page has a violation; each is printed with its rule and element.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const pages = process.argv.slice(2);
if (pages.length === 0) {
  console.error('usage: node axe.mjs page.html …');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
for (const page of pages) {
  const p = await browser.newPage();
  await p.goto(pathToFileURL(resolve(page)).href);
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = result.violations;
  console.log(`${page}: ${result.passes.length} rules pass, ${v.length} violations`);
  for (const x of v) {
    failed++;
    console.log(`  ${x.id} (${x.impact}): ${x.help}`);
    for (const n of x.nodes.slice(0, 5)) console.log(`    ${n.target.join(' ')}: ${n.failureSummary.split('\n').join(' ')}`);
  }
  await p.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
