// Chronicle's page: plain JavaScript over the JSON API, no framework, no network beyond this
// server. Views are chosen by the URL's hash: #/timeline?actor=PRK, #/network,
// #/article/<id>?event=3, #/search?q=summit. Data reaches the page only through textContent and
// attributes, never innerHTML, so article text can hold any characters safely.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const QUADS = ['', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
const QUAD_KEYS = ['verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict'];
const FILTERS = ['actor', 'target', 'code', 'from', 'to', 'sort'];
const PAGE = 50;
let codes = {};
let routed = 0;

const $ = (sel) => document.querySelector(sel);

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message || `${response.status} ${response.statusText}`);
  return body;
}

function showError(err) {
  const box = $('#error');
  box.textContent = err ? String(err.message || err) : '';
  box.hidden = !err;
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').map(decodeURIComponent);
  return { view: parts[0] || 'timeline', arg: parts.slice(1).join('/'), params: new URLSearchParams(query) };
}

function go(view, arg, params) {
  const q = params && params.toString();
  location.hash = `#/${view}${arg !== undefined && arg !== null ? '/' + encodeURIComponent(arg) : ''}${q ? '?' + q : ''}`;
}

function codeName(code) {
  for (let n = code.length; n >= 2; n--) {
    const c = codes[code.slice(0, n)];
    if (c) return c.name;
  }
  return '';
}

// ---------- timeline view ----------

function filterParams(params) {
  const out = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) out.set(k, params.get(k));
  return out;
}

async function showTimeline(params) {
  const form = $('#filters');
  for (const k of FILTERS) form.elements[k].value = params.get(k) || (k === 'sort' ? '-date' : '');
  const filters = filterParams(params);
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const noSort = new URLSearchParams(filters);
  noSort.delete('sort');
  const [timeline, page, actors] = await Promise.all([
    api(`/api/timeline?${noSort}`),
    api(`/api/events?${filters}&limit=${PAGE}&offset=${offset}`),
    api(`/api/actors?${noSort}&limit=20`),
  ]);
  drawTimeline(timeline, params);
  fillEvents(page, params);
  fillActors(actors.actors, params);
  await showLatest();
}

/** Monday of an ISO week "2019-W09", as a UTC Date. */
function weekStart(week) {
  const [y, w] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  return monday;
}

const iso = (d) => d.toISOString().slice(0, 10);

/**
 * A time axis from pixel `left` to `right` that cuts out long empty stretches: events dated
 * decades back (historical events carry their own dates) get a strip of their own instead of
 * squeezing the rest into a sliver. Stretches with events keep widths proportional to time.
 */
function timeScale(rows, left, right) {
  const day = 86400e3, GAP = 24;
  const total = rows[rows.length - 1].to.getTime() + day - rows[0].from.getTime();
  const parts = [];
  for (const b of rows) {
    const t0 = b.from.getTime(), t1 = b.to.getTime() + day;
    const last = parts[parts.length - 1];
    if (last && t0 - last.t1 <= Math.max(2 * 365 * day, total / 8)) last.t1 = t1;
    else parts.push({ t0, t1, gapBefore: parts.length > 0 });
  }
  const span = parts.reduce((s, p) => s + (p.t1 - p.t0), 0);
  const room = right - left - GAP * (parts.length - 1);
  // Every stretch gets a minimum width so a lone old event stays visible.
  const min = Math.min(30, room / parts.length);
  const spare = room - min * parts.length;
  let at = left;
  for (const p of parts) {
    p.x0 = at + (p.gapBefore ? GAP : 0);
    p.x1 = p.x0 + min + spare * ((p.t1 - p.t0) / span);
    at = p.x1;
  }
  const scale = (t) => {
    const p = parts.find((q) => t <= q.t1) || parts[parts.length - 1];
    return p.x0 + ((Math.max(t, p.t0) - p.t0) / Math.max(1, p.t1 - p.t0)) * (p.x1 - p.x0);
  };
  scale.parts = parts;
  return scale;
}

/** Weekly rows gathered into weeks, or months when they span more than two years. */
function buckets(weeks) {
  if (!weeks.length) return { unit: 'week', rows: [] };
  const first = weekStart(weeks[0].period), last = weekStart(weeks[weeks.length - 1].period);
  const monthly = last - first > 2 * 365 * 86400e3;
  const map = new Map();
  for (const w of weeks) {
    const start = weekStart(w.period);
    const key = monthly ? iso(start).slice(0, 7) : w.period;
    let b = map.get(key);
    if (!b) {
      const from = monthly ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)) : start;
      const to = monthly ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0))
        : new Date(start.getTime() + 6 * 86400e3);
      b = { key, from, to, q: [0, 0, 0, 0, 0], events: 0 };
      map.set(key, b);
    }
    QUAD_KEYS.forEach((k, i) => { b.q[i + 1] += w[k]; });
    b.events += w.events;
  }
  return { unit: monthly ? 'month' : 'week', rows: [...map.values()] };
}

function drawTimeline(timeline, params) {
  const svg = $('#timeline-chart');
  svg.replaceChildren();
  const { unit, rows } = buckets(timeline.rows);
  const total = rows.reduce((s, b) => s + b.events, 0);
  const coarse = timeline.left_out
    ? ` (${timeline.left_out} more dated only to a month, a season or a year)` : '';
  $('#timeline-summary').textContent =
    `· ${total} dated event${total === 1 ? '' : 's'}, by ${unit}${coarse}`;
  const W = svg.clientWidth || 900, H = svg.clientHeight || 230, L = 36, R = 10, T = 10, B = 24;
  if (!rows.length) {
    svg.append(el('svg:text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis', text: 'No dated events match.' }));
    return;
  }
  const x = timeScale(rows, L, W - R);
  const max = Math.max(...rows.map((b) => b.events));
  const y = (v) => H - B - (v / max) * (H - B - T);
  for (const v of [0, Math.ceil(max / 2), max]) {
    svg.append(el('svg:line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(el('svg:text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis', text: String(v) }));
  }
  let lastLabel = -Infinity;
  for (const part of x.parts) {
    if (part.gapBefore) svg.append(el('svg:text', { x: part.x0 - 14, y: H - B + 4, class: 'axis', text: '≈' }));
    for (let yr = new Date(part.t0).getUTCFullYear(); yr <= new Date(part.t1).getUTCFullYear(); yr++) {
      const px = x(Math.max(Date.UTC(yr, 0, 1), part.t0));
      if (px - lastLabel < 40) continue;
      svg.append(el('svg:text', { x: px, y: H - 6, class: 'axis', text: String(yr) }));
      lastLabel = px;
    }
  }
  for (const b of rows) {
    const bx = x(b.from.getTime()), bw = Math.max(2, x(b.to.getTime() + 86400e3) - bx - 1);
    let top = 0;
    const group = el('svg:g', {
      class: 'bar', 'data-count': b.events, 'data-from': iso(b.from), 'data-to': iso(b.to),
      on: { click: () => { const p = filterParams(params); p.set('from', iso(b.from)); p.set('to', iso(b.to)); go('timeline', null, p); } },
    });
    group.append(el('svg:title', { text: `${iso(b.from)} – ${iso(b.to)}: ${b.events} events\n` +
      [1, 2, 3, 4].map((q) => `${QUADS[q]}: ${b.q[q]}`).join('\n') }));
    for (let q = 1; q <= 4; q++) {
      if (!b.q[q]) continue;
      group.append(el('svg:rect', { x: bx, width: bw, y: y(top + b.q[q]), height: y(top) - y(top + b.q[q]), class: `q${q}` }));
      top += b.q[q];
    }
    svg.append(group);
  }
}

function fillEvents(page, params) {
  const body = $('#events-table tbody');
  body.replaceChildren();
  for (const e of page.events) {
    const open = () => go('article', e.article_id, new URLSearchParams(e.ordinal === null ? '' : `event=${e.ordinal}`));
    body.append(el('tr', { 'data-event': e.event_id, 'data-article': e.article_id, 'data-ordinal': e.ordinal, on: { click: open } },
      el('td', { class: 'code', text: e.date, title: e.date_precision ? `precise to the ${e.date_precision}` : '' }),
      el('td', {}, actorLink(e.source, 'actor')),
      el('td', {}, el('span', { class: `pill q${e.quad_class}`, title: QUADS[e.quad_class] || '', text: e.code }), ' ', codeName(e.code)),
      el('td', {}, actorLink(e.target, 'target')),
      el('td', { text: e.goldstein === null ? '' : String(e.goldstein) }),
      el('td', { text: String(e.mentions) }),
      el('td', { text: e.article_title || e.article_id })));
  }
  if (!page.events.length) body.append(el('tr', {}, el('td', { colspan: 7, class: 'muted', text: 'No events match these filters.' })));
  const shown = page.events.length;
  $('#events-range').textContent = shown ? `· ${page.offset + 1}–${page.offset + shown}` : '';
  const move = (offset) => { const p = filterParams(params); if (offset) p.set('offset', offset); go('timeline', null, p); };
  const prev = $('#prev-page'), next = $('#next-page');
  prev.disabled = page.offset === 0;
  next.disabled = page.next_offset === null;
  prev.onclick = () => move(Math.max(0, page.offset - page.limit));
  next.onclick = () => move(page.next_offset);
}

function actorLink(code, key) {
  if (!code) return el('span', { class: 'muted', text: '—' });
  return el('a', { href: `#/timeline?${key}=${encodeURIComponent(code)}`, class: 'code', text: code,
    on: { click: (ev) => ev.stopPropagation() } });
}

function fillActors(actors, params) {
  const list = $('#actors-list');
  list.replaceChildren(...actors.map((a) => el('li', {},
    el('a', { href: `#/timeline?actor=${encodeURIComponent(a.actor)}`, class: 'code', text: a.actor }),
    el('span', { class: 'count', title: `${a.as_source} as source, ${a.as_target} as target`, text: String(a.events) }))));
  if (!actors.length) list.append(el('li', { class: 'muted', text: 'none' }));
  void params;
}

/** The articles stored last (what `chronicle watch` brought in), newest first. */
async function showLatest() {
  const data = await api('/api/latest?limit=10').catch(() => null);
  if (!data) return;
  const list = $('#latest-list');
  const when = (s) => (s && s.length === 14 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)} UTC` : '');
  list.replaceChildren(...data.articles.map((a) => el('li', {},
    el('a', { href: `#/article/${encodeURIComponent(a.id)}`, text: a.title || a.id }),
    el('span', { class: 'muted', title: `stored ${when(a.stored_at)}`, text: ` ${a.source || ''} · ${a.mentions} event mention(s)` }))));
  if (!data.articles.length) list.append(el('li', { class: 'muted', text: 'none' }));
}

/** Every minute, while the page is seen: the counts, the latest articles, and the timeline
 * when it is the view shown, so that a page left open follows a watcher's rounds. */
async function refresh() {
  if (document.visibilityState !== 'visible') return;
  const stats = await api('/api/stats').catch(() => null);
  if (stats) $('#stats').textContent = `${stats.articles} articles · ${stats.events} events · ${stats.quotes} quotes`;
  const { view, params } = parseHash();
  // Redrawn in place: no routing (the hash did not change, and tests wait on routing).
  if (view === 'timeline') await showTimeline(params).catch(() => {});
}

// ---------- network view ----------

async function showNetwork(params) {
  const data = await api(`/api/network?${filterParams(params)}&limit=80`);
  const svg = $('#network');
  svg.replaceChildren();
  const pairs = data.pairs;
  $('#network-summary').textContent = `· ${pairs.length} pairs of actors`;
  const W = svg.clientWidth || 1000, H = svg.clientHeight || 600;
  const nodes = new Map();
  for (const p of pairs) for (const a of [p.source, p.target]) {
    if (!nodes.has(a)) nodes.set(a, { id: a, weight: 0 });
    nodes.get(a).weight += p.events;
  }
  const list = [...nodes.values()];
  layout(list, pairs, W, H);
  const maxEdge = Math.max(1, ...pairs.map((p) => p.events));
  for (const p of pairs) {
    const a = nodes.get(p.source), b = nodes.get(p.target);
    const conflict = p.verbal_conflict + p.material_conflict, coop = p.verbal_coop + p.material_coop;
    const colour = conflict > coop ? 'var(--q4)' : 'var(--q2)';
    // A slight curve keeps A→B and B→A apart.
    const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.12, my = (a.y + b.y) / 2 - (b.x - a.x) * 0.12;
    svg.append(el('svg:path', { d: `M${a.x},${a.y} Q${mx},${my} ${b.x},${b.y}`, class: 'edge', stroke: colour,
      'stroke-opacity': 0.55, 'stroke-width': 1 + 5 * (p.events / maxEdge) },
    el('svg:title', { text: `${p.source} → ${p.target}: ${p.events} events, mean Goldstein ${p.goldstein === null ? '?' : p.goldstein.toFixed(1)}` })));
  }
  const maxNode = Math.max(1, ...list.map((n) => n.weight));
  for (const n of list) {
    const r = 5 + 14 * Math.sqrt(n.weight / maxNode);
    svg.append(el('svg:g', { class: 'node', 'data-actor': n.id, transform: `translate(${n.x},${n.y})`,
      on: { click: () => go('timeline', null, new URLSearchParams({ actor: n.id })) } },
    el('svg:circle', { r }), el('svg:text', { x: r + 3, y: 4, text: n.id }),
    el('svg:title', { text: `${n.id}: ${n.weight} events with another actor` })));
  }
  if (!pairs.length) svg.append(el('svg:text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', text: 'No events with two actors match.' }));
}

/** A force-directed layout (Fruchterman–Reingold) from a deterministic circle. */
function layout(nodes, pairs, W, H) {
  const n = nodes.length, k = Math.sqrt((W * H) / Math.max(1, n)) * 0.5;
  nodes.forEach((node, i) => {
    node.x = W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n);
    node.y = H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  let temp = W / 8;
  for (let iter = 0; iter < 250; iter++) {
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
      const d = Math.max(0.01, Math.hypot(ex, ey)), f = (k * k) / d;
      dx[i] += (ex / d) * f; dy[i] += (ey / d) * f; dx[j] -= (ex / d) * f; dy[j] -= (ey / d) * f;
    }
    for (const p of pairs) {
      const i = index.get(p.source), j = index.get(p.target);
      const ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
      const d = Math.max(0.01, Math.hypot(ex, ey)), f = (d * d) / k;
      dx[i] -= (ex / d) * f; dy[i] -= (ey / d) * f; dx[j] += (ex / d) * f; dy[j] += (ey / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A pull to the centre keeps separate components on screen.
      dx[i] += (W / 2 - nodes[i].x) * 0.6; dy[i] += (H / 2 - nodes[i].y) * 0.6;
      const d = Math.max(0.01, Math.hypot(dx[i], dy[i])), step = Math.min(d, temp);
      nodes[i].x = Math.min(W - 40, Math.max(20, nodes[i].x + (dx[i] / d) * step));
      nodes[i].y = Math.min(H - 20, Math.max(20, nodes[i].y + (dy[i] / d) * step));
    }
    temp *= 0.97;
  }
}

// ---------- article view ----------

async function showArticle(id, params) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  $('#article-title').textContent = a.title || a.id;
  $('#article-meta').textContent = [a.published, a.source, a.url, `id ${a.id}`].filter(Boolean).join(' · ');
  renderBody(a);
  renderEvents(a);
  renderQuotes(a);
  const chosen = params.get('event');
  if (chosen !== null && a.events[Number(chosen)]) selectEvent(a, Number(chosen), true);
}

/** The article body with every layer as classes on spans, sentences as outer spans. */
function renderBody(a) {
  const chars = Array.from(a.body); // offsets count Unicode scalar values, as the contract says
  const text = (s, e) => chars.slice(s, e).join('');
  const spans = [];
  for (const e of a.entities || []) spans.push({ s: e.start, e: e.end, cls: `ent ent-${e.type}`, title: `${e.type}: ${e.canonical}${e.actor ? ' (' + e.actor + ')' : ''}` });
  for (const d of a.dates || []) spans.push({ s: d.start, e: d.end, cls: 'date', title: `${d.type} ${d.value}` });
  (a.quotes || []).forEach((q, k) => {
    spans.push({ s: q.start, e: q.end, cls: `quote q-${k}`, title: `${q.kind} quote${q.speaker ? ' — ' + q.speaker : ''}` });
    // Where the speaker and cue were read from: marked only while their quote is selected.
    if (q.speaker_start != null && q.speaker_end != null) spans.push({ s: q.speaker_start, e: q.speaker_end, cls: `spk-${k}`, title: `speaker: ${q.speaker || '?'}` });
    if (q.cue_start != null && q.cue_end != null) spans.push({ s: q.cue_start, e: q.cue_end, cls: `cue-${k}`, title: `cue: ${q.cue || '?'}` });
  });
  for (const p of a.places || []) spans.push({ s: p.start, e: p.end, cls: 'place', title: `${p.name}${p.country ? ', ' + p.country : ''}` });
  const sentences = a.sentences || [];
  const withEvents = new Set((a.events || []).map((e) => e.sentence));
  const cuts = new Set([0, chars.length]);
  for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
  for (const s of sentences) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= chars.length).sort((x, y) => x - y);
  const root = $('#article-body');
  root.replaceChildren();
  let si = 0, holder = root, current = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    while (si < sentences.length && sentences[si].end <= s) si++;
    const inside = si < sentences.length && sentences[si].start <= s ? si : -1;
    if (inside !== current) {
      current = inside;
      holder = inside < 0 ? root : el('span', { class: `sent${withEvents.has(inside) ? ' has-event' : ''}`, id: `s-${inside}`, 'data-sentence': inside });
      if (inside >= 0) {
        const n = inside;
        holder.addEventListener('click', () => { const k = a.events.findIndex((ev) => ev.sentence === n); if (k >= 0) selectEvent(a, k, false); });
        root.append(holder);
      }
    }
    const covering = spans.filter((sp) => sp.s <= s && sp.e >= e);
    const piece = text(s, e);
    holder.append(covering.length ? el('span', { class: covering.map((c) => c.cls).join(' '), title: covering.map((c) => c.title).join('\n'), text: piece }) : piece);
  }
}

function renderEvents(a) {
  const list = $('#article-events');
  $('#article-events-count').textContent = `· ${a.events.length}`;
  list.replaceChildren(...a.events.map((e, k) => el('li', { class: `q${e.quad_class}`, 'data-ordinal': k, on: { click: () => selectEvent(a, k, true) } },
    el('div', { class: 'what' }, `${e.source || '—'} `, el('span', { class: 'code', text: e.cameo }), ` ${e.target || '—'}`),
    el('div', { text: `${codeName(e.cameo)}${e.goldstein === null ? '' : ` · Goldstein ${e.goldstein}`}${e.plover ? ` · ${e.plover}` : ''}` }),
    el('div', { class: 'tags' },
      el('span', { text: `${e.date || 'undated'} (${e.date_basis})` }),
      ...(e.context || []).map((c) => el('span', { text: c })),
      e.place ? el('span', { text: e.place }) : null),
    el('div', {}, 'trigger ', el('b', { text: `“${e.trigger}”` }), ' · ',
      el('a', { href: `#s-${e.sentence}`, class: 'sentence-link', text: `sentence ${e.sentence + 1}`,
        on: { click: (ev) => { ev.preventDefault(); ev.stopPropagation(); selectEvent(a, k, true); } } })),
    el('div', { class: 'rule code', title: 'The dictionary entry that coded this event', text: `rule: ${e.rule}` }))));
  if (!a.events.length) list.append(el('li', { class: 'muted', text: 'No events coded in this article.' }));
}

function renderQuotes(a) {
  const list = $('#article-quotes');
  list.replaceChildren(...(a.quotes || []).map((q, k) => el('li', { 'data-quote': k, on: { click: () => selectQuote(k) } }, `“${q.text}”`,
    el('div', { class: 'muted', text: `— ${q.speaker || 'unattributed'}${q.speaker_actor ? ' (' + q.speaker_actor + ')' : ''}, ${q.kind}${q.cue ? ', ' + q.cue : ''}${q.utterance != null ? ', utterance ' + (q.utterance + 1) : ''}` }))));
  if (!list.children.length) list.append(el('li', { class: 'muted', text: 'No quotes.' }));
}

/** Marks quote `k` in the body with the mention its speaker was read from and its cue. */
function selectQuote(k) {
  document.querySelectorAll('.quote-on, .speaker-on, .cue-on, .quote-list li.selected').forEach((n) => n.classList.remove('quote-on', 'speaker-on', 'cue-on', 'selected'));
  document.querySelectorAll(`#article-body .q-${k}`).forEach((n) => n.classList.add('quote-on'));
  document.querySelectorAll(`#article-body .spk-${k}`).forEach((n) => n.classList.add('speaker-on'));
  document.querySelectorAll(`#article-body .cue-${k}`).forEach((n) => n.classList.add('cue-on'));
  const item = document.querySelector(`#article-quotes li[data-quote="${k}"]`);
  if (item) item.classList.add('selected');
  const first = document.querySelector(`#article-body .spk-${k}, #article-body .q-${k}`);
  if (first) first.scrollIntoView({ block: 'center' });
}

/** Highlights event `k`'s card and its sentence, and records the choice in the URL. */
function selectEvent(a, k, scroll) {
  const e = a.events[k];
  document.querySelectorAll('.sent.selected, .event-cards li.selected').forEach((n) => n.classList.remove('selected'));
  const card = document.querySelector(`#article-events li[data-ordinal="${k}"]`);
  if (card) card.classList.add('selected');
  const sentence = document.getElementById(`s-${e.sentence}`);
  if (sentence) {
    sentence.classList.add('selected');
    if (scroll) sentence.scrollIntoView({ block: 'center' });
  }
  if (card) card.scrollIntoView({ block: 'nearest' });
  history.replaceState(null, '', `#/article/${encodeURIComponent(a.id)}?event=${k}`);
}

// ---------- search view ----------

async function showSearch(params) {
  const q = params.get('q') || '';
  $('#search-form').elements.q.value = q;
  const list = $('#search-results');
  list.replaceChildren();
  $('#search-summary').textContent = '';
  if (!q) return;
  const data = await api(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  $('#search-summary').textContent = `${data.results.length} article${data.results.length === 1 ? '' : 's'} match “${q}”`;
  for (const r of data.results) {
    list.append(el('li', {},
      el('a', { class: 'title', href: `#/article/${encodeURIComponent(r.id)}`, text: r.title || r.id }),
      el('div', { class: 'muted', text: [r.published, r.source].filter(Boolean).join(' · ') }),
      el('div', {}, snippet(r.snippet || ''))));
  }
}

/** FTS5 snippets mark hits with [ and ]; those become <mark> elements. */
function snippet(s) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s))) {
    out.push(s.slice(last, m.index), el('mark', { text: m[1] }));
    last = re.lastIndex;
  }
  out.push(s.slice(last));
  return out;
}

// ---------- wiring ----------

async function route() {
  const { view, arg, params } = parseHash();
  const known = ['timeline', 'network', 'article', 'search'].includes(view) ? view : 'timeline';
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== `view-${known}`; });
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === known));
  showError(null);
  document.body.dataset.loading = known;
  try {
    if (known === 'timeline') await showTimeline(params);
    else if (known === 'network') await showNetwork(params);
    else if (known === 'article') await showArticle(arg, params);
    else await showSearch(params);
  } catch (err) {
    showError(err);
  }
  document.body.dataset.ready = known;
  document.body.dataset.routed = String(++routed); // tests wait for this to change
  delete document.body.dataset.loading;
}

function wire() {
  $('#filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const k of FILTERS) { const v = ev.target.elements[k].value.trim(); if (v && !(k === 'sort' && v === '-date')) p.set(k, v); }
    go('timeline', null, p);
  });
  $('#clear-filters').addEventListener('click', () => go('timeline', null, null));
  const search = (ev) => { ev.preventDefault(); const q = ev.target.elements.q.value.trim(); if (q) go('search', null, new URLSearchParams({ q })); };
  $('#quick-search').addEventListener('submit', search);
  $('#search-form').addEventListener('submit', search);
  document.querySelectorAll('#layer-toggles input').forEach((box) => box.addEventListener('change', () => {
    $('#article-body').classList.toggle(`show-${box.dataset.layer}`, box.checked);
  }));
  window.addEventListener('hashchange', route);
}

async function start() {
  wire();
  const [stats, table] = await Promise.all([api('/api/stats').catch(() => null), api('/api/codes').catch(() => null)]);
  if (table) codes = table.codes;
  if (stats) $('#stats').textContent = `${stats.articles} articles · ${stats.events} events · ${stats.quotes} quotes`;
  await route();
  setInterval(refresh, 60000);
}

start();
