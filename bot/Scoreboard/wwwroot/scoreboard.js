// The Executive Scoreboard page: reads /scoreboard/data for the view its address names and draws it.
// Every filter and drilldown is a plain link to another address, so any view can be pinned.
"use strict";

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
};

function options(select, values, chosen) {
  select.replaceChildren(el("option", { value: "" }, "all"), ...values.map(v => el("option", { value: v }, v)));
  select.value = chosen || "";
}

function chart(canvas, kpi, data) {
  const markers = (list, label) => list.map(m => ({ x: m.week, y: kpi.trend[data.weeks.indexOf(m.week)] ?? kpi.target, label }));
  const releases = markers(data.releases.map(r => ({ ...r })), "release");
  const incidents = markers(data.incidents.filter(i => !i.service || !data.slice.service || i.service === data.slice.service), "incident");
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.weeks,
      datasets: [
        { label: kpi.name, data: kpi.trend, borderColor: "#0969da", spanGaps: true },
        { label: "target", data: data.weeks.map(() => kpi.target), borderColor: "#8c959f", borderDash: [6, 4], pointRadius: 0 },
        { type: "scatter", label: "releases", data: releases, pointStyle: "triangle", pointRadius: 7, backgroundColor: "#1a7f37" },
        { type: "scatter", label: "incidents", data: incidents, pointStyle: "crossRot", pointRadius: 8, borderColor: "#d1242f", borderWidth: 2 },
      ],
    },
    options: { animation: false, responsive: true, plugins: { legend: { display: false } } },
  });
}

function card(kpi, data) {
  const article = el("article", { class: `kpi ${kpi.status || "unrated"}`, "data-kpi": kpi.id });
  article.append(
    el("h2", {}, kpi.name),
    el("div", { class: "value" }, kpi.valueText),
    el("div", {}, `target ${kpi.targetText} · ${kpi.changeText} · ${kpi.status || "no status here"}`),
    el("div", { class: kpi.freshness.level === "red" ? "stale" : "" },
      kpi.freshness.latest ? `data ${Math.round(kpi.freshness.ageHours)} h old (${kpi.freshness.level})` : "no data yet"),
    el("div", {}, `owner: ${kpi.owner}`));
  const canvas = el("canvas", { height: "160", "aria-label": `${kpi.name} over eight weeks` });
  article.append(canvas);
  if (kpi.commentary) {
    const c = kpi.commentary;
    article.append(el("p", { class: "commentary" }, `Cause: ${c.cause}. Action: ${c.action}. Back on target by ${c.recoveryBy} (${c.by}).`));
  } else if (kpi.status === "red") {
    article.append(el("p", { class: "commentary" }, "No variance commentary yet."));
  }
  return [article, canvas];
}

async function load() {
  const response = await fetch("/scoreboard/data" + location.search, { credentials: "same-origin" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = document.getElementById("error");
    error.hidden = false;
    error.textContent = body.detail || `The scoreboard could not be loaded (${response.status}).`;
    document.getElementById("view").textContent = "";
    return;
  }
  document.getElementById("view").textContent = `${body.week} · ${body.sliceLabel} · as of ${new Date(body.asOf).toISOString().slice(0, 16).replace("T", " ")} UTC${body.weekComplete ? " · week complete" : ""}`;
  document.getElementById("viewer").textContent = `Signed in as ${body.viewer.name}`;
  const banner = document.getElementById("banner");
  banner.className = body.banner.level;
  banner.textContent = body.banner.text;

  document.getElementById("week").value = body.week;
  options(document.getElementById("icp"), body.segments.icp, body.slice.icp);
  options(document.getElementById("size"), body.segments.size, body.slice.size);
  options(document.getElementById("region"), body.segments.region, body.slice.region);
  document.getElementById("export").href = body.export;

  const links = [body.up, ...body.drilldowns].filter(Boolean)
    .map(d => el("li", {}, el("a", { href: "/scoreboard?" + d.query }, d.label)));
  document.getElementById("drilldowns").replaceChildren(...links);

  const grid = document.getElementById("kpis");
  grid.replaceChildren();
  for (const kpi of body.kpis) {
    const [article, canvas] = card(kpi, body);
    grid.append(article);
    chart(canvas, kpi, body);
  }
  const markers = [
    ...body.releases.map(r => `🚀 ${r.at.slice(0, 10)} ${r.service}: ${r.summary}`),
    ...body.incidents.map(i => `🚨 ${i.declaredAt.slice(0, 10)} ${i.id} ${i.severity}: ${i.title}` + (i.commander ? ` · IC ${i.commander}` : "") + (i.rootCause ? ` · RCA: ${i.rootCause}` : "")),
  ];
  document.getElementById("markers").replaceChildren(...(markers.length ? markers : ["No releases or incidents in these weeks."]).map(m => el("li", {}, m)));
  document.getElementById("hidden").textContent = body.hidden ? `${body.hidden} KPI(s) are classified above what your role may see.` : "";
  document.body.dataset.loaded = "true";
}

document.getElementById("filters").addEventListener("submit", event => {
  event.preventDefault();
  const current = new URLSearchParams(location.search);
  for (const field of ["week", "icp", "size", "region"]) {
    const value = document.getElementById(field).value;
    if (value) current.set(field, value); else current.delete(field);
  }
  location.search = current.toString();
});

load();
