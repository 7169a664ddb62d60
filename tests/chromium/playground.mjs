// Usage: node playground.mjs <chromium executable> < visit.json
//
// visit.json: {"url": "<the link the bot printed: http://…/?token=…>", "person": "<directory id>",
//              "commands": ["/incident declare …", …], "screenshots": "<folder>"}
//
// Opens the Playground as its user does at 1400 px wide, types each command as that person, and
// prints one JSON report: for each command, every button on the card that answered it, with whether
// its title is cut, and the card's text; a screenshot of each card is written to the folder.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const Timeout = 30_000;

// Read in the page: a title is cut when the element holding it is narrower than the text it holds.
function lastCard() {
  const cards = [...document.querySelectorAll("#transcript .card")];
  const card = cards[cards.length - 1];
  const cut = element => [element, ...element.querySelectorAll("*")].some(e => e.scrollWidth > e.clientWidth + 1);
  return {
    buttons: [...card.querySelectorAll(".ac-pushButton")].map(b => ({ title: b.textContent.trim(), cut: cut(b), width: b.getBoundingClientRect().width })),
    text: card.innerText,
  };
}

const visit = JSON.parse(readFileSync(0, "utf8"));
const browser = await chromium.launch({ executablePath: process.argv[2], args: ["--no-sandbox"], timeout: Timeout });
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  const errors = [];
  page.on("pageerror", error => errors.push(error.message));
  await page.goto(visit.url, { timeout: Timeout });
  await page.waitForFunction(() => document.querySelectorAll("#person option").length > 0, null, { timeout: Timeout });
  await page.selectOption("#person", visit.person);
  const answers = [];
  for (const [i, command] of visit.commands.entries()) {
    const before = await page.locator("#transcript .card").count();
    await page.fill("#command", command);
    await page.press("#command", "Enter");
    await page.waitForFunction(n => document.querySelectorAll("#transcript .card").length > n, before, { timeout: Timeout });
    const card = page.locator("#transcript .card").last();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(visit.screenshots, `${i + 1}.png`) });
    answers.push({ command, ...(await page.evaluate(lastCard)) });
  }
  process.stdout.write(JSON.stringify({ answers, errors }));
} finally {
  await browser.close();
}
