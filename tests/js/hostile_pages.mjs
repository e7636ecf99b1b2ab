// Opens pages in real headless Chromium under the service's own headers and reports, for
// each: whether any script of the data ran (window.pwned, a dialog), every
// Content-Security-Policy violation, the page's title and headings, whether the footer
// was reached, and the JSON-LD block parsed. Also loads /docs (Swagger UI under the CSP).
// Usage: node hostile_pages.mjs URL PATH...   Prints one JSON object.
import { chromium } from "playwright-core";

const [url, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const result = { pages: {} };
try {
  for (const path of paths) {
    const page = await browser.newPage();
    page.setDefaultTimeout(20000);
    const dialogs = [];
    page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(url + path, { waitUntil: "load" });
    await page.waitForTimeout(300);
    result.pages[path] = await page.evaluate(() => {
      const block = document.querySelector('script[type="application/ld+json"]');
      let jsonld = null;
      try { jsonld = block ? JSON.parse(block.textContent) : null; } catch (e) { jsonld = "unparsable"; }
      return {
        pwned: window.pwned ?? null,
        violations: window.__violations,
        h1: document.querySelector("h1")?.textContent ?? null,
        headings: [...document.querySelectorAll("main h2")].map((h) => h.textContent.trim()),
        footer: !!document.querySelector("footer"),
        scripts: document.querySelectorAll("script").length,
        images: document.querySelectorAll("main img").length,
        jsonldTitle: jsonld && typeof jsonld === "object" ? JSON.stringify(jsonld).slice(0, 20000) : jsonld,
      };
    });
    result.pages[path].status = response.status();
    result.pages[path].dialogs = dialogs;
    result.pages[path].csp = response.headers()["content-security-policy"] ?? null;
    await page.close();
  }
  const docs = await browser.newPage();
  const errors = [];
  docs.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await docs.goto(url + "/docs");
  await docs.waitForSelector(".opblock", { timeout: 20000 });
  result.docs = { operations: await docs.locator(".opblock").count(), errors };
  await docs.close();
} catch (e) {
  result.error = String(e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
