// Usage: node scoreboard.mjs <chromium executable> < visit.json
//
// visit.json: {"link": "<a card's signed link>", "drilldown": "<a drilldown link's text>" (optional),
//              "refused": "<a link the bot must refuse>" (optional)}
//
// Opens the link in headless Chromium as a person would, and prints one JSON report of what that
// person sees: {"page": {...}, "drilldown": {...} | null, "refused": {...} | null, "errors": [...]}.
// Exit code 1 with the reason on stderr means the page could not be looked at, not that it looked wrong.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const Timeout = 30_000;

// Read in the page itself, so a chart counts only if Chart.js attached one and it painted pixels.
function sight() {
  const text = selector => [...document.querySelectorAll(selector)].map(node => node.textContent.trim());
  const painted = canvas => canvas.width > 0 && canvas.height > 0 && Chart.getChart(canvas) !== undefined &&
    canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data.some((value, i) => i % 4 === 3 && value > 0);
  const banner = document.getElementById("banner");
  return {
    url: location.pathname + location.search,
    view: document.getElementById("view").textContent,
    viewer: document.getElementById("viewer").textContent,
    banner: { level: banner.className, text: banner.textContent },
    kpis: text("article.kpi h2"),
    statuses: Object.fromEntries([...document.querySelectorAll("article.kpi")].map(a => [a.dataset.kpi, a.classList[1]])),
    chartsDrawn: [...document.querySelectorAll("canvas")].filter(painted).length,
    drilldowns: text("#drilldowns a"),
    commentary: text("p.commentary"),
    markers: text("#markers li"),
    hidden: document.getElementById("hidden").textContent,
  };
}

async function look(page) {
  await page.waitForSelector('body[data-loaded="true"]', { timeout: Timeout });
  return page.evaluate(sight);
}

// A drilldown is a plain link, so following it must land on a new address that loads on its own.
async function follow(page, label) {
  const link = page.getByRole("link", { name: label, exact: true });
  const target = new URL(await link.getAttribute("href"), page.url()).href;
  await link.click();
  await page.waitForURL(target, { timeout: Timeout });
  return look(page);
}

// A fresh context has no session cookie, so the refusal cannot be hidden by an earlier sign-in.
async function refusal(browser, link) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(link, { timeout: Timeout });
  const message = await page.locator("#sign-in").textContent({ timeout: Timeout });
  await context.close();
  return { status: response.status(), message };
}

const visit = JSON.parse(readFileSync(0, "utf8"));
const browser = await chromium.launch({ executablePath: process.argv[2], args: ["--no-sandbox"], timeout: Timeout });
// Script errors are part of what a person gets: a page that throws may still have drawn half of itself,
// and one that never finishes loading is explained by them.
const errors = [];
try {
  const page = await (await browser.newContext()).newPage();
  page.on("pageerror", error => errors.push(error.message));
  page.on("console", message => message.type() === "error" && errors.push(`${message.text()} (${message.location().url})`));
  await page.goto(visit.link, { timeout: Timeout });
  const report = {
    page: await look(page),
    drilldown: visit.drilldown ? await follow(page, visit.drilldown) : null,
    refused: visit.refused ? await refusal(browser, visit.refused) : null,
    errors,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
} catch (error) {
  process.stderr.write(`scoreboard.mjs: ${error.stack ?? error}\nThe page's errors: ${JSON.stringify(errors)}\n`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
