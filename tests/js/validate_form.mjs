// The validation form in real headless Chromium (Debian's chromium) with playwright-core:
// opens GET /validate, chooses a broken Turtle file with the file input, submits the form
// (no JavaScript of ours involved) and reads the HTML report. Saves a screenshot.
// Prints one JSON object. Usage: node validate_form.mjs URL FILE.ttl SCREENSHOT.png
import { chromium } from "playwright-core";

const [url, file, shotPath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const result = {};
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, locale: "nl-BE" });
  page.setDefaultTimeout(30000);
  const form = await page.goto(url + "/validate");
  result.formStatus = form.status();
  result.formTitle = await page.locator("h1").innerText();
  await page.locator("input#file").setInputFiles(file);
  await page.locator("select#lang").selectOption("en");
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.locator("form.validate button[type=submit]").click(),
  ]);
  result.reportStatus = response.status();
  result.url = page.url();
  result.method = response.request().method();
  result.verdict = await page.locator("#rapport .verdict").innerText();
  result.violations = Number(await page.locator("#rapport .count-violation").innerText());
  result.rows = await page.locator("#rapport li.result.sev-violation").allInnerTexts();
  result.focus = await page.locator("#rapport details.focus").allInnerTexts();
  await page.locator("#rapport").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath, fullPage: true });
  result.screenshot = shotPath;
} catch (error) {
  result.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
