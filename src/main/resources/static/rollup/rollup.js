/*
 * The national roll-up page: /rollup?cycle=<id>&round=MID_YEAR|ANNUAL.
 * Reads /api/rollup/... with whatever authentication the API accepts: the browser's session or cached
 * credentials first; on 401 the page asks for a user name and password and sends them as HTTP Basic (kept in
 * memory only).
 * Every text from the server is written with textContent, never as HTML.
 */
(function () {
  'use strict';

  // credentials typed into the page's sign-in form live only in memory, for this page's requests
  var basicToken = null;
  var params = new URLSearchParams(window.location.search);
  var state = { cycleId: params.get('cycle'), round: (params.get('round') || 'MID_YEAR').toUpperCase().replace('-', '_'),
                rollup: null, sample: null };

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function row(cells, className) {
    var tr = el('tr', null, className);
    cells.forEach(function (cell) {
      var td = el('td', cell && cell.text !== undefined ? cell.text : cell, cell && cell.num ? 'num' : null);
      tr.appendChild(td);
    });
    return tr;
  }

  function num(value) {
    return { text: value === null || value === undefined ? '-' : Number(value).toLocaleString('th-TH'), num: true };
  }

  function pct(value) {
    return { text: value === null || value === undefined ? '-' : Number(value).toFixed(2), num: true };
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function message(text, ok) {
    var box = $('message');
    box.textContent = text || '';
    box.hidden = !text;
    box.className = ok ? 'message ok' : 'message';
  }

  function headers(extra) {
    var h = Object.assign({ 'Accept': 'application/json' }, extra || {});
    if (basicToken) { h['Authorization'] = 'Basic ' + basicToken; }
    return h;
  }

  function SignInRequired() { this.name = 'SignInRequired'; }

  function request(path, options) {
    options = options || {};
    return fetch(path, { method: options.method || 'GET', credentials: 'same-origin', headers: headers(options.headers),
                         body: options.body })
      .then(function (response) {
        if (response.status === 401) {
          basicToken = null;
          $('sign-in').hidden = false;
          throw new SignInRequired();
        }
        if (!response.ok) {
          return response.text().then(function (body) {
            var text = body;
            try { var json = JSON.parse(body); text = json.message || json.detail || json.title || body; } catch (e) { /* plain text */ }
            if (response.status === 403) { text = 'ไม่มีสิทธิ์ดูหรือแก้ไขข้อมูลนี้ (' + text + ')'; }
            throw new Error(text || ('HTTP ' + response.status));
          });
        }
        return response;
      });
  }

  function json(path, options) { return request(path, options).then(function (r) { return r.json(); }); }

  function base() {
    return '/api/rollup/cycles/' + encodeURIComponent(state.cycleId) + '/rounds/' + encodeURIComponent(state.round);
  }

  function failed(error) {
    if (error instanceof SignInRequired) { message('ต้องเข้าสู่ระบบก่อน'); return; }
    message(error.message || String(error));
  }

  // ----- loading -----

  function start() {
    json('/api/dashboard/cycles').then(function (cycles) { // accepts the webapps' login, as /api/rollup does
      var select = clear($('cycle-select'));
      cycles.sort(function (a, b) { return b.fiscalYear - a.fiscalYear; });
      cycles.forEach(function (cycle) {
        var option = el('option', 'ปีงบประมาณ ' + cycle.fiscalYear);
        option.value = String(cycle.id);
        select.appendChild(option);
      });
      if (!state.cycleId && cycles.length) { state.cycleId = String(cycles[0].id); }
      if (!state.cycleId) { message('ยังไม่มีวงจรที่เปิดไว้'); return; }
      select.value = state.cycleId;
      $('round-select').value = state.round;
      $('sign-in').hidden = true;
      return load();
    }).catch(failed);
  }

  function load() {
    message('');
    return Promise.all([json(base()), json(base() + '/sample')]).then(function (answers) {
      state.rollup = answers[0];
      state.sample = answers[1];
      render();
    }).catch(failed);
  }

  // ----- rendering -----

  function render() {
    var r = state.rollup;
    $('rollup-title').textContent = 'ปีงบประมาณ ' + r.fiscalYear + ' ' + r.roundLabelTh + ' · กำหนดส่งรายงาน ' + r.reportDeadlineTh;
    document.title = 'สรุปผลการติดตาม ปีงบประมาณ ' + r.fiscalYear + ' ' + r.roundLabelTh;
    var summary = clear($('summary-rows'));
    [['สพท. ที่ร่วมวงจร', r.officesTakingPart + ' เขต'], ['สพท. ที่ส่งรายงานครบ', r.officesSubmitted + ' เขต'],
     ['สพท. ที่ส่งครบตามกำหนด', r.officesOnTime + ' เขต'], ['สพท. ที่ผ่านการกลั่นกรองครบ', r.officesAccepted + ' เขต'],
     ['รายงานรายตัวชี้วัดที่ส่งแล้ว', r.reportsSubmitted + ' ฉบับ (ผ่านการกลั่นกรอง ' + r.reportsAccepted + ' ฉบับ)']]
      .forEach(function (fact) {
        var tr = el('tr');
        tr.appendChild(el('th', fact[0]));
        tr.appendChild(el('td', fact[1]));
        summary.appendChild(tr);
      });
    renderIndicators(r.indicators || []);
    renderQuality(r.quality);
    renderSample();
    $('generated').textContent = 'ข้อมูล ณ ' + new Date().toLocaleString('th-TH-u-ca-buddhist', { dateStyle: 'long', timeStyle: 'short' })
      + ' · ตัวเลขรวมจากรายงานฉบับล่าสุดของทุก สพท. ที่ส่งแล้ว';
    $('rollup').hidden = false;
  }

  function renderIndicators(indicators) {
    var section = clear($('indicators'));
    section.appendChild(el('h2', 'ผลการดำเนินงานรายตัวชี้วัด'));
    indicators.forEach(function (indicator) {
      var box = el('article', null, 'indicator');
      box.id = 'indicator-' + indicator.code;
      box.appendChild(el('h3', 'ตัวชี้วัดที่ ' + indicator.code + ' ' + (indicator.titleTh || '')));
      box.appendChild(el('p', (indicator.dimensionTh || '') + ' · สพท. ที่ต้องรายงาน ' + indicator.officesReporting
        + ' เขต · ส่งแล้ว ' + indicator.reportsSubmitted + ' · ผ่านการกลั่นกรอง ' + indicator.reportsAccepted, 'note'));

      var table = el('table', null, 'data');
      var head = el('tr');
      ['รายการ', 'สังกัด', 'จำนวนรายงาน', 'ผลการดำเนินงาน', 'จำนวนทั้งหมด', 'ร้อยละ'].forEach(function (h, i) {
        head.appendChild(el('th', h, i >= 2 ? 'num' : null));
      });
      table.appendChild(el('thead')).appendChild(head);
      var body = table.appendChild(el('tbody'));
      (indicator.measures || []).forEach(function (m) {
        var label = m.achievedLabelTh + (m.baseLabelTh ? ' / ' + m.baseLabelTh : '');
        body.appendChild(row([label, m.levelTh, num(m.reports), num(m.achieved), num(m.base), pct(m.percent)]));
      });
      (indicator.levelTotals || []).forEach(function (t) {
        body.appendChild(row(['รวม ' + t.levelTh, t.levelTh, '', num(t.achieved), num(t.base), pct(t.percent)], 'total'));
      });
      if (indicator.base > 0) {
        body.appendChild(row(['รวมทั้งตัวชี้วัด', 'ทุกสังกัด', num(indicator.reportsSubmitted), num(indicator.achieved),
          num(indicator.base), pct(indicator.percent)], 'total'));
      }
      box.appendChild(table);

      if (!indicator.reportsSubmitted) {
        box.appendChild(el('p', 'ยังไม่มี สพท. ส่งรายงานตัวชี้วัดนี้ในรอบนี้', 'note'));
        section.appendChild(box);
        return;
      }
      box.appendChild(el('h4', 'ตัวอย่างวิธีการปฏิบัติที่เป็นเลิศ/นวัตกรรม'));
      var practices = el('ul', null, 'practices');
      (indicator.practices || []).forEach(function (p) {
        var li = el('li');
        li.appendChild(el('strong', p.name));
        if (p.ownerName) { li.appendChild(document.createTextNode(' (' + p.ownerName + ')')); }
        if (p.description) { li.appendChild(document.createTextNode(': ' + p.description)); }
        li.appendChild(el('span', ' · ' + p.officeName, 'office'));
        practices.appendChild(li);
      });
      if (!practices.firstChild) { practices.appendChild(el('li', '-')); }
      box.appendChild(practices);

      var remarks = el('div', null, 'remarks');
      remarks.appendChild(remarkList('ปัญหา อุปสรรค ระดับ สพฐ.', indicator.problems.obec));
      remarks.appendChild(remarkList('ปัญหา อุปสรรค ระดับ สพท.', indicator.problems.office));
      remarks.appendChild(remarkList('ข้อเสนอแนะต่อ สพฐ.', indicator.recommendations.obec));
      remarks.appendChild(remarkList('ข้อเสนอแนะต่อ สพท.', indicator.recommendations.office));
      box.appendChild(remarks);
      section.appendChild(box);
    });
  }

  function remarkList(title, remarks) {
    var wrap = el('div');
    wrap.appendChild(el('h4', title));
    var list = wrap.appendChild(el('ul'));
    (remarks || []).forEach(function (r) {
      var li = el('li', r.text);
      li.appendChild(el('span', ' · ' + r.officeName, 'office'));
      list.appendChild(li);
    });
    if (!list.firstChild) { list.appendChild(el('li', '-')); }
    return wrap;
  }

  function renderQuality(quality) {
    var rows = clear($('quality-rows'));
    quality.levels.forEach(function (l) { rows.appendChild(row([l.labelTh, num(l.offices), pct(l.percent)])); });
    rows.appendChild(row(['ยังไม่มีระดับคุณภาพ', num(quality.officesWithoutLevel), pct(null)]));
    var regions = clear($('region-rows'));
    quality.regions.forEach(function (region) {
      var cells = [region.regionNameTh || region.regionCode || '-'];
      [5, 4, 3, 2, 1].forEach(function (level) { cells.push(num(region.levels[level])); });
      cells.push(num(region.withoutLevel), num(region.offices));
      regions.appendChild(row(cells));
    });
  }

  function renderSample() {
    var s = state.sample;
    $('sample-status').textContent = s.saved
      ? 'บันทึกแล้วโดย ' + s.savedBy + ' เมื่อ ' + s.savedAtTh + ' · ' + s.offices.length + ' เขต'
      : 'ข้อเสนอจากการสุ่มแบบแบ่งชั้นตามระดับคุณภาพและเขตตรวจราชการ (ยังไม่บันทึก) · ' + s.offices.length + ' เขต จาก '
        + s.population + ' เขตที่มีระดับคุณภาพ';
    $('sample-size').value = s.sampleSize;
    $('sample-size').max = s.population;
    $('sample-admin').hidden = !s.canSave;
    var levels = clear($('sample-level-rows'));
    s.byLevel.forEach(function (l) { levels.appendChild(row([l.qualityLevelTh, num(l.offices), num(l.chosen)])); });
    var rows = clear($('sample-rows'));
    s.offices.forEach(function (office) {
      var tr = row([office.officeCode, office.officeName, office.regionNameTh || '-', office.qualityLevelTh || '-',
        office.chosenByTh]);
      var cell = el('td', null, 'no-print');
      if (s.canSave) {
        var remove = el('button', 'นำออก');
        remove.type = 'button';
        remove.addEventListener('click', function () {
          s.offices = s.offices.filter(function (o) { return o.officeCode !== office.officeCode; });
          markEdited();
        });
        cell.appendChild(remove);
      }
      tr.appendChild(cell);
      rows.appendChild(tr);
    });
    var add = clear($('sample-add-select'));
    var chosen = {};
    s.offices.forEach(function (o) { chosen[o.officeCode] = true; });
    state.rollup.offices.forEach(function (office) {
      if (chosen[office.officeCode]) { return; }
      var option = el('option', office.officeCode + ' ' + office.officeName + ' (' + (office.qualityLevelTh || 'ยังไม่มีระดับ') + ')');
      option.value = office.officeCode;
      add.appendChild(option);
    });
  }

  function markEdited() {
    state.sample.saved = false;
    renderSample();
    $('sample-status').textContent = 'แก้ไขแล้ว ยังไม่บันทึก · ' + state.sample.offices.length + ' เขต';
  }

  // ----- actions -----

  function download(kind) {
    message('');
    request(base() + '/' + kind, { headers: { 'Accept': '*/*' } }).then(function (response) {
      var disposition = response.headers.get('Content-Disposition') || '';
      var match = /filename="?([^";]+)"?/.exec(disposition);
      var name = match ? match[1] : 'rollup.' + kind;
      return response.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = el('a');
        link.href = url;
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      });
    }).catch(failed);
  }

  function suggest() {
    var size = $('sample-size').value;
    json(base() + '/sample?suggest=true' + (size !== '' ? '&size=' + encodeURIComponent(size) : ''))
      .then(function (sample) { state.sample = sample; renderSample(); message(''); })
      .catch(failed);
  }

  function addOffice() {
    var code = $('sample-add-select').value;
    var office = state.rollup.offices.find(function (o) { return o.officeCode === code; });
    if (!office) { return; }
    state.sample.offices.push({ officeCode: office.officeCode, officeName: office.officeName,
      regionCode: office.regionCode, regionNameTh: office.regionNameTh, qualityLevel: office.qualityLevel,
      qualityLevelTh: office.qualityLevelTh, chosenBy: 'ADMIN', chosenByTh: 'ผู้ดูแลระบบเพิ่มเอง' });
    markEdited();
  }

  function save() {
    var body = { sampleSize: state.sample.sampleSize,
                 officeCodes: state.sample.offices.map(function (o) { return o.officeCode; }) };
    json(base() + '/sample', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (sample) { state.sample = sample; renderSample(); message('บันทึกกลุ่มตัวอย่างแล้ว', true); })
      .catch(failed);
  }

  function navigate() {
    var url = new URL(window.location.href);
    url.searchParams.set('cycle', state.cycleId);
    url.searchParams.set('round', state.round);
    window.history.replaceState(null, '', url.toString());
    load();
  }

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    basicToken = btoa(unescape(encodeURIComponent($('sign-in-user').value + ':' + $('sign-in-password').value)));
    $('sign-in-password').value = '';
    start();
  });
  $('cycle-select').addEventListener('change', function () { state.cycleId = this.value; navigate(); });
  $('round-select').addEventListener('change', function () { state.round = this.value; navigate(); });
  $('download-csv').addEventListener('click', function () { download('csv'); });
  $('download-xlsx').addEventListener('click', function () { download('xlsx'); });
  $('print').addEventListener('click', function () { window.print(); });
  $('sample-suggest').addEventListener('click', suggest);
  $('sample-add').addEventListener('click', addOffice);
  $('sample-save').addEventListener('click', save);

  start();
}());
