(function () {
  'use strict';
  var SVG_NS = 'http://www.w3.org/2000/svg';
  // Pod-level observations go on their own lane, as ticks coloured by kind.
  var POD_KINDS = { PHASE: '#2f62c9', EVENT: '#c77800', ACTION: '#222222', JOB: '#0f8a5f', DELETED: '#b3261e' };
  var POD_NAMES = { pod: true, job: true, suite: true };
  var FIGURES = [
    ['completionSeconds', 'Job created to pod ended', true], ['sidecarOutlivedMainSeconds', 'sidecar outlived main', true],
    ['terminationSeconds', 'deletion to pod gone', true], ['gracePeriodSeconds', 'grace period', true],
    ['jobAfterPodSeconds', 'pod ended to Job terminal (as the runner saw them; negative: Job first)', true], ['sidecarRestarts', 'sidecar restarts', false],
    ['sidecarDownSeconds', 'sidecar down', true], ['mainStartedBeforeReadySeconds', 'main began before sidecar Ready', true],
    ['mainStartedAfterSidecarRestartSeconds', "main began after the restarted sidecar it began beside", true],
    ['verdictDelaySeconds', 'deciding event seen to outcome', true], ['podPhase', 'pod phase', false],
    ['jobCondition', 'Job condition', false]];
  var W = 780, LEFT = 128, RIGHT = 16, AXIS = 26, LANE = 46;

  // Packed data: gzip-packed JSON in base64 (PackedText).
  function unpack(text) {
    var binary = atob(text.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    var text = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    return text.then(JSON.parse);
  }
  // A column's drill-down data is packed by cell, each record without its timeline (DrillDownData.Packed): order[k]
  // is the results index of cells[k], whose events are events[k] ([container, kind, detail, source]) at offsets[k]
  // (milliseconds, each from the event before). Put each record back at its index in cells, events as
  // [offset in seconds, container, kind, detail, source], with its column's object texts.
  function unfold(packed, cells) {
    packed.order.forEach(function (index, k) {
      var at = 0;
      var offsets = packed.offsets[k];
      cells[index] = Object.assign({}, packed.cells[k], {
        manifests: packed.manifests,
        timeline: packed.events[k].map(function (e, j) { at += offsets[j]; return [at / 1000].concat(e); })
      });
    });
  }
  // Each column's records are a script beside the page (drill/<column>.js, DrillDownData.files), loaded the first
  // time a cell of that column is opened: most readers open a few cells of a page of some 8,800 runs. A script
  // element, not fetch, so that a page opened from disk (file://) loads them too.
  var drillFiles = JSON.parse(document.getElementById('drill-files').textContent);
  var drillCells = [];
  var columnsLoading = {};
  window.scDrill = window.scDrill || {};
  function loadColumn(column) {
    if (!columnsLoading[column]) {
      columnsLoading[column] = new Promise(function (resolve, reject) {
        var file = drillFiles[column];
        if (!file) { reject(new Error('no drill-down file for column ' + column)); return; }
        var script = document.createElement('script');
        script.src = file;
        script.onload = function () {
          if (typeof window.scDrill[column] === 'string') { resolve(window.scDrill[column]); }
          else { reject(new Error(file + ' holds no drill-down data for column ' + column)); }
        };
        script.onerror = function () {
          reject(new Error('cannot load ' + file + ': the drill-down needs the drill/ folder beside this page'));
        };
        document.head.appendChild(script);
      }).then(unpack).then(function (packed) {
        unfold(packed, drillCells);
        delete window.scDrill[column];
        return drillCells;
      });
    }
    return columnsLoading[column];
  }
  var grid = document.getElementById('grid');
  // A cell of several runs carries only its outcome counts in its title; the rest (the shown run's reason, figure,
  // findings and note: GridTable.markupTitle) comes packed beside the grid, by the shown run's index.
  var hovered = unpack(document.getElementById('hover-data').textContent).then(function (hovers) {
    Array.prototype.forEach.call(grid.querySelectorAll('td.cell'), function (td) {
      var hover = hovers[td.getAttribute('data-i')];
      if (hover) { td.title = hover; }
    });
  });
  var panel = document.getElementById('drill');
  var panelBody = document.getElementById('drill-body');
  var filter = document.getElementById('filter');
  var counts = document.getElementById('counts');
  var rows = Array.prototype.slice.call(grid.querySelectorAll('tbody tr.row'));
  var groups = Array.prototype.slice.call(grid.querySelectorAll('tbody tr.group'));
  var faultHeads = Array.prototype.slice.call(grid.querySelectorAll('tbody tr.fhead'));
  // The grid is drawn a fault at a time: each row, pattern heading and fault heading sits in its fault's tbody.
  function faultOf(tr) { return tr.parentNode.getAttribute('data-f'); }
  var legend = Array.prototype.slice.call(document.querySelectorAll('.legend .sw'));
  var selected = null;

  // The page's state in its URL, so that a view can be linked: #v=1.31,1.35&f=none,sidecar-oom&from=1.31&to=1.35&cell=12
  // (versions by id or short name, faults by id).
  var state = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (part) {
    var eq = part.indexOf('=');
    if (eq > 0) { state[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1)); }
  });
  function writeHash() {
    var parts = Object.keys(state).filter(function (k) { return state[k] !== undefined; }).map(function (k) {
      return k + '=' + encodeURIComponent(state[k]).replace(/%2C/g, ',').replace(/%3A/g, ':');
    });
    var hash = '#' + parts.join('&');
    if (location.hash !== hash && !(hash === '#' && location.hash === '')) { location.replace(hash); }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  function titled(node, text) { node.appendChild(svgEl('title', {}, text)); return node; }
  function secs(v) { return (Math.round(v * 1000) / 1000) + ' s'; }
  function shorten(text, max) { text = String(text); return text.length > max ? text.slice(0, max - 1) + '…' : text; }
  // The outcome as the grid shows it: label and class come from the report (a DROPPED run says what the Job did then).
  function outcomeBadge(c) {
    var span = el('span', 'outcome');
    span.appendChild(el('span', 'badge ' + (c.outcomeClass || 'v-' + c.outcome), c.outcomeLabel || c.outcome));
    return span;
  }
  function findingList(findings) {
    if (!findings || !findings.length) { return null; }
    var ul = el('ul', 'findings-list');
    findings.forEach(function (f) {
      var li = el('li');
      li.setAttribute('data-finding', f.kind);
      li.appendChild(el('b', null, f.kind.toLowerCase().replace(/_/g, ' ') + ': '));
      li.appendChild(document.createTextNode(f.text));
      ul.appendChild(li);
    });
    return ul;
  }

  function facts(c) {
    var dl = el('dl', 'facts');
    function add(name, value) {
      dl.appendChild(el('dt', null, name));
      var dd = el('dd');
      if (value instanceof Node) { dd.appendChild(value); }
      else if (value === null || value === undefined || value === '') { dd.className = 'muted'; dd.textContent = '–'; }
      else { dd.textContent = String(value); }
      dl.appendChild(dd);
    }
    add('outcome', outcomeBadge(c));
    add('expected for its fault', c.expected);
    add('what happened', c.reason);
    add('findings', findingList(c.findings));
    add('note', c.note);
    add('started', c.startedAt);
    if (c.runnerLoad !== null && c.runnerLoad !== undefined) { add('runner load (1 min)', c.runnerLoad); }
    return dl;
  }

  // A readyAfterDeletion entry in words, as the ready-in-grace finding says it (ReadyAfterDeletion.words).
  function readyWords(name, r) {
    function plus(v) { return (v >= 0 ? '+' : '') + v.toFixed(1) + 's'; }
    var pod = name === 'pod', ended = r.endedSeconds === null || r.endedSeconds === undefined ? null
      : (pod ? 'its first container ended ' : 'ended ') + plus(r.endedSeconds);
    if (!r.readyAtDeletion) { return 'not Ready at the deletion' + (ended ? ', ' + ended : ''); }
    if (r.unreadySeconds !== null && r.unreadySeconds !== undefined) {
      return 'Ready false ' + plus(r.unreadySeconds) + (ended ? ', ' + ended
        : pod ? ', no container ended while observed' : ', still running when observation ended');
    }
    if (!ended) { return 'still Ready when observation ended'; }
    return (pod ? 'Ready until observation ended; its first container ended ' : 'stayed Ready until it ended, ') + plus(r.endedSeconds);
  }

  function figures(f) {
    var wrap = el('div', 'figures');
    var table = el('table', 'small');
    FIGURES.forEach(function (d) {
      var v = f[d[0]];
      var tr = el('tr');
      tr.appendChild(el('th', null, d[1]));
      tr.appendChild(v === null || v === undefined ? el('td', 'muted', 'not observed') : el('td', null, d[2] ? secs(v) : v));
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    var names = {};
    var perContainer = [f.restarts, f.exitCodes, f.reasons, f.oomScoreAdj, f.termAfterDeletionSeconds, f.exitAfterDeletionSeconds,
      f.readyAfterDeletion];
    perContainer.forEach(function (m) { Object.keys(m || {}).forEach(function (k) { names[k] = true; }); });
    var containers = Object.keys(names).sort();
    if (containers.length) {
      var per = el('table', 'small');
      var head = el('tr');
      ['container', 'restarts', 'exit code', 'reason', 'oom_score_adj', 'SIGTERM after deletion', 'ended after deletion',
        'Ready after deletion'].forEach(function (h) { head.appendChild(el('th', null, h)); });
      per.appendChild(head);
      containers.forEach(function (name) {
        var tr = el('tr');
        tr.appendChild(el('td', 'mono', name));
        perContainer.forEach(function (m, column) {
          var v = m ? m[name] : undefined;
          if (v !== undefined && column === 6) { v = readyWords(name, v); } else if (v !== undefined && column >= 4) { v = secs(v); }
          tr.appendChild(v === undefined ? el('td', 'muted', '–') : el('td', null, v));
        });
        per.appendChild(tr);
      });
      wrap.appendChild(per);
    }
    return wrap;
  }

  // Container lanes: bars from STARTING/RUNNING to TERMINATED (or EXITING, or the last event).
  function lanesOf(timeline) {
    var lanes = [], byName = {}, end = 0;
    var pod = { name: 'pod', segments: [], marks: [], pod: true };
    timeline.forEach(function (e) { if (e.offset > end) { end = e.offset; } });
    function close(lane, to, running) { lane.segments.push({ from: lane.open.from, to: to, running: running }); lane.open = null; }
    timeline.forEach(function (e) {
      if (POD_KINDS[e.kind] || POD_NAMES[e.container]) {
        pod.marks.push({ t: e.offset, kind: e.kind, text: e.detail, who: e.container });
        return;
      }
      var lane = byName[e.container];
      if (!lane) { lane = byName[e.container] = { name: e.container, segments: [], marks: [], open: null }; lanes.push(lane); }
      if (e.kind === 'STARTING' || e.kind === 'RUNNING') {
        if (lane.open && lane.open.exit !== null) { close(lane, lane.open.exit, false); }
        if (!lane.open) { lane.open = { from: e.offset, exit: null }; }
      } else if (e.kind === 'EXITING') {
        if (lane.open) { lane.open.exit = e.offset; }
        lane.marks.push({ t: e.offset, kind: e.kind, text: e.detail });
      } else if (e.kind === 'TERMINATED') {
        // An instance that wrote its Exiting line ended then; the kubelet's report can trail it by seconds.
        if (lane.open) { close(lane, lane.open.exit !== null ? lane.open.exit : e.offset, false); }
        lane.marks.push({ t: e.offset, kind: e.kind, text: e.detail });
      } else {
        lane.marks.push({ t: e.offset, kind: e.kind, text: e.detail });
      }
    });
    lanes.forEach(function (lane) {
      if (lane.open) { close(lane, lane.open.exit !== null ? lane.open.exit : end, lane.open.exit === null); }
    });
    lanes.push(pod);
    return { lanes: lanes, end: end };
  }

  function niceStep(end) {
    var steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];
    for (var i = 0; i < steps.length; i++) { if (end / steps[i] <= 8) { return steps[i]; } }
    return 7200;
  }

  // Labels go above or below the bar, whichever row has room; a label with no room is dropped
  // (its mark keeps a tooltip, and the table below has every event).
  function labelRows(ys) {
    var rows = ys.map(function (y) { return { y: y, free: 0 }; });
    return function (x, text) {
      var width = text.length * 5.7 + 4;
      var at = Math.max(LEFT + 2, Math.min(x + 3, W - RIGHT - width));
      for (var i = 0; i < rows.length; i++) {
        if (at >= rows[i].free) { rows[i].free = at + width + 8; return { x: at, y: rows[i].y }; }
      }
      return null;
    };
  }

  function gantt(timeline) {
    var wrap = el('div', 'gantt-wrap');
    if (!timeline.length) { wrap.appendChild(el('p', 'muted', 'no timeline recorded')); return wrap; }
    var data = lanesOf(timeline);
    var end = data.end > 0 ? data.end : 1;
    var height = AXIS + data.lanes.length * LANE + 4;
    function x(t) { return LEFT + (t / end) * (W - LEFT - RIGHT); }
    var svg = svgEl('svg', { 'class': 'gantt', width: W, height: height, viewBox: '0 0 ' + W + ' ' + height, role: 'img' });
    titled(svg, 'timeline: one lane per container, seconds from the first event');
    data.lanes.forEach(function (lane, n) {
      if (n % 2 === 1) { svg.appendChild(svgEl('rect', { x: 0, y: AXIS + n * LANE, width: W, height: LANE, fill: '#f1f3f6' })); }
    });
    var step = niceStep(end);
    for (var i = 0; i * step <= end * 1.000001; i++) {
      var xt = x(i * step);
      svg.appendChild(svgEl('line', { x1: xt, x2: xt, y1: AXIS - 5, y2: height - 2, stroke: '#d5d8dd' }));
      svg.appendChild(svgEl('text', { x: xt, y: AXIS - 9, 'text-anchor': 'middle' }, (Math.round(i * step * 10) / 10) + 's'));
    }
    data.lanes.forEach(function (lane, n) {
      var top = AXIS + n * LANE, barY = top + 17, barH = 12;
      var g = svgEl('g', { 'class': lane.pod ? 'pod-lane' : 'lane', 'data-lane': lane.name });
      g.appendChild(titled(svgEl('text', { x: 6, y: barY + 10, 'class': 'lane-name' }, shorten(lane.name, 16)), lane.name));
      lane.segments.forEach(function (seg) {
        var bar = svgEl('rect', { x: x(seg.from), y: barY, width: Math.max(2, x(seg.to) - x(seg.from)), height: barH,
          rx: 2, fill: '#8fb4e8', stroke: '#3a6db5' });
        if (seg.running) { bar.setAttribute('stroke-dasharray', '4 3'); }
        titled(bar, lane.name + ' running ' + seg.from + ' s to ' + seg.to + ' s' + (seg.running ? ' (still running at the last event)' : ''));
        g.appendChild(bar);
      });
      var place = labelRows([top + 12, top + 42]);
      lane.marks.forEach(function (m) {
        var xm = x(m.t), tip = m.t + ' s ' + m.kind + (m.who ? ' (' + m.who + ')' : '') + (m.text ? ': ' + m.text : ''), label = null, mark;
        if (m.kind === 'READY') {
          var cy = barY + barH / 2;
          mark = svgEl('polygon', { points: [xm, cy - 7, xm + 6, cy, xm, cy + 7, xm - 6, cy].join(' '), fill: '#13a043', stroke: '#ffffff', 'stroke-width': 1.5 });
        } else if (m.kind === 'TERMINATED') {
          mark = svgEl('rect', { x: xm - 2, y: barY - 4, width: 4, height: barH + 8, fill: '#1b1f24' });
          label = m.text || 'terminated';
        } else if (m.kind === 'EXITING') {
          mark = svgEl('line', { x1: xm, x2: xm, y1: barY - 2, y2: barY + barH + 2, stroke: '#555', 'stroke-width': 1.5, 'stroke-dasharray': '2 2' });
        } else if (lane.pod) {
          mark = svgEl('rect', { x: xm - 1.5, y: barY - 3, width: 3, height: barH + 6, fill: POD_KINDS[m.kind] || '#666' });
          label = m.kind.toLowerCase() + (m.text ? ' ' + m.text : '');
        } else {
          mark = svgEl('circle', { cx: xm, cy: barY - 3, r: 2.5, fill: '#0b7f86' });
        }
        g.appendChild(titled(mark, tip));
        if (label) {
          label = shorten(label, 30);
          var spot = place(xm, label);
          if (spot) { g.appendChild(titled(svgEl('text', { x: spot.x, y: spot.y }, label), tip)); }
        }
      });
      svg.appendChild(g);
    });
    wrap.appendChild(svg);
    var key = el('p', 'gantt-key');
    key.appendChild(el('span', null, 'bar: running (dashed: still running at the last event)'));
    key.appendChild(el('span', null, '◆ ready'));
    key.appendChild(el('span', null, '▮ terminated'));
    key.appendChild(el('span', null, '┆ exiting'));
    key.appendChild(el('span', null, '• status'));
    Object.keys(POD_KINDS).forEach(function (kind) {
      var s = el('span', null, '▮ ' + kind.toLowerCase());
      s.style.color = POD_KINDS[kind];
      key.appendChild(s);
    });
    wrap.appendChild(key);
    return wrap;
  }

  function timelineTable(timeline) {
    var table = el('table', 'timeline');
    var thead = el('thead'), head = el('tr');
    ['t (s)', 'container', 'kind', 'detail', 'source'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el('tbody');
    timeline.forEach(function (e) {
      var tr = el('tr', 'k-' + e.kind);
      tr.title = e.time;
      tr.appendChild(el('td', 't', e.offset.toFixed(3)));
      tr.appendChild(el('td', 'mono', e.container));
      tr.appendChild(el('td', null, e.kind));
      tr.appendChild(el('td', 'detail', e.detail));
      tr.appendChild(el('td', null, e.source));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    return table;
  }

  // What the suite applied, and how to run it again with kubectl (the files sit beside the page, under repro/).
  function reproduce(c) {
    var wrap = el('div', 'repro');
    if (!c.repro) {
      wrap.appendChild(el('p', 'muted', 'This run recorded no applied objects (runs before the suite recorded them), so it cannot be reproduced from the report.'));
      return wrap;
    }
    wrap.appendChild(el('p', 'small', 'Run from the folder of this page, on any cluster (kubectl and a current context); each prompt waits for the moment the suite took that step:'));
    var cmd = el('pre', 'cmd', c.repro.command);
    cmd.setAttribute('data-repro', 'command');
    wrap.appendChild(cmd);
    wrap.appendChild(el('p', 'small', 'Images it needs: ' + (c.repro.images.length ? c.repro.images.join(', ') : 'none named')));
    if (c.repro.privileged.length) {
      wrap.appendChild(el('p', 'small', 'Beyond an ordinary pod: ' + c.repro.privileged.join('; ') + '.'));
    }
    var how = el('p', 'small');
    how.appendChild(document.createTextNode('Public images, privileges and Pod Security: '));
    var link = el('a', null, 'Reproduce a cell');
    link.href = '#reproduce';
    how.appendChild(link);
    wrap.appendChild(how);
    var ol = el('ol', 'steps');
    c.repro.steps.forEach(function (s) { ol.appendChild(el('li', null, s)); });
    wrap.appendChild(ol);
    c.applied.forEach(function (o) {
      var d = el('details', 'applied');
      d.appendChild(el('summary', 'mono', o.kind + ' ' + o.name));
      d.appendChild(el('pre', 'manifest', o.text));
      wrap.appendChild(d);
    });
    return wrap;
  }

  // The data holds each event as [offset, container, kind, detail, source] and each cell's first event's time.
  function decodeEvents(c) {
    var first = c.firstEvent ? Date.parse(c.firstEvent) : NaN;
    return c.timeline.map(function (a) {
      return { offset: a[0], container: a[1], kind: a[2], detail: a[3], source: a[4],
        time: isNaN(first) ? '' : new Date(first + Math.round(a[0] * 1000)).toISOString() };
    });
  }

  // Each applied object names its text by index into the data's manifests, which holds every distinct text once.
  function runSection(c, manifests, heading, open) {
    var applied = c.applied.map(function (o) { return { kind: o.kind, name: o.name, text: manifests[o.manifest] }; });
    c = Object.assign({}, c, { timeline: decodeEvents(c), applied: applied });
    var section = el('section', 'run');
    section.setAttribute('data-repeat', String(c.repeat));
    if (heading) { section.appendChild(el('h3', 'run-title', heading)); }
    section.appendChild(facts(c));
    section.appendChild(el('h3', null, 'Timeline'));
    section.appendChild(gantt(c.timeline));
    var repro = el('details', 'more');
    repro.open = c.applied.length > 0 && (open || String(c.repeat) === '1');
    repro.appendChild(el('summary', null, 'Reproduce (' + c.applied.length + ' applied objects)'));
    repro.appendChild(reproduce(c));
    section.appendChild(repro);
    var figs = el('details', 'more');
    figs.open = open;
    figs.appendChild(el('summary', null, 'Figures'));
    figs.appendChild(figures(c.figures));
    section.appendChild(figs);
    if (c.timeline.length) {
      var events = el('details', 'more');
      events.open = open;
      events.appendChild(el('summary', null, 'Events (' + c.timeline.length + ')'));
      events.appendChild(timelineTable(c.timeline));
      section.appendChild(events);
    }
    return section;
  }

  var opening = Promise.resolve();
  function openCell(index, td) {
    opening = loadColumn(td.getAttribute('data-c')).then(function (cells) { showCell(cells, index, td); }, function (e) {
      panelBody.textContent = e.message;
      panel.hidden = false;
      throw e;
    });
    return opening;
  }

  function showCell(cells, index, td) {
    var c = cells[index];
    if (!c) { throw new Error('no drill-down data for cell ' + index); }
    var runs = (td.getAttribute('data-runs') || String(index)).split(',').map(Number);
    if (selected) { selected.classList.remove('selected'); }
    selected = td;
    td.classList.add('selected');
    panelBody.textContent = '';
    panelBody.appendChild(el('h2', 'title', c.title));
    if (runs.length > 1) {
      var summary = el('p', 'runs-summary');
      summary.textContent = td.getAttribute('title').split(String.fromCharCode(10))[0];
      panelBody.appendChild(summary);
      runs.forEach(function (i) {
        var r = cells[i];
        if (!r) { throw new Error('no drill-down data for run ' + i); }
        panelBody.appendChild(runSection(r, r.manifests, 'Run ' + r.repeat + ' of ' + runs.length + ': ' + (r.outcomeLabel || r.outcome), false));
      });
    } else {
      panelBody.appendChild(runSection(c, c.manifests, null, true));
    }
    panel.hidden = false;
    panel.scrollTop = 0;
    state.cell = String(index);
    writeHash();
  }

  function closePanel() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    if (selected) { selected.classList.remove('selected'); selected.focus(); }
    delete state.cell;
    writeHash();
  }

  function applyFilter() {
    var terms = filter.value.toLowerCase().split(' ').filter(function (s) { return s.length > 0; });
    var visibleGroups = {}, visibleFaults = {};
    rows.forEach(function (tr) {
      var text = (tr.getAttribute('data-row') + ' ' + faultOf(tr) + ' ' + tr.getAttribute('data-verdicts')).toLowerCase();
      // A row with no cell under the versions and faults shown leaves the grid too.
      var show = terms.every(function (term) { return text.indexOf(term) >= 0; }) && !tr.classList.contains('pivot-empty');
      tr.hidden = !show;
      if (show) { visibleGroups[faultOf(tr) + '|' + tr.getAttribute('data-group')] = true; visibleFaults[faultOf(tr)] = true; }
    });
    groups.forEach(function (tr) { tr.hidden = !visibleGroups[faultOf(tr) + '|' + tr.getAttribute('data-group')]; });
    faultHeads.forEach(function (tr) { tr.hidden = !visibleFaults[faultOf(tr)]; });
    showCounts();
  }

  function showCounts() {
    var tally = {}, shown = 0;
    rows.forEach(function (tr) {
      if (tr.hidden) { return; }
      shown++;
      tr.querySelectorAll('td.cell').forEach(function (td) {
        if (!inView(td)) { return; }
        var v = td.getAttribute('data-v');
        tally[v] = (tally[v] || 0) + 1;
      });
    });
    counts.textContent = '';
    counts.appendChild(el('span', null, shown + ' of ' + rows.length + ' rows:'));
    legend.forEach(function (sw) {
      var verdict = sw.className.split('v-')[1];
      if (!tally[verdict]) { return; }
      var item = el('span', 'count');
      item.setAttribute('data-v', verdict);
      item.appendChild(el('span', sw.className, sw.textContent));
      item.appendChild(document.createTextNode(String(tally[verdict])));
      counts.appendChild(item);
    });
  }

  // Pivot: which versions (data-c) and faults (data-f) the summary and the grid show. One generated stylesheet hides
  // the rest, so a 10 000-cell grid is not walked cell by cell; the fault headers' spans follow the versions shown.
  var view = document.getElementById('view');
  var pivotStyle = document.createElement('style');
  document.head.appendChild(pivotStyle);
  function picked(group) {
    var on = [], off = [];
    view.querySelectorAll('input[data-' + group + ']').forEach(function (box) {
      (box.checked ? on : off).push(box.getAttribute('data-' + group));
    });
    return { on: on, off: off };
  }
  function cssValue(v) { return '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'; }
  // The rule that hides a version (c) or fault (f) not chosen: in the grid, the summary, the changes' list and how the
  // pods ended.
  function hidden(attr, v) {
    var sel = '[data-' + attr + '=' + cssValue(v) + ']';
    return '#grid ' + sel + ',#summary ' + sel + ',#changes ' + sel + ',#end-of-pod ' + sel + '{display:none}';
  }
  var inViewC = null, inViewF = null;
  function inView(td) {
    return (!inViewC || inViewC[td.getAttribute('data-c')]) && (!inViewF || inViewF[td.getAttribute('data-f')]);
  }
  function applyPivot() {
    var versions = picked('pivot-c'), faults = picked('pivot-f'), rules = [];
    inViewC = {};
    inViewF = {};
    versions.on.forEach(function (c) { inViewC[c] = true; });
    faults.on.forEach(function (f) { inViewF[f] = true; });
    rows.forEach(function (tr) {
      var any = Array.prototype.some.call(tr.querySelectorAll('td.cell'), inView);
      tr.classList.toggle('pivot-empty', !any);
    });
    versions.off.forEach(function (c) { rules.push(hidden('c', c)); });
    faults.off.forEach(function (f) { rules.push(hidden('f', f)); });
    pivotStyle.textContent = rules.join(String.fromCharCode(10));
    grid.querySelectorAll('tr.fhead th, tr.group th').forEach(function (th) { th.colSpan = versions.on.length + 1; });
    var summaryBox = document.getElementById('summary');
    if (summaryBox) {
      var wordsUpTo = Number(summaryBox.getAttribute('data-words-up-to'));
      summaryBox.classList.toggle('words', versions.on.length > 0 && versions.on.length <= wordsUpTo);
    }
    document.body.setAttribute('data-pivot', versions.on.length + ' versions, ' + faults.on.length + ' faults');
    applyFilter();
    if (upgrade) { choosePair(); showUpgrade(); }
  }
  function label(box) { return box.parentNode.textContent.trim(); }
  // A link may name what this page does not have (another report's versions, a fault's old name): the names it knows
  // choose, the others are listed in #hash-note with what the page has; naming nothing known shows everything.
  var unknownNames = [];
  function restore(group, key, what) {
    if (state[key] === undefined) { return; }
    var wanted = state[key].split(',').filter(function (w) { return w.length > 0; });
    var boxes = Array.prototype.slice.call(view.querySelectorAll('input[data-' + group + ']'));
    function named(box, w) { return w === box.getAttribute('data-' + group) || w === label(box); }
    var unknown = wanted.filter(function (w) { return !boxes.some(function (box) { return named(box, w); }); });
    var known = wanted.length > unknown.length;
    boxes.forEach(function (box) { box.checked = !known || wanted.some(function (w) { return named(box, w); }); });
    if (unknown.length) {
      unknownNames.push({ what: what, unknown: unknown, known: known, here: boxes.map(label) });
      if (!known) { delete state[key]; }
    }
  }
  function showUnknownNames() {
    var note = document.getElementById('hash-note');
    if (!note || !unknownNames.length) { return; }
    note.textContent = '';
    unknownNames.forEach(function (u) {
      var p = el('p', null, 'This link names ' + u.what + ' this page does not have: ' + u.unknown.join(', ') + '. ' +
        (u.known ? 'Showing the ones it has.' : 'Showing every one.') + ' ' + u.what.charAt(0).toUpperCase() +
        u.what.slice(1) + ' on this page: ' + u.here.join(', ') + '.');
      p.setAttribute('data-unknown', u.unknown.join(','));
      note.appendChild(p);
    });
    note.hidden = false;
  }
  function remember(group, key) {
    var boxes = Array.prototype.slice.call(view.querySelectorAll('input[data-' + group + ']'));
    var on = boxes.filter(function (b) { return b.checked; });
    state[key] = on.length === boxes.length ? undefined : on.map(label).join(',');
  }
  restore('pivot-c', 'v', 'versions');
  restore('pivot-f', 'f', 'faults');
  showUnknownNames();
  view.addEventListener('change', function () { remember('pivot-c', 'v'); remember('pivot-f', 'f'); writeHash(); applyPivot(); });
  view.addEventListener('click', function (ev) {
    var group = ev.target.getAttribute('data-all') || ev.target.getAttribute('data-none');
    if (!group) { return; }
    var on = ev.target.hasAttribute('data-all');
    view.querySelectorAll('input[data-' + group + ']').forEach(function (box) { box.checked = on; });
    remember('pivot-c', 'v');
    remember('pivot-f', 'f');
    writeHash();
    applyPivot();
  });
  view.hidden = false;

  // Upgrade: what changes from one column to another, computed by the report (UpgradeView) for every pair of columns;
  // the script only picks the pair (by default the first and the last version shown) and the faults shown.
  var upgrade = document.getElementById('upgrade');
  var upgradeData = upgrade ? unpack(document.getElementById('upgrade-data').textContent) : Promise.resolve(null);
  var upgradeFrom = document.getElementById('upgrade-from'), upgradeTo = document.getElementById('upgrade-to');
  function optionNamed(select, name) {
    return Array.prototype.filter.call(select.options, function (o) { return o.value === name || o.textContent === name; })[0];
  }
  // The pair the page shows: the one the link or the reader chose, else the first and the last version shown.
  function choosePair() {
    var shown = picked('pivot-c').on, all = Array.prototype.map.call(upgradeFrom.options, function (o) { return o.value; });
    if (shown.length === 0) { shown = all; }
    var from = shown[0], to = shown[shown.length - 1];
    if (shown.length === 1) {
      var at = all.indexOf(shown[0]);
      from = all[at > 0 ? at - 1 : 0];
      to = all[at > 0 ? at : Math.min(1, all.length - 1)];
    }
    var chosenFrom = state.from !== undefined && optionNamed(upgradeFrom, state.from);
    var chosenTo = state.to !== undefined && optionNamed(upgradeTo, state.to);
    upgradeFrom.value = chosenFrom ? chosenFrom.value : from;
    upgradeTo.value = chosenTo ? chosenTo.value : to;
  }
  function causeList(causes, data) {
    var td = el('td');
    causes.forEach(function (c) {
      var details = el('details', 'cause');
      details.appendChild(el('summary', null, c[2] + ' (note on ' + data.columns[c[1]] + ')'));
      details.appendChild(el('p', 'small', data.notes[c[0]]));
      td.appendChild(details);
    });
    return td;
  }
  function upgradeTable(diffs, which, swapped, data, from, to) {
    var table = el('table', 'grid diff upgrade ' + which), head = el('tr');
    ['pattern / sidecar / variant', 'fault', 'what changed', 'upstream cause', data.columns[from], data.columns[to]].forEach(function (h) {
      head.appendChild(el('th', null, h));
    });
    table.appendChild(head);
    diffs.forEach(function (d) {
      var fault = data.faults[d[1]], changes = which === 'stable' ? d[2] : d[3], causes = which === 'stable' ? d[4] : d[5];
      var line = el('tr', 'row');
      line.setAttribute('data-diff', data.rows[d[0]] + ' | ' + fault);
      var name = el('th', 'rowname'), link = el('a', null, data.rows[d[0]]);
      link.href = '#row/' + fault + '/' + data.anchors[d[0]];
      name.appendChild(link);
      line.appendChild(name);
      line.appendChild(el('td', 'mono', fault));
      var what = el('td', 'what');
      changes.forEach(function (c) {
        what.appendChild(el('div', null, c[0] + ': ' + (swapped ? c[2] : c[1]) + ' → ' + (swapped ? c[1] : c[2])));
      });
      line.appendChild(what);
      line.appendChild(causeList(causes, data));
      var tr = grid.querySelector('tbody[data-f=' + cssValue(fault) + '] tr.row[data-r="' + d[0] + '"]');
      [from, to].forEach(function (column) {
        var cell = tr && tr.querySelector('td[data-c=' + cssValue(upgradeFrom.options[column].value) + ']');
        var copy = cell ? cell.cloneNode(true) : el('td', 'empty', '–');
        copy.classList.remove('selected');
        copy.removeAttribute('style');
        copy.removeAttribute('id');
        line.appendChild(copy);
      });
      table.appendChild(line);
    });
    return table;
  }
  function showUpgrade() {
    if (!upgrade) { return Promise.resolve(); }
    return upgradeData.then(function (data) {
      var from = upgradeFrom.selectedIndex, to = upgradeTo.selectedIndex, out = document.getElementById('upgrade-out');
      var shownFaults = {}, stable = [], timing = [], compared = 0, oneSided = 0;
      picked('pivot-f').on.forEach(function (f) { shownFaults[f] = true; });
      var low = Math.min(from, to), high = Math.max(from, to), swapped = from > to;
      var pair = data.pairs.filter(function (p) { return p[0] === low && p[1] === high; })[0];
      if (pair) {
        data.faults.forEach(function (f, i) { if (shownFaults[f]) { compared += pair[2][i]; oneSided += pair[3][i]; } });
        pair[4].forEach(function (d) {
          if (!shownFaults[data.faults[d[1]]]) { return; }
          if (d[2].length) { stable.push(d); }
          if (d[3].length) { timing.push(d); }
        });
      }
      out.textContent = '';
      out.appendChild(el('p', 'diff-count', 'From ' + data.columns[from] + ' to ' + data.columns[to] + ': ' + stable.length +
        (stable.length === 1 ? ' cell differs' : ' cells differ') + ' stably, ' + timing.length + ' in some runs only, of ' +
        compared + ' compared under the ' + picked('pivot-f').on.length + ' faults shown' +
        (oneSided ? '; ' + oneSided + ' more ran on only one of the two (not compared)' : '')));
      if (stable.length) {
        out.appendChild(el('h3', null, 'Stable: seen in every run on one column, in none on the other'));
        out.appendChild(upgradeTable(stable, 'stable', swapped, data, from, to));
      }
      if (timing.length) {
        out.appendChild(el('h3', null, 'Timing-dependent: seen in some runs only'));
        out.appendChild(upgradeTable(timing, 'timing', swapped, data, from, to));
      }
      document.body.setAttribute('data-differ', String(stable.length));
      document.body.setAttribute('data-timing', String(timing.length));
    });
  }
  if (upgrade) {
    upgrade.addEventListener('change', function () {
      state.from = upgradeFrom.selectedOptions[0].textContent;
      state.to = upgradeTo.selectedOptions[0].textContent;
      writeHash();
      showUpgrade();
    });
    document.getElementById('upgrade-swap').addEventListener('click', function () {
      var v = upgradeFrom.value;
      upgradeFrom.value = upgradeTo.value;
      upgradeTo.value = v;
      upgrade.dispatchEvent(new Event('change'));
    });
    upgrade.addEventListener('click', function (ev) {
      var td = ev.target.closest('td.cell');
      if (td) { openCell(Number(td.getAttribute('data-i')), td); }
    });
    document.getElementById('upgrade-pick').hidden = false;
  }

  // A link to a grid row (the answers, the upgrade view): shown even when the choice of faults or the filter hid it,
  // and scrolled to without replacing the page's state in its URL.
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a[href^="#row/"]') : null;
    var target = a && document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    if (!target) { return; }
    ev.preventDefault();
    if (target.hidden || target.classList.contains('pivot-empty') || target.offsetParent === null) {
      var box = view.querySelector('input[data-pivot-f=' + cssValue(faultOf(target)) + ']');
      if (box) { box.checked = true; }
      filter.value = '';
      remember('pivot-c', 'v');
      remember('pivot-f', 'f');
      writeHash();
      applyPivot();
    }
    target.scrollIntoView({ block: 'start' });
    target.classList.add('target');
    setTimeout(function () { target.classList.remove('target'); }, 2000);
  });

  grid.addEventListener('click', function (ev) {
    var td = ev.target.closest('td.cell');
    if (td) { openCell(Number(td.getAttribute('data-i')), td); }
  });
  grid.addEventListener('keydown', function (ev) {
    var td = ev.target.closest ? ev.target.closest('td.cell') : null;
    if (td && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); td.click(); }
  });
  document.getElementById('drill-close').addEventListener('click', closePanel);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { closePanel(); } });
  filter.addEventListener('input', applyFilter);

  document.body.setAttribute('data-cells', String(grid.querySelectorAll('td.cell').length));
  applyFilter();
  applyPivot();
  // #cell=<index> opens that cell through the same click path a reader uses: links to a cell work.
  if (state.cell !== undefined) {
    var target = grid.querySelector('td.cell[data-i="' + parseInt(state.cell, 10) + '"]');
    if (target) { target.click(); }
  }
  // Ready once the titles' and the upgrade view's data are unpacked too, and a cell named in the URL is open.
  Promise.all([hovered, upgradeData, showUpgrade(), opening]).then(function () {
    if (document.body.getAttribute('data-ready') !== 'error') { document.body.setAttribute('data-ready', 'true'); }
  });
})();
