// The page, /embed and widget.js in a real browser: Debian's Chromium driven by
// playwright-core, against the real `morgue serve` on the seed pages, with a
// second origin on loopback hosting the widget and the iframe.
//
// usage: MORGUE_BIN=target/debug/morgue node --test tests/browser/page.test.mjs
// Screenshots of the main states go to target/browser-screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = resolve(repo, process.env.MORGUE_BIN || "target/debug/morgue");
const shots = join(repo, "target/browser-screenshots");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

let server, host, browser, base, hostBase, work;

/** Starts `morgue serve` on port 0 and resolves with its address from the JSON log. */
function startMorgue(env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ["--log-format", "json", "serve", "--listen", "127.0.0.1:0"], {
      cwd: work, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"],
    });
    let buffer = "";
    const timer = setTimeout(() => reject(new Error("morgue did not start in time")), 60_000);
    child.stderr.on("data", (chunk) => {
      buffer += chunk;
      for (const line of buffer.split("\n").slice(0, -1)) {
        try {
          const address = JSON.parse(line).fields?.address;
          if (address) { clearTimeout(timer); resolvePromise({ child, address }); }
        } catch { /* not JSON */ }
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
    });
    let log = "";
    child.stderr.on("data", (chunk) => { log = (log + chunk).slice(-4000); });
    child.on("exit", (code) => reject(new Error(`morgue exited with ${code}:\n${log}`)));
  });
}

/** Serves a host page of another origin that embeds the widget and the iframe. */
function startHost() {
  return new Promise((resolvePromise) => {
    const http = createServer((request, response) => {
      response.setHeader("content-type", "text/html; charset=utf-8");
      if (request.url.startsWith("/widget")) {
        response.end(`<!doctype html><html lang="en"><head><title>Intranet</title></head><body>
          <h1>Newsroom intranet</h1><div id="morgue"></div>
          <script src="${base}widget.js" data-target="#morgue"></script></body></html>`);
      } else {
        response.end(`<!doctype html><html lang="en"><head><title>Intranet</title></head><body>
          <h1>Newsroom intranet</h1><iframe id="archive" title="Archive" src="${base}embed" width="800" height="600"></iframe></body></html>`);
      }
    });
    http.listen(0, "127.0.0.1", () => resolvePromise(http));
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "morgue-browser-"));
  mkdirSync(shots, { recursive: true });
  host = await startHost();
  hostBase = `http://127.0.0.1:${host.address().port}`;
  server = await startMorgue({
    MORGUE_INDEX__PATH: join(work, "index"),
    MORGUE_INGEST__SAMPLE_DIR: join(repo, "tests/fixtures/seeds"),
    MORGUE_SERVER__CORS_ALLOWED_ORIGINS: `["${hostBase}"]`,
    MORGUE_SERVER__EMBED_FRAME_ANCESTORS: `["${hostBase}"]`,
  });
  base = `http://${server.address}/`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
    // playwright gives each launch a fresh, empty --user-data-dir of its own.
  });
});

after(async () => {
  await browser?.close();
  server?.child.kill();
  host?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  return { page, errors };
}

const status = (page) => page.locator("#status");

test("typing a query shows highlighted hits", async () => {
  const { page, errors } = await newPage();
  await page.goto(base);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("5 articles"));
  await page.locator("#q").fill("ceasefire");
  // Search as you type: no submit; the URL and the hits follow the box.
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "ceasefire");
  await page.waitForFunction(() => document.querySelector(".hit h3 mark") !== null);
  const hits = page.locator(".hit");
  assert.ok((await hits.count()) >= 1);
  assert.match(await hits.first().locator("h3").innerHTML(), /<mark>ceasefire<\/mark>/i);
  await page.screenshot({ path: join(shots, "1-results.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("clicking a facet filters, changes the counts and the URL", async () => {
  const { page, errors } = await newPage();
  await page.goto(base + "?q=lavrov");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("5 articles"));
  const facet = page.locator("#facet-list label", { hasText: "Ukraine war" });
  await facet.locator("input").check();
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("2 articles"));
  assert.deepEqual(new URL(page.url()).searchParams.getAll("tag"), ["Ukraine war"]);
  assert.equal(await page.locator("#chips .chip").count(), 1);
  await page.screenshot({ path: join(shots, "2-facet.png"), fullPage: true });
  await page.locator("#chips .chip button").click();
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("5 articles"));
  assert.deepEqual(errors, []);
});

test("the timeline sets the date range", async () => {
  const { page, errors } = await newPage();
  await page.goto(base + "?q=lavrov");
  await page.waitForFunction(() => document.querySelectorAll("#timeline rect.bar").length > 0);
  const bars = page.locator("#timeline rect.bar");
  assert.equal(await bars.count(), 5, "one bar a year, 2021 to 2025");
  await bars.last().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("from") === "2025-01-01");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("1 article"));
  await page.screenshot({ path: join(shots, "3-timeline.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("an article opens with the query highlighted, and a shared URL restores it", async () => {
  const { page, errors } = await newPage();
  await page.goto(base + "?q=Pyongyang");
  await page.locator(".hit h3 a").first().click();
  await page.waitForSelector("#reader h2");
  assert.equal(await page.locator("#reader h2").textContent(), "Russian FM slams blaming Iran for 'everything' as 'provocative'");
  assert.ok((await page.locator("#reader .body mark").count()) >= 1);
  assert.ok((await page.locator("#reader .chips-row button").count()) >= 1, "tags are chips");
  const shared = page.url();
  await page.screenshot({ path: join(shots, "4-article.png"), fullPage: true });
  const { page: other } = await newPage();
  await other.goto(shared);
  await other.waitForSelector("#reader h2");
  assert.equal(await other.locator("#reader h2").textContent(), "Russian FM slams blaming Iran for 'everything' as 'provocative'");
  await other.goBack().catch(() => {});
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("article"));
  assert.equal(await page.evaluate(() => document.body.dataset.view), "results");
  assert.deepEqual(errors, []);
});

test("the widget runs in a page of another origin", async () => {
  const { page, errors } = await newPage();
  await page.goto(hostBase + "/widget");
  await page.locator(".morgue-input").fill("lavrov");
  await page.locator(".morgue-input").press("Enter");
  await page.waitForFunction(() => document.querySelectorAll(".morgue-hit").length === 5);
  await page.screenshot({ path: join(shots, "5-widget.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("/embed runs in an iframe of an allowed origin", async () => {
  const { page } = await newPage();
  await page.goto(hostBase + "/embed");
  const frame = page.frameLocator("#archive");
  await frame.locator("#q").fill("lavrov");
  await frame.locator("#status").filter({ hasText: /^5 articles/ }).waitFor();
  await page.screenshot({ path: join(shots, "6-embed.png"), fullPage: true });
});

test("keyboard only: search, open a result, go back", async () => {
  const { page, errors } = await newPage();
  await page.goto(base);
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // home link
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
  await page.keyboard.type("grain");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^\d+ article/.test(document.getElementById("status").textContent));
  const first = await page.locator(".hit h3 a").count();
  if (first > 0) {
    await page.locator(".hit h3 a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#reader h2");
    assert.equal(await page.evaluate(() => document.activeElement.id), "reader");
  }
  assert.deepEqual(errors, []);
});

test("on a phone the filters fold away behind a button", async () => {
  const { page } = await newPage(390);
  await page.goto(base + "?q=lavrov");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("5 articles"));
  assert.equal(await page.locator(".facet").first().isVisible(), false);
  await page.locator("#facets-toggle").click();
  assert.equal(await page.locator(".facet").first().isVisible(), true);
  await page.screenshot({ path: join(shots, "7-phone.png"), fullPage: true });
});
