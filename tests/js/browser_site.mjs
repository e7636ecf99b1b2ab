// Drives the site in real headless Chromium (Debian's chromium) with playwright-core:
// opens the landing page, follows links to the section and to a decision, uses the search
// box, saves screenshots, and runs axe-core on the landing, decision, section and strategy
// pages, uses the validation form and its severity filter, measures every page at 375 and
// 1,280 px and loads /docs watching which hosts it asks. Prints one JSON object.
// Usage: node browser_site.mjs URL OUTDIR AXE_JS BROKEN_FILE
import { chromium } from "playwright-core";

const [url, outdir, axePath, brokenFile] = process.argv.slice(2);
const pages = [
  ["landing", "/"],
  ["section", "/doc/regeerakkoord/2019-2024/sectie/2.3.5.html"],
  ["strategy", "/doc/strategie/vlaamse-digitale-strategie.html"],
  ["decision", "/doc/beslissing/2021-06-04/3115c1eb29.html"],
  ["search", "/zoeken/?q=artificiele"],
  ["validation", "/validate"],
];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const result = { steps: [], axe: {}, screenshots: [] };
// axe is injected as a script of the page's own: our Content-Security-Policy would refuse it
const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: "nl-BE",
                                     bypassCSP: true });
page.setDefaultTimeout(20000);

async function axe(name) {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  result.axe[name] = found;
}

async function shot(name) {
  const path = `${outdir}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  result.screenshots.push(path);
}

try {
  await page.goto(url + "/");
  result.steps.push({ landing: await page.locator("h1").innerText() });
  // keyboard: the first Tab reaches the skip link
  await page.keyboard.press("Tab");
  result.steps.push({ firstTab: await page.evaluate(() => document.activeElement?.textContent) });
  await shot("landing");
  await axe("landing");

  await page.click('a[href="/doc/regeerakkoord/2019-2024/sectie/2.3.5.html"]');
  await page.waitForLoadState();
  result.steps.push({ section: await page.locator("h1").innerText(),
                      decisions: await page.locator("table.decisions tbody tr").count() });
  await shot("section");
  await axe("section");

  const first = page.locator('table.decisions tbody a[href^="/doc/beslissing/"]').first();
  const href = await first.getAttribute("href");
  await first.click();
  await page.waitForLoadState();
  result.steps.push({ decision: await page.locator("h1").innerText(), url: page.url(), href });
  await shot("decision");
  await axe("decision");

  await page.fill("#q", "AI Academie");
  await page.press("#q", "Enter");
  await page.waitForLoadState();
  result.steps.push({ search: await page.locator("h1").innerText(), url: page.url(),
                      results: await page.locator("ol.results li.hit").count() });
  await shot("search");
  await axe("search");

  await page.goto(url + "/doc/strategie/vlaamse-digitale-strategie");
  result.steps.push({ strategy: await page.locator("h1").innerText(),
                      speerpunten: await page.locator("li.speerpunt").count(),
                      actiepunten: await page.locator("li.actiepunt").count() });
  await shot("strategy");
  await axe("strategy");

  // the validation form with a file that has one violation among warnings
  await page.goto(url + "/validate");
  await page.setInputFiles("#file", brokenFile);
  await page.click("form.validate button[type=submit]");
  await page.waitForLoadState();
  const results = await page.locator("li.result").count();
  await page.check("#ernst-overtreding");
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll("li.result")].filter((e) => e.offsetParent !== null).length);
  result.steps.push({ validation: await page.locator(".verdict").innerText(), results, shown });
  await axe("validation");

  // every page at 375 and 1,280 px: no sideways scrolling (and a screenshot of each)
  result.widths = {};
  for (const width of [375, 1280]) {
    const narrow = await browser.newPage({ viewport: { width, height: 900 }, locale: "nl-BE" });
    for (const [name, path] of pages) {
      await narrow.goto(url + path);
      result.widths[`${name}@${width}`] = await narrow.evaluate(
        () => document.documentElement.scrollWidth);
      await narrow.screenshot({ path: `${outdir}/${name}-${width}.png` });
    }
    await narrow.close();
  }

  // /docs works without any other host: every request goes to this server
  const docs = await browser.newPage();
  const hosts = new Set();
  docs.on("request", (r) => hosts.add(new URL(r.url()).host));
  await docs.goto(url + "/docs");
  await docs.waitForSelector(".opblock", { timeout: 20000 });
  result.docs = { hosts: [...hosts], operations: await docs.locator(".opblock").count() };
  await docs.close();
} catch (e) {
  result.error = String(e && e.stack || e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
