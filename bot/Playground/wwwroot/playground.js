const PERSON_KEY = "execops.playground.person";
const POLL_MS = 2000;

const personSelect = document.getElementById("person");
const rolesList = document.getElementById("roles");
const peopleError = document.getElementById("people-error");
const watchInput = document.getElementById("watch");
const watchingLabel = document.getElementById("watching");
const notifications = document.getElementById("notifications");
const notificationsError = document.getElementById("notifications-error");
const transcript = document.getElementById("transcript");
const commandForm = document.getElementById("command-form");
const commandInput = document.getElementById("command");

const Cards = window.AdaptiveCards;
const hostConfig = Cards && createHostConfig();
// Lets an unchanged message from the next poll be skipped, so a half-filled card form is not wiped every 2 s.
const shownSignatures = new WeakMap();

let people = [];
let personId = "";
const history = [];
let historyIndex = 0;
let draft = "";
let watchTarget = "";
let pollGeneration = 0;
let pollTimer;

// ---- Server calls ----

async function api(path, body) {
  const init = body === undefined
    ? { headers: { Accept: "application/json" } }
    : { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) };
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    throw new Error(`Could not reach the bot (${err.message}). Is it still running?`);
  }
  const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
  const payload = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new Error(payload?.detail || payload?.title || `The bot answered ${response.status} ${response.statusText}.`.trim());
  }
  if (payload === null) {
    throw new Error(`The bot's answer to ${path} was not JSON.`);
  }
  return payload;
}

// ---- Text and cards ----

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Just enough markup for the bot's texts: `code`, **bold**, *x* (bold in chat text as in Slack, italic in cards as in
// CommonMark), _italic_ and [label](https://link).
function formatText(text, singleStarTag = "strong") {
  return escapeHtml(text)
    .split(/(`[^`\n]+`)/)
    .map((part, i) => i % 2 === 1
      ? `<code>${part.slice(1, -1)}</code>`
      : part
        .replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
        .replace(/\*([^*\n]+)\*/g, `<${singleStarTag}>$1</${singleStarTag}>`)
        .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
        .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+|mailto:[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>'))
    .join("");
}

function createHostConfig() {
  const foreground = {
    default: { default: "#242424", subtle: "#616161" },
    dark: { default: "#242424", subtle: "#616161" },
    light: { default: "#FFFFFF", subtle: "#F0F0F0" },
    accent: { default: "#5B5FC7", subtle: "#7F85F5" },
    good: { default: "#237B4B", subtle: "#4E9A6B" },
    warning: { default: "#835C00", subtle: "#A87B1F" },
    attention: { default: "#C4314B", subtle: "#D6596F" },
  };
  const style = backgroundColor => ({ backgroundColor, foregroundColors: foreground });
  return new Cards.HostConfig({
    fontFamily: '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", sans-serif',
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E0E0E0" },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: style("#FFFFFF"),
      emphasis: style("#F5F5F5"),
      accent: style("#E8EBFA"),
      good: style("#E7F2DA"),
      warning: style("#FBF6D9"),
      attention: style("#FCF4F6"),
    },
    actions: {
      maxActions: 6,
      spacing: "default",
      buttonSpacing: 8,
      showCard: { actionMode: "inline", inlineTopMargin: 12, style: "emphasis" },
      actionsOrientation: "horizontal",
      actionAlignment: "left",
      // A title never ends in an ellipsis: a long one wraps, and the row of buttons wraps too (playground.css).
      allowTitleToWrap: true,
    },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { weight: "bolder", wrap: true, maxWidth: 160 },
      value: { wrap: true },
      spacing: 8,
    },
  });
}

if (Cards) {
  Cards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = formatText(text, "em").replace(/\n/g, "<br>");
    result.didProcess = true;
  };
}

function errorLine(text) {
  const p = document.createElement("p");
  p.className = "error";
  p.setAttribute("role", "alert");
  p.textContent = text;
  return p;
}

function renderCard(json, messageId) {
  const box = document.createElement("div");
  box.className = "card";
  if (!Cards) {
    box.append(errorLine("The Adaptive Cards renderer (lib/adaptivecards.min.js) did not load, so this card cannot be shown. Build the bot once so that it fetches the renderer."));
    return box;
  }
  const card = new Cards.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = action => runCardAction(action, messageId, box);
  try {
    card.parse(json);
    const element = card.render();
    if (!element) {
      throw new Error("the renderer produced nothing");
    }
    box.append(element);
  } catch (err) {
    box.append(errorLine(`This card could not be shown: ${err.message}`));
  }
  return box;
}

// ---- Messages ----

function messageElement(message, metaParts) {
  const article = document.createElement("article");
  article.className = "message bot";
  article.dataset.messageId = message.messageId;
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.append(...metaParts);
  const body = document.createElement("div");
  body.className = "body";
  article.append(meta, body);
  fillBody(article, message);
  return article;
}

function fillBody(article, message) {
  const body = article.querySelector(":scope > .body");
  body.replaceChildren();
  // A reply's text is the plain fallback of its card, so a rendered card stands alone; a notification's
  // text is the message itself and its card is the context, so both show.
  const textIsFallback = message.card && message.visibility !== undefined;
  if (message.text && !textIsFallback) {
    const text = document.createElement("div");
    text.className = "text";
    text.innerHTML = formatText(message.text);
    body.append(text);
  }
  if (message.card) {
    body.append(renderCard(message.card, message.messageId));
  }
  if (!message.text && !message.card) {
    body.append(note("(empty message)"));
  }
  shownSignatures.set(article, signature(message));
}

function signature(message) {
  return JSON.stringify([message.text ?? null, message.card ?? null]);
}

function span(className, text) {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}

function note(text) {
  const p = document.createElement("p");
  p.className = "note";
  p.textContent = text;
  return p;
}

function replyElement(reply) {
  const meta = [span("author", "ExecOps Bot")];
  if (reply.visibility === "ephemeral") {
    meta.push(span("badge", "only visible to you"));
  }
  const article = messageElement(reply, meta);
  article.classList.toggle("ephemeral", reply.visibility === "ephemeral");
  return article;
}

function shownMessages(messageId) {
  return document.querySelectorAll(`.message[data-message-id="${CSS.escape(messageId)}"]`);
}

function scrollToEnd(feed) {
  feed.scrollTop = feed.scrollHeight;
}

function startExchange(who, text, kind) {
  const exchange = document.createElement("section");
  exchange.className = "exchange";
  const bubble = document.createElement("div");
  bubble.className = `message user ${kind}`;
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.append(span("author", who));
  const body = document.createElement("div");
  body.className = "text";
  body.textContent = text;
  bubble.append(meta, body);
  exchange.append(bubble);
  transcript.append(exchange);
  scrollToEnd(transcript);
  return exchange;
}

function personName(id) {
  return people.find(p => p.id === id)?.name ?? (id || "nobody");
}

// ---- Commands ----

async function sendCommand(text) {
  const exchange = startExchange(personName(personId), text, "command");
  const pending = note("…");
  pending.classList.add("pending");
  exchange.append(pending);
  try {
    const { replies } = await api("/api/playground/commands", { as: personId, text });
    exchange.append(...(replies.length ? replies.map(replyElement) : [note("The bot sent no reply.")]));
  } catch (err) {
    exchange.append(errorLine(err.message));
  } finally {
    pending.remove();
    scrollToEnd(transcript);
  }
}

async function runCardAction(action, messageId, box) {
  if (action instanceof Cards.OpenUrlAction) {
    window.open(action.url, "_blank", "noopener");
    return;
  }
  // ShowCard and ToggleVisibility do their work inside the card; only submits go to the bot.
  if (!(action instanceof Cards.SubmitActionBase)) {
    return;
  }
  // The renderer has already merged the card's input values into action.data.
  const data = action.data && typeof action.data === "object" ? { ...action.data } : {};
  const actionId = action instanceof Cards.ExecuteAction ? action.verb : data.actionId;
  const article = box.closest(".message");
  article.querySelector(":scope > .error")?.remove();
  if (!actionId) {
    article.append(errorLine(`The button "${action.title ?? ""}" has no action id (a verb for Action.Execute, data.actionId for Action.Submit).`));
    return;
  }
  box.classList.add("busy");
  box.setAttribute("aria-busy", "true");
  try {
    const { replies } = await api("/api/playground/actions", { as: personId, messageId, actionId, data });
    let exchange;
    for (const reply of replies) {
      const shown = shownMessages(reply.messageId);
      if (shown.length) {
        shown.forEach(element => fillBody(element, reply));
      } else {
        exchange ??= startExchange(personName(personId), `pressed "${action.title || actionId}"`, "action");
        exchange.append(replyElement(reply));
      }
    }
    if (exchange) {
      scrollToEnd(transcript);
    }
  } catch (err) {
    article.append(errorLine(err.message));
  } finally {
    box.classList.remove("busy");
    box.removeAttribute("aria-busy");
  }
}

commandForm.addEventListener("submit", event => {
  event.preventDefault();
  const text = commandInput.value.trim();
  commandInput.focus();
  if (!text) {
    return;
  }
  if (history.at(-1) !== text) {
    history.push(text);
  }
  historyIndex = history.length;
  draft = "";
  commandInput.value = "";
  sendCommand(text);
});

commandInput.addEventListener("keydown", event => {
  if (event.key !== "ArrowUp" && event.key !== "ArrowDown") {
    return;
  }
  event.preventDefault();
  if (historyIndex === history.length) {
    draft = commandInput.value;
  }
  historyIndex = Math.max(0, Math.min(history.length, historyIndex + (event.key === "ArrowUp" ? -1 : 1)));
  commandInput.value = historyIndex < history.length ? history[historyIndex] : draft;
  commandInput.setSelectionRange(commandInput.value.length, commandInput.value.length);
});

for (const chip of document.querySelectorAll(".examples .chip")) {
  chip.addEventListener("click", () => {
    commandInput.value = chip.textContent;
    commandInput.focus();
    commandInput.setSelectionRange(commandInput.value.length, commandInput.value.length);
  });
}

// ---- People ----

function showError(element, text) {
  element.textContent = text;
  element.hidden = false;
}

function hideError(element) {
  element.hidden = true;
  element.textContent = "";
}

async function loadPeople() {
  try {
    people = await api("/api/playground/people");
  } catch (err) {
    showError(peopleError, `Could not load the people list: ${err.message}`);
    return;
  }
  hideError(peopleError);
  personSelect.replaceChildren(...people.map(p => new Option(`${p.name} (${p.id})`, p.id)));
  const saved = localStorage.getItem(PERSON_KEY);
  if (people.some(p => p.id === saved)) {
    personSelect.value = saved;
  }
  choosePerson(personSelect.value);
}

function choosePerson(id) {
  const watchFollowsPerson = watchInput.value.trim() === "" || watchInput.value.trim() === personId;
  personId = id;
  localStorage.setItem(PERSON_KEY, id);
  const roles = people.find(p => p.id === id)?.roles ?? [];
  rolesList.replaceChildren(...roles.map(role => {
    const li = document.createElement("li");
    li.textContent = role;
    return li;
  }));
  if (watchFollowsPerson) {
    watchInput.value = id;
    watch(id);
  }
}

personSelect.addEventListener("change", () => choosePerson(personSelect.value));

// ---- Notifications ----

function watch(target) {
  if (target === watchTarget) {
    return;
  }
  watchTarget = target;
  pollGeneration++;
  clearTimeout(pollTimer);
  notifications.replaceChildren();
  hideError(notificationsError);
  watchingLabel.textContent = target ? `for ${target}` : "";
  poll();
}

async function poll() {
  const generation = pollGeneration;
  if (watchTarget) {
    try {
      const messages = await api(`/api/playground/messages?to=${encodeURIComponent(watchTarget)}`);
      // A newer watch() started its own polling while this request was out.
      if (generation !== pollGeneration) {
        return;
      }
      hideError(notificationsError);
      messages.forEach(showNotification);
    } catch (err) {
      if (generation !== pollGeneration) {
        return;
      }
      showError(notificationsError, `Could not fetch messages for ${watchTarget}: ${err.message}`);
    }
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

function showNotification(message) {
  const existing = notifications.querySelector(`.message[data-message-id="${CSS.escape(message.messageId)}"]`);
  if (existing) {
    if (shownSignatures.get(existing) !== signature(message)) {
      fillBody(existing, message);
    }
    return;
  }
  const nearBottom = notifications.scrollHeight - notifications.scrollTop - notifications.clientHeight < 40;
  const time = document.createElement("time");
  time.dateTime = message.at;
  time.textContent = new Date(message.at).toLocaleString([], { dateStyle: "short", timeStyle: "short" });
  notifications.append(messageElement(message, [span("author", `to ${message.to}`), time]));
  if (nearBottom) {
    scrollToEnd(notifications);
  }
}

let watchDebounce;
watchInput.addEventListener("input", () => {
  clearTimeout(watchDebounce);
  watchDebounce = setTimeout(() => watch(watchInput.value.trim() || personId), 400);
});

if (!Cards) {
  transcript.append(errorLine("The Adaptive Cards renderer (lib/adaptivecards.min.js) did not load: cards will not show. Build the bot once so that it fetches the renderer with npm."));
}
loadPeople();
commandInput.focus();
