/**
 * Browser code of the status page (plain ES2020, no build step, no external assets). It renders
 * `api/status` and `api/pdls` with DOM nodes and `textContent` only (no HTML from data), refreshes every
 * 2 s while a sync runs and every 30 s otherwise, and posts `api/sync` for "Sync now". Every URL is
 * relative, so the page works behind any path prefix. `LABELS` is injected before this script.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  if (!location.pathname.endsWith('/')) {
    history.replaceState(null, '', location.pathname + '/' + location.search + location.hash);
  }
  var fr = (navigator.language || '').toLowerCase().indexOf('fr') === 0;
  var T = fr ? LABELS.fr : LABELS.en;
  var locale = fr ? 'fr-FR' : 'en-GB';
  var fmtTime = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' });
  var fmtDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  var rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  var DAY = 86400000;
  var timer = null;
  var $ = function (id) { return document.getElementById(id); };
  var t = function (key, vars) {
    var s = T[key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.replace('{' + k + '}', String(vars[k])); });
    return s;
  };

  function h(tag, props, kids) {
    var el = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) { el.setAttribute(k, props[k]); });
    (kids || []).forEach(function (k) {
      if (k !== null && k !== undefined && k !== false) el.append(k instanceof Node ? k : String(k));
    });
    return el;
  }
  function relative(ms, now) {
    var d = ms - now, a = Math.abs(d);
    if (a < 60000) return rel.format(Math.round(d / 1000), 'second');
    if (a < 3600000) return rel.format(Math.round(d / 60000), 'minute');
    if (a < DAY) return rel.format(Math.round(d / 3600000), 'hour');
    return rel.format(Math.round(d / DAY), 'day');
  }
  function when(iso, now, none) {
    if (!iso) return none || T.never;
    var ms = Date.parse(iso);
    return fmtTime.format(ms) + ' (' + relative(ms, now) + ')';
  }
  function whenNode(iso, now, none) {
    if (!iso) return h('span', { class: 'muted' }, [none || T.never]);
    var ms = Date.parse(iso);
    return h('span', {}, [fmtTime.format(ms), ' ', h('small', {}, [relative(ms, now)])]);
  }
  function duration(ms) {
    var min = Math.max(1, Math.round(ms / 60000));
    return min < 90 ? min + ' min' : Math.round(min / 6) / 10 + ' h';
  }
  var UNDATED = { contract: true, address: true };
  function day(d) { return fmtDay.format(Date.parse(d + 'T00:00:00Z')); }
  function held(r, st) {
    if (!r) return UNDATED[st.stream] && st.lastSuccessAt ? T.stored : T.noData;
    var n = Math.round((Date.parse(r.end) - Date.parse(r.start)) / DAY);
    return day(r.start) + ' → ' + fmtDay.format(Date.parse(r.end + 'T00:00:00Z') - DAY) + ' · ' + t('days', { n: n });
  }
  function quota(used, limit, label) {
    var value = used === null && limit === null ? T.unknown
      : (used === null ? '?' : used) + ' / ' + (limit === null ? '?' : limit);
    return h('span', { class: 'nowrap' }, [value + ' ' + label]);
  }
  function fact(label, value) { return h('div', {}, [h('dt', {}, [label]), h('dd', {}, [value])]); }

  function renderSync(s, now) {
    var pill = $('pill');
    var p = s.progress;
    pill.className = 'pill ' + (s.running ? 'busy' : s.lastRun.ok === false ? 'bad' : s.lastRun.ok ? 'ok' : '');
    pill.textContent = s.running ? T.pillRunning + (p ? ' ' + p.percent + ' %' : '')
      : s.lastRun.ok === false ? T.pillFailed : s.lastRun.ok ? T.pillOk : T.pillNever;
    $('sync-state').textContent = s.running ? (p && p.message) || T.syncing
      : s.lastRun.finishedAt
        ? T.lastFinished + ' ' + when(s.lastRun.finishedAt, now) + ' · ' + t('calls', { n: s.lastRun.calls })
        : T.noRunYet;
    $('progress').hidden = !s.running;
    if (s.running && p) {
      $('bar-fill').style.width = p.percent + '%';
      var parts = [p.done + ' / ' + p.total, p.percent + ' %'];
      if (p.etaMs !== null) parts.push(t('eta', { t: duration(p.etaMs) }));
      if (p.pdl) parts.push(p.pdl + (p.stream ? ' · ' + (T[p.stream] || p.stream) : ''));
      $('progress-text').textContent = parts.join(' · ');
    }
    var btn = $('sync-now');
    btn.disabled = s.running;
    btn.textContent = s.running ? T.syncing : T.syncNow;
    var q = s.quota;
    var facts = [
      fact(T.nextSync, whenNode(s.schedule.nextDailySync, now, T.notScheduled)),
      fact(T.nextTempo, whenNode(s.schedule.nextTempo, now, T.notScheduled)),
      fact(T.nextEcoWatt, whenNode(s.schedule.nextEcoWatt, now, T.notScheduled)),
      fact(T.quota, h('span', {}, [quota(q.cachedUsed, q.cachedLimit, T.cached), ' · ', quota(q.noCacheUsed, q.noCacheLimit, T.live)])),
    ];
    if (q.pausedUntil) facts.push(fact(T.pausedUntil, whenNode(q.pausedUntil, now)));
    $('facts').replaceChildren.apply($('facts'), facts);
  }

  function renderErrors(s, now) {
    var items = [];
    if (s.lastError) items.push(h('li', {}, [s.lastError.message, ' ', h('small', {}, [when(s.lastError.at, now)])]));
    var streamErr = function (who) {
      return function (st) {
        if (st.lastError) items.push(h('li', {}, [h('strong', {}, [who + (T[st.stream] || st.stream) + ': ']), st.lastError]));
      };
    };
    s.pdls.forEach(function (p) { p.streams.forEach(streamErr((p.name || p.pdl) + ' · ')); });
    s.global.forEach(streamErr(''));
    $('errors-card').hidden = items.length === 0;
    $('errors').replaceChildren.apply($('errors'), items);
  }

  function exporterState(e) {
    if (e.state === 'ok') return h('td', { class: 'good' }, ['✓ ' + T.ok]);
    if (e.state === 'error') return h('td', { class: 'err' }, [e.lastError || T.exporterError]);
    var key = { idle: 'exporterIdle', running: 'exporterRunning', stopped: 'exporterStopped' }[e.state];
    return h('td', { class: 'muted' }, [T[key] || e.state]);
  }
  function exporterResult(r) {
    if (!r) return '—';
    return Object.keys(r).filter(function (k) {
      return k !== 'reason' && ['number', 'string', 'boolean'].indexOf(typeof r[k]) >= 0;
    }).map(function (k) { return k + ' ' + r[k]; }).join(' · ') || '—';
  }

  function renderExporters(s, now) {
    var list = s.exporters || [];
    $('exporters-card').hidden = list.length === 0;
    var rows = list.map(function (e) {
      return h('tr', { 'data-exporter': e.name }, [
        h('td', {}, [T['exporter_' + e.name.replace(/-/g, '_')] || e.name]),
        h('td', {}, [whenNode(e.lastRunAt, now)]),
        h('td', {}, [whenNode(e.lastSuccessAt, now)]),
        h('td', {}, [exporterResult(e.lastResult)]),
        exporterState(e),
      ]);
    });
    var head = h('tr', {}, [T.exporter, T.lastRun, T.lastSuccess, T.result, T.state].map(function (x) {
      return h('th', {}, [x]);
    }));
    var table = h('div', { class: 'table' }, [h('table', {}, [h('thead', {}, [head]), h('tbody', {}, rows)])]);
    $('exporters').replaceChildren(table);
  }

  function streamTable(streams, now) {
    if (!streams.length) return h('p', { class: 'none' }, [T.noData]);
    var rows = streams.map(function (st) {
      var extra = [];
      if (st.missingDays) extra.push(t('missing', { n: st.missingDays }));
      if (st.givenUpDays) extra.push(t('givenUp', { n: st.givenUpDays }));
      var state = st.lastError ? h('td', { class: 'err' }, [st.lastError])
        : h('td', { class: st.lastSuccessAt ? 'good' : 'muted' }, [st.lastSuccessAt ? '✓ ' + T.ok : '—']);
      return h('tr', {}, [
        h('td', {}, [T[st.stream] || st.stream, extra.length ? h('small', {}, [extra.join(' · ')]) : null]),
        h('td', {}, [held(st.dataRange, st)]),
        h('td', {}, [whenNode(st.lastSuccessAt, now)]),
        state,
      ]);
    });
    var head = h('tr', {}, [T.stream, T.held, T.lastSuccess, T.state].map(function (x) { return h('th', {}, [x]); }));
    return h('div', { class: 'table' }, [h('table', {}, [h('thead', {}, [head]), h('tbody', {}, rows)])]);
  }

  function pdlMeta(m) {
    if (!m) return null;
    var bits = [];
    if (m.subscribedPowerKva !== null) bits.push(m.subscribedPowerKva + ' kVA');
    if (m.pricingOption) bits.push(m.pricingOption);
    if (m.offpeakHours.length) {
      bits.push(T.offpeak + ' ' + m.offpeakHours.map(function (r) { return r.start + '–' + r.end; }).join(', '));
    }
    if (m.address && (m.address.city || m.address.postalCode)) {
      bits.push([m.address.postalCode, m.address.city].filter(Boolean).join(' '));
    }
    if (m.contractStatus) bits.push(m.contractStatus);
    return bits.length ? h('p', { class: 'meta' }, [bits.join(' · ')]) : null;
  }

  function pdlCard(p, meta, now) {
    var badge = function (on, text) { return h('span', { class: on ? 'badge on' : 'badge' }, [text]); };
    var badges = [badge(p.isActive, p.isActive ? T.active : T.inactive)];
    if (p.hasConsumption) badges.push(badge(true, T.consumption));
    if (p.hasProduction) badges.push(badge(true, T.production));
    if (!p.selected) badges.push(badge(false, T.notSelected));
    var title = h('div', {}, [h('h2', {}, [p.name || 'PDL ' + p.pdl]), p.name ? h('span', { class: 'pdl-id' }, [p.pdl]) : null]);
    return h('section', { class: 'card pdl', 'data-pdl': p.pdl }, [
      h('div', { class: 'card-head' }, [title, h('div', { class: 'badges' }, badges)]),
      pdlMeta(meta),
      streamTable(p.streams, now),
    ]);
  }

  function renderPdls(s, metas, now) {
    var byPdl = {};
    (metas || []).forEach(function (m) { byPdl[m.pdl] = m; });
    var cards = s.pdls.map(function (p) { return pdlCard(p, byPdl[p.pdl], now); });
    if (s.global.length) {
      cards.push(h('section', { class: 'card' }, [h('h2', {}, [T.globalData]), streamTable(s.global, now)]));
    }
    if (!s.pdls.length) cards.unshift(h('section', { class: 'card empty' }, [T.noPdl]));
    $('pdls').replaceChildren.apply($('pdls'), cards);
  }

  function getJson(url) {
    return fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(refresh, ms);
  }

  function refresh() {
    return Promise.all([getJson('api/status'), getJson('api/pdls').catch(function () { return null; })])
      .then(function (res) {
        var s = res[0], now = Date.parse(s.now);
        document.body.dataset.state = s.running ? 'running' : 'idle';
        renderSync(s, now);
        renderErrors(s, now);
        renderExporters(s, now);
        renderPdls(s, res[1], now);
        $('version').textContent = 'v' + s.version;
        if ($('notice').dataset.kind === 'offline') notice('', '');
        schedule(s.running ? 2000 : 30000);
      })
      .catch(function () {
        $('pill').className = 'pill bad';
        $('pill').textContent = T.pillOffline;
        notice(T.offline, 'offline');
        schedule(5000);
      });
  }

  function notice(text, kind) {
    $('notice').textContent = text;
    $('notice').dataset.kind = kind;
  }

  $('sync-now').addEventListener('click', function () {
    var btn = $('sync-now');
    btn.disabled = true;
    fetch('api/sync', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(function (r) {
        if (r.status === 202) return notice(T.started, 'ok');
        if (r.status === 409) return notice(T.alreadyRunning, 'info');
        return r.json().then(function (b) { notice(b.error ? b.error.message : 'HTTP ' + r.status, 'error'); });
      })
      .catch(function () { notice(T.offline, 'offline'); })
      .then(refresh);
  });

  document.documentElement.lang = fr ? 'fr' : 'en';
  document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = T[el.getAttribute('data-t')]; });
  refresh();
})();
`;
