/* The cycle status page: reads /api/dashboard one page of office rows at a time (the server filters, sorts and
   pages; the figures above the table cover every office the user may see), draws the charts with echarts.
   Thai first, English on request (the choice is remembered); dates in the Buddhist era. */
(function () {
  'use strict';

  var LANG_KEY = 'apimr.dashboard.lang';
  var ROUNDS = ['MID_YEAR', 'ANNUAL'];
  var PHASES = ['NOT_STARTED', 'ANALYSIS', 'PLANNING', 'IMPLEMENTATION', 'MONITORING_MID_YEAR', 'MONITORING_ANNUAL',
    'REFLECTION', 'COMPLETED'];
  var STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED_ON_TIME', 'SUBMITTED_LATE', 'RETURNED', 'ACCEPTED', 'MISSING'];
  var PAGE_SIZES = [25, 50, 100, 200, 500];
  var DEFAULT_SIZE = 50;
  var MAX_SIZE = 500;

  var TEXT = {
    th: {
      title: 'สถานะวงจร APIMR ของเขตพื้นที่', cycle: 'วงจร', tasklist: 'Tasklist', fiscalYear: 'ปีงบประมาณ',
      notificationsLink: 'การแจ้งเตือนและการแจ้งผู้บริหาร',
      chartFunnel: 'จำนวนเขตพื้นที่ตามขั้นของวงจร (ถึงขั้นนี้แล้ว)', chartLevels: 'การกระจายระดับคุณภาพรายรอบ',
      chartRegions: 'ความครบถ้วนของการรายงานรายเขตตรวจราชการ (%)',
      region: 'เขตตรวจราชการ', officeType: 'ประเภท', phase: 'ขั้นปัจจุบัน', statusOf: 'สถานะรายงาน',
      search: 'ค้นหาชื่อเขตพื้นที่', all: 'ทั้งหมด', rows: 'แสดง {from}–{to} จาก {n} เขตพื้นที่ (ทั้งหมด {t})',
      noRows: 'ไม่พบเขตพื้นที่ (ทั้งหมด {t})', pageOf: 'หน้า {p} / {n}', previous: '‹ ก่อนหน้า', next: 'ถัดไป ›',
      pageSize: 'แถวต่อหน้า',
      office: 'เขตพื้นที่', province: 'จังหวัด', nextDeadline: 'กำหนดส่งถัดไป', overdue: 'เกินกำหนด',
      escalated: 'แจ้งผู้บริหาร', level: 'ระดับ', completeness: 'ความครบถ้วน', timeliness: 'ความทันเวลา',
      submitted: 'ส่งครบ', onTime: 'ตรงเวลา', late: 'ล่าช้า', accepted: 'ผ่านการกลั่นกรอง', offices: 'เขตพื้นที่',
      noLevel: 'ยังไม่มีระดับ', rollup: 'รายงานสรุประดับชาติ (ดาวน์โหลด)', scopeAll: 'ทุกเขตพื้นที่',
      scopeRegion: 'เฉพาะเขตตรวจราชการของท่าน', scopeOffice: 'เฉพาะเขตพื้นที่ของท่าน', asOf: 'ข้อมูล ณ',
      national: 'ภาพรวม', reportDue: 'กำหนดส่งรายงาน', reached: 'ถึงขั้นนี้แล้ว', current: 'อยู่ในขั้นนี้',
      tasks: 'งานในวงจร', task: 'งาน', created: 'เริ่ม', due: 'กำหนด', ended: 'เสร็จ', by: 'ผู้ดำเนินการ',
      state: 'สถานะ', OPEN: 'ค้างอยู่', COMPLETED: 'เสร็จแล้ว', CANCELLED: 'ยกเลิก', lateMark: 'ล่าช้า',
      plan: 'แผนงาน/โครงการ', noPlan: 'ยังไม่มีแผน', budget: 'งบประมาณ', reports: 'รายงานผลตัวชี้วัด',
      indicator: 'ตัวชี้วัด', revision: 'ครั้งที่ส่ง', firstSubmitted: 'ส่งครั้งแรก', noReports: 'ยังไม่มีรายงาน',
      chosen: 'ตัวชี้วัดที่เลือก', close: 'ปิด', noCycle: 'ยังไม่มีวงจร', forbidden: 'ไม่มีสิทธิ์ดูข้อมูลนี้',
      failed: 'โหลดข้อมูลไม่สำเร็จ', PRIMARY: 'สพป.', SECONDARY: 'สพม.', baht: 'บาท', escalatedMark: 'แจ้งผู้บริหารแล้ว',
      phases: { NOT_STARTED: 'ยังไม่เริ่ม', ANALYSIS: 'A: ร่วมวิเคราะห์นโยบาย', PLANNING: 'P: ร่วมวางแผน',
        IMPLEMENTATION: 'I: ร่วมปฏิบัติและตัดสินใจ', MONITORING_MID_YEAR: 'M: ติดตามรอบ 6 เดือน',
        MONITORING_ANNUAL: 'M: ติดตามรอบ 12 เดือน', REFLECTION: 'R: ร่วมสะท้อนผล', COMPLETED: 'เสร็จสิ้น' },
      statuses: { NOT_STARTED: 'ยังไม่เริ่ม', IN_PROGRESS: 'กำลังดำเนินการ', SUBMITTED_ON_TIME: 'ส่งตรงเวลา',
        SUBMITTED_LATE: 'ส่งล่าช้า', RETURNED: 'ส่งกลับให้แก้ไข', ACCEPTED: 'ผ่านการกลั่นกรอง',
        MISSING: 'ไม่ได้ส่ง/ส่งไม่ครบ' },
      reportStatuses: { SUBMITTED: 'ส่งแล้ว รอกลั่นกรอง', RETURNED: 'ส่งกลับให้แก้ไข', ACCEPTED: 'ผ่านการกลั่นกรอง' },
      planStatuses: { SUBMITTED: 'รอการพิจารณา', RETURNED: 'ส่งกลับแก้ไข', APPROVED: 'อนุมัติแล้ว' },
      rounds: { MID_YEAR: 'รอบ 6 เดือน', ANNUAL: 'รอบ 12 เดือน' },
      levels: { 5: '5 ดีเยี่ยม', 4: '4 ดีมาก', 3: '3 ดี', 2: '2 พอใช้', 1: '1 ปรับปรุง' },
      tasksByKey: {}
    },
    en: {
      title: 'APIMR cycle status of the area offices', cycle: 'Cycle', tasklist: 'Tasklist', fiscalYear: 'Fiscal year',
      notificationsLink: 'Notifications and escalations',
      chartFunnel: 'Offices by cycle step (reached so far)', chartLevels: 'Quality levels per round',
      chartRegions: 'Reporting completeness by inspection region (%)',
      region: 'Inspection region', officeType: 'Type', phase: 'Current step', statusOf: 'Report status',
      search: 'Search office name', all: 'All', rows: 'Showing {from}–{to} of {n} offices ({t} in all)',
      noRows: 'No office matches ({t} in all)', pageOf: 'Page {p} of {n}', previous: '‹ Previous', next: 'Next ›',
      pageSize: 'Rows per page',
      office: 'Office', province: 'Province', nextDeadline: 'Next deadline', overdue: 'Overdue',
      escalated: 'Escalated', level: 'Level', completeness: 'Completeness', timeliness: 'Timeliness',
      submitted: 'Submitted', onTime: 'On time', late: 'Late', accepted: 'Accepted', offices: 'offices',
      noLevel: 'No level yet', rollup: 'National roll-up (downloads)', scopeAll: 'All offices',
      scopeRegion: 'Your inspection region only', scopeOffice: 'Your office only', asOf: 'As of',
      national: 'Overall', reportDue: 'Reports due', reached: 'Reached', current: 'In this step now',
      tasks: 'Tasks of the cycle', task: 'Task', created: 'Started', due: 'Due', ended: 'Ended', by: 'Done by',
      state: 'State', OPEN: 'Open', COMPLETED: 'Completed', CANCELLED: 'Cancelled', lateMark: 'late',
      plan: 'Plan and projects', noPlan: 'No plan yet', budget: 'Budget', reports: 'Indicator reports',
      indicator: 'Indicator', revision: 'Submission', firstSubmitted: 'First submitted', noReports: 'No reports yet',
      chosen: 'Chosen indicators', close: 'Close', noCycle: 'No cycle yet', forbidden: 'You may not see this',
      failed: 'Could not load the data', PRIMARY: 'Primary', SECONDARY: 'Secondary', baht: 'THB', escalatedMark: 'escalated',
      phases: { NOT_STARTED: 'Not started', ANALYSIS: 'A: Analyse policy', PLANNING: 'P: Plan',
        IMPLEMENTATION: 'I: Implement and decide', MONITORING_MID_YEAR: 'M: 6-month monitoring',
        MONITORING_ANNUAL: 'M: 12-month monitoring', REFLECTION: 'R: Reflect', COMPLETED: 'Completed' },
      statuses: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', SUBMITTED_ON_TIME: 'Submitted on time',
        SUBMITTED_LATE: 'Submitted late', RETURNED: 'Returned for revision', ACCEPTED: 'Accepted', MISSING: 'Missing' },
      reportStatuses: { SUBMITTED: 'Submitted, awaiting review', RETURNED: 'Returned for revision', ACCEPTED: 'Accepted' },
      planStatuses: { SUBMITTED: 'Awaiting review', RETURNED: 'Returned', APPROVED: 'Approved' },
      rounds: { MID_YEAR: '6-month round', ANNUAL: '12-month round' },
      levels: { 5: '5 Excellent', 4: '4 Very good', 3: '3 Good', 2: '2 Fair', 1: '1 Needs improvement' },
      tasksByKey: {
        Task_AnalysePolicy: 'Analyse policy and choose indicators', Task_PlanProjects: 'Plan projects',
        Task_ReviewPlan: 'Review the plan', Task_RecordImplementation: 'Record implementation and decisions',
        Task_DecideOnImplementation: 'Director decides', Task_SubmitMidYearReport: 'Indicator report, 6-month round',
        Task_SubmitAnnualReport: 'Indicator report, 12-month round',
        Task_ReviewMidYearReport: 'Screen indicator report, 6-month round',
        Task_ReviewAnnualReport: 'Screen indicator report, 12-month round', Task_ReflectOnCycle: 'Reflect on the cycle'
      }
    }
  };

  var state = {
    lang: readLang(), cycleId: null, data: null, detail: null, sort: { key: 'region', dir: 1 }, page: 0,
    size: readSize(), filters: { region: '', type: '', phase: '', statusRound: 'MID_YEAR', status: '', search: '' },
    charts: {}, request: 0
  };

  function readLang() {
    try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th'; } catch (e) { return 'th'; }
  }
  /* rows per page: ?size= in the address (1 to 500), else 50 */
  function readSize() {
    var size = parseInt(new URLSearchParams(location.search).get('size'), 10);
    return size >= 1 && size <= MAX_SIZE ? size : DEFAULT_SIZE;
  }
  function t(key) { return TEXT[state.lang][key]; }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else if (name === 'className') { node.className = attrs[name]; }
      else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { if (child != null) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); } });
    return node;
  }

  // ----- Buddhist-era dates -----
  function locale() { return state.lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist'; }
  function formatDate(value, withTime) {
    if (!value) { return '-'; }
    var date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00+07:00') : new Date(value);
    var options = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Bangkok' };
    if (withTime) { options.hour = '2-digit'; options.minute = '2-digit'; }
    return new Intl.DateTimeFormat(locale(), options).format(date);
  }
  function percent(value) { return value == null ? '-' : value.toLocaleString(state.lang === 'th' ? 'th-TH' : 'en-GB') + '%'; }

  // ----- loading -----
  function api(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          var error = new Error(body.detail || response.statusText); error.status = response.status; throw error;
        });
      }
      return response.json();
    });
  }
  function showError(error) {
    var box = $('error');
    box.hidden = false;
    box.textContent = (error.status === 403 ? t('forbidden') : t('failed')) + (error.message ? ': ' + error.message : '');
  }
  function clearError() { $('error').hidden = true; $('error').textContent = ''; }

  function loadCycles() {
    return api('/api/dashboard/cycles').then(function (cycles) {
      var select = $('cycle-select');
      select.innerHTML = '';
      cycles.forEach(function (cycle) {
        select.appendChild(el('option', { value: cycle.id, text: t('fiscalYear') + ' ' + cycle.fiscalYear }));
      });
      var wanted = new URLSearchParams(location.search).get('cycle');
      if (wanted && cycles.some(function (c) { return String(c.id) === wanted; })) { select.value = wanted; }
      if (!cycles.length) { showError({ message: t('noCycle') }); return null; }
      return select.value;
    });
  }
  function loadCycle(id) {
    state.cycleId = id;
    state.page = 0;
    return loadPage().then(function () {
      var office = new URLSearchParams(location.hash.replace(/^#/, '')).get('office');
      if (office && state.data) { openOffice(office); }
    });
  }
  /* the summary and one page of rows, filtered and sorted by the server; an answer overtaken by a later request is dropped */
  function pageQuery() {
    var f = state.filters;
    var params = new URLSearchParams();
    params.set('page', state.page);
    params.set('size', state.size);
    if (f.region) { params.set('region', f.region); }
    if (f.type) { params.set('type', f.type); }
    if (f.phase) { params.set('phase', f.phase); }
    if (f.status) { params.set('round', f.statusRound); params.set('status', f.status); }
    if (f.search.trim()) { params.set('q', f.search.trim()); }
    params.set('sort', state.sort.key);
    params.set('dir', state.sort.dir > 0 ? 'asc' : 'desc');
    return params.toString();
  }
  function loadPage() {
    var request = ++state.request;
    return api('/api/dashboard/cycles/' + state.cycleId + '?' + pageQuery()).then(function (data) {
      if (request !== state.request) { return; }
      clearError();
      var first = !state.data || state.data.cycleId !== data.cycleId;
      state.data = data;
      if (first) { fillFilters(); render(); } else { renderRounds(); renderCharts(); renderTable(); }
    }).catch(function (error) { if (request === state.request) { showError(error); } });
  }
  function reload() { state.page = 0; return loadPage(); }
  function openOffice(code) {
    if (!state.data) { return; }
    api('/api/dashboard/cycles/' + state.data.cycleId + '/offices/' + encodeURIComponent(code)).then(function (detail) {
      clearError();
      state.detail = detail;
      history.replaceState(null, '', location.pathname + location.search + '#office=' + encodeURIComponent(code));
      renderDetail();
      renderTable();
      $('office-detail').scrollIntoView({ block: 'start' });
    }).catch(function (error) { state.detail = null; renderDetail(); showError(error); });
  }

  // ----- filters -----
  function fillSelect(select, options, value) {
    select.innerHTML = '';
    options.forEach(function (option) { select.appendChild(el('option', { value: option[0], text: option[1] })); });
    select.value = value;
  }
  function fillFilters() {
    var data = state.data;
    var regions = [['', t('all')]].concat(data.regions.map(function (r) {
      return [r.regionCode, state.lang === 'th' ? r.nameTh : r.nameEn];
    }));
    fillSelect($('region-filter'), regions, state.filters.region);
    fillSelect($('type-filter'), [['', t('all')], ['PRIMARY', t('PRIMARY')], ['SECONDARY', t('SECONDARY')]], state.filters.type);
    fillSelect($('phase-filter'), [['', t('all')]].concat(PHASES.map(function (p) { return [p, t('phases')[p]]; })), state.filters.phase);
    fillSelect($('status-round'), ROUNDS.map(function (r) { return [r, t('rounds')[r]]; }), state.filters.statusRound);
    fillSelect($('status-filter'), [['', t('all')]].concat(STATUSES.map(function (s) { return [s, t('statuses')[s]]; })), state.filters.status);
    var sizes = PAGE_SIZES.indexOf(state.size) >= 0 ? PAGE_SIZES : PAGE_SIZES.concat([state.size]).sort(function (a, b) { return a - b; });
    fillSelect($('page-size'), sizes.map(function (n) { return [String(n), String(n)]; }), String(state.size));
  }
  // ----- rendering -----
  function render() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    $('lang-th').className = state.lang === 'th' ? 'active' : '';
    $('lang-en').className = state.lang === 'en' ? 'active' : '';
    Array.prototype.forEach.call(document.querySelectorAll('#cycle-select option'), function (option) {
      option.textContent = t('fiscalYear') + ' ' + option.textContent.replace(/^\D+/, '');
    });
    if (!state.data) { return; }
    // only OBEC administrators may read the record of notifications and escalations
    $('notifications-link').hidden = !state.data.admin;
    $('scope').textContent = { ALL: t('scopeAll'), REGION: t('scopeRegion'), OFFICE: t('scopeOffice') }[state.data.scope];
    $('as-of').textContent = t('asOf') + ' ' + formatDate(state.data.asOf, true);
    renderRounds();
    renderCharts();
    renderTable();
    renderDetail();
  }

  function scopeFigures() {
    if (state.filters.region) {
      var region = state.data.regions.filter(function (r) { return r.regionCode === state.filters.region; })[0];
      if (region) { return { name: state.lang === 'th' ? region.nameTh : region.nameEn, rounds: region.rounds }; }
    }
    return { name: t('national'), rounds: state.data.national };
  }

  function renderRounds() {
    var box = $('rounds');
    box.innerHTML = '';
    var scope = scopeFigures();
    scope.rounds.forEach(function (figures, index) {
      var round = state.data.rounds[index];
      var levels = el('div', { className: 'levels' }, [5, 4, 3, 2, 1].map(function (level) {
        return el('span', { text: t('levels')[level] + ': ' + figures.levels[level] });
      }).concat([el('span', { text: t('noLevel') + ': ' + figures.noLevel })]));
      box.appendChild(el('article', { className: 'card', id: 'round-' + figures.round, 'data-round': figures.round }, [
        el('h2', { text: t('rounds')[figures.round] + ' · ' + scope.name }),
        el('div', { text: t('reportDue') + ' ' + formatDate(round.reportDeadline) }),
        el('div', { className: 'figures' }, [
          el('div', { className: 'figure completeness' }, [el('strong', { text: percent(figures.completeness) }), t('completeness') + ' (' + figures.submitted + '/' + figures.offices + ')']),
          el('div', { className: 'figure timeliness' }, [el('strong', { text: percent(figures.timeliness) }), t('timeliness') + ' (' + figures.onTime + '/' + figures.offices + ')']),
          el('div', { className: 'figure' }, [el('strong', { text: String(figures.accepted) }), t('accepted')])
        ]),
        el('div', { text: t('submitted') + ' ' + figures.submitted + ' · ' + t('onTime') + ' ' + figures.onTime + ' · ' + t('late') + ' ' + figures.late }),
        levels,
        // The national roll-up of the round, with its downloads, is served at /rollup
        el('a', { className: 'rollup', href: round.rollupUrl, 'data-rollup': figures.round, text: t('rollup') + ' ›' })
      ]));
    });
  }

  function chart(id) {
    var node = $(id);
    if (!state.charts[id]) { state.charts[id] = echarts.init(node, null, { renderer: 'svg' }); }
    return state.charts[id];
  }
  function renderCharts() {
    // phase funnel over the offices matching the filters (every page): how many reached each step
    var steps = ['ANALYSIS', 'PLANNING', 'IMPLEMENTATION', 'MONITORING_MID_YEAR', 'MONITORING_ANNUAL', 'REFLECTION', 'COMPLETED'];
    var counts = {};
    state.data.paging.phases.forEach(function (count) { counts[count.phase] = count.reached; });
    var reached = steps.map(function (step) { return counts[step] || 0; });
    // a bar funnel, first step on top: with several steps at zero a drawn funnel would collapse into its labels
    chart('chart-funnel').setOption({
      animation: false, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 10, right: 40, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, max: Math.max(1, state.data.paging.matching) },
      yAxis: { type: 'category', inverse: true, data: steps.map(function (step) { return t('phases')[step]; }) },
      series: [{ name: t('reached'), type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right' },
        itemStyle: { color: '#1d3557' }, data: reached }]
    }, true);
    var scope = scopeFigures();
    chart('chart-levels').setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: [5, 4, 3, 2, 1].map(function (l) { return t('levels')[l]; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: scope.rounds.map(function (figures) {
        return { name: t('rounds')[figures.round], type: 'bar', label: { show: true, position: 'top' },
          data: [5, 4, 3, 2, 1].map(function (l) { return figures.levels[l]; }) };
      })
    }, true);
    var regions = state.data.regions;
    chart('chart-regions').setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: regions.map(function (r) { return r.regionCode; }), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', max: 100 },
      series: ROUNDS.map(function (round, index) {
        return { name: t('rounds')[round], type: 'bar',
          data: regions.map(function (r) { return r.rounds[index].completeness == null ? 0 : r.rounds[index].completeness; }) };
      })
    }, true);
  }

  var COLUMNS = [
    ['office', 'office'], ['type', 'officeType'], ['province', 'province'], ['region', 'region'], ['phase', 'phase'],
    ['next', 'nextDeadline'], ['overdue', 'overdue'], ['escalated', 'escalated'],
    ['status:MID_YEAR', null, 'MID_YEAR'], ['level:MID_YEAR', 'level', 'MID_YEAR'],
    ['status:ANNUAL', null, 'ANNUAL'], ['level:ANNUAL', 'level', 'ANNUAL']
  ];
  function renderTable() {
    var head = $('office-head');
    head.innerHTML = '';
    COLUMNS.forEach(function (column) {
      var label = column[1] ? t(column[1]) : t('statusOf');
      if (column[2]) { label += ' ' + t('rounds')[column[2]]; }
      var th = el('th', { 'data-sort': column[0], text: label });
      if (state.sort.key === column[0]) { th.className = state.sort.dir > 0 ? 'sorted-asc' : 'sorted-desc'; }
      head.appendChild(th);
    });
    var rows = state.data.offices;
    var body = document.querySelector('#office-table tbody');
    body.innerHTML = '';
    rows.forEach(function (row) {
      var cells = [
        el('td', {}, [el('a', { href: '#office=' + row.officeCode, className: 'office', 'data-office': row.officeCode, text: row.officeName })]),
        el('td', { text: t(row.officeType) || '' }),
        el('td', { text: row.provincesTh || '' }),
        el('td', { text: state.lang === 'th' ? row.regionNameTh : row.regionNameEn }),
        el('td', { title: t('phases')[row.phase] }, [el('strong', { text: row.phaseLetter }), ' ' + t('phases')[row.phase].replace(/^[A-Z]: /, '')]),
        el('td', { text: row.nextDeadline ? formatDate(row.nextDeadline) + (row.nextTaskName ? ' · ' + taskName(row.nextTaskKey, row.nextTaskName) : '') : '-' }),
        el('td', { className: 'num' + (row.overdueTasks ? ' alert' : ''), text: String(row.overdueTasks) }),
        el('td', { className: 'num' + (row.escalatedTasks ? ' alert' : ''), text: String(row.escalatedTasks) })
      ];
      row.rounds.forEach(function (round) {
        cells.push(el('td', {}, [el('span', { className: 'badge st-' + round.status, 'data-status': round.status,
          text: t('statuses')[round.status] }), ' ' + round.submitted + '/' + round.expected]));
        cells.push(el('td', { text: round.qualityLevel == null ? '-' : t('levels')[round.qualityLevel] }));
      });
      var tr = el('tr', { 'data-office': row.officeCode, 'data-region': row.regionCode }, cells);
      if (state.detail && state.detail.office.officeCode === row.officeCode) { tr.className = 'selected'; }
      body.appendChild(tr);
    });
    var paging = state.data.paging;
    var from = paging.page * paging.size;
    $('row-count').textContent = rows.length
      ? t('rows').replace('{from}', from + 1).replace('{to}', from + rows.length).replace('{n}', paging.matching)
        .replace('{t}', state.data.totals.offices)
      : t('noRows').replace('{t}', state.data.totals.offices);
    $('page-info').textContent = t('pageOf').replace('{p}', Math.min(paging.page + 1, Math.max(paging.pages, 1)))
      .replace('{n}', Math.max(paging.pages, 1));
    $('page-previous').textContent = t('previous');
    $('page-next').textContent = t('next');
    $('page-previous').disabled = paging.page <= 0;
    $('page-next').disabled = paging.page + 1 >= paging.pages;
  }
  function taskName(key, name) { return (state.lang === 'en' && t('tasksByKey')[key]) || name; }

  function table(headers, rows) {
    return el('table', {}, [el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows)]);
  }
  function renderDetail() {
    var box = $('office-detail');
    var detail = state.detail;
    box.innerHTML = '';
    if (!detail) { box.hidden = true; return; }
    box.hidden = false;
    var office = detail.office;
    box.appendChild(el('h2', { text: office.officeName + ' (' + office.officeCode + ') · ' + t('phases')[office.phase] }));
    var closeButton = el('button', { type: 'button', id: 'close-detail', text: t('close') });
    closeButton.addEventListener('click', function () {
      state.detail = null; history.replaceState(null, '', location.pathname + location.search); renderDetail(); renderTable();
    });
    box.appendChild(closeButton);
    if (detail.chosenIndicators && detail.chosenIndicators.length) {
      box.appendChild(el('p', { text: t('chosen') + ': ' + detail.chosenIndicators.join(', ') }));
    }
    box.appendChild(el('h3', { text: t('tasks') }));
    var tasks = table([t('task'), t('created'), t('due'), t('ended'), t('by'), t('state')], detail.tasks.map(function (task) {
      return el('tr', { 'data-task': task.key, 'data-state': task.state }, [
        el('td', { text: taskName(task.key, task.name) }), el('td', { text: formatDate(task.created, true) }),
        el('td', { text: formatDate(task.due, true) }), el('td', { text: formatDate(task.ended, true) }),
        el('td', { text: task.completedBy || task.assignee || '-' }),
        el('td', { className: task.late || task.escalated ? 'alert' : '', text: t(task.state) + (task.late ? ' · ' + t('lateMark') : '')
          + (task.escalated ? ' · ' + t('escalatedMark') : '') })
      ]);
    }));
    tasks.id = 'office-tasks';
    box.appendChild(tasks);

    box.appendChild(el('h3', { text: t('plan') }));
    if (!detail.plan) {
      box.appendChild(el('p', { text: t('noPlan') }));
    } else {
      var plan = detail.plan;
      box.appendChild(el('p', { text: plan.title + ' · ' + t('planStatuses')[plan.status] + ' · ' + t('budget') + ' '
        + Number(plan.totalBudget).toLocaleString(state.lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 2 }) + ' ' + t('baht') }));
      box.appendChild(table(['#', t('plan'), t('budget'), t('indicator')], (plan.projects || []).map(function (project) {
        return el('tr', {}, [el('td', { text: String(project.sortOrder) }), el('td', { text: project.name }),
          el('td', { text: Number(project.budget).toLocaleString(state.lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 2 }) }),
          el('td', { text: (project.indicatorCodes || []).join(', ') })]);
      })));
    }
    box.appendChild(el('h3', { text: t('reports') }));
    ROUNDS.forEach(function (round) {
      var list = (detail.reports && detail.reports[round]) || [];
      box.appendChild(el('h4', { text: t('rounds')[round] }));
      if (!list.length) { box.appendChild(el('p', { text: t('noReports') })); return; }
      box.appendChild(table([t('indicator'), t('state'), t('level'), t('revision'), t('firstSubmitted')], list.map(function (report) {
        return el('tr', { 'data-indicator': report.indicatorCode }, [el('td', { text: report.indicatorCode }),
          el('td', { text: t('reportStatuses')[report.status] }),
          el('td', { text: report.qualityLevel == null ? '-' : t('levels')[report.qualityLevel] }),
          el('td', { text: String(report.revision) }), el('td', { text: formatDate(report.firstSubmittedAt, true) })]);
      })));
    });
  }

  // ----- events -----
  function bind() {
    ['lang-th', 'lang-en'].forEach(function (id) {
      $(id).addEventListener('click', function () {
        state.lang = $(id).getAttribute('data-lang');
        try { localStorage.setItem(LANG_KEY, state.lang); } catch (e) { /* private mode: not remembered */ }
        if (state.data) { fillFilters(); }
        render();
      });
    });
    var filters = { 'region-filter': 'region', 'type-filter': 'type', 'phase-filter': 'phase', 'status-round': 'statusRound', 'status-filter': 'status' };
    Object.keys(filters).forEach(function (id) {
      $(id).addEventListener('change', function () {
        state.filters[filters[id]] = $(id).value;
        // the status round alone changes no row unless a status is chosen
        if (id !== 'status-round' || state.filters.status) { reload(); }
      });
    });
    var typing = null;
    $('search').addEventListener('input', function () {
      state.filters.search = $('search').value;
      clearTimeout(typing);
      typing = setTimeout(reload, 300);
    });
    $('office-head').addEventListener('click', function (event) {
      var key = event.target.getAttribute('data-sort');
      if (!key) { return; }
      state.sort = { key: key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      reload();
    });
    $('page-previous').addEventListener('click', function () {
      if (state.page > 0) { state.page--; loadPage(); }
    });
    $('page-next').addEventListener('click', function () {
      if (state.data && state.page + 1 < state.data.paging.pages) { state.page++; loadPage(); }
    });
    $('page-size').addEventListener('change', function () {
      state.size = parseInt($('page-size').value, 10) || DEFAULT_SIZE;
      reload();
    });
    document.querySelector('#office-table tbody').addEventListener('click', function (event) {
      var link = event.target.closest('a.office');
      if (!link) { return; }
      event.preventDefault();
      openOffice(link.getAttribute('data-office'));
    });
    $('cycle-select').addEventListener('change', function () {
      state.detail = null;
      history.replaceState(null, '', location.pathname + '?cycle=' + $('cycle-select').value
        + (state.size !== DEFAULT_SIZE ? '&size=' + state.size : ''));
      loadCycle($('cycle-select').value);
    });
    window.addEventListener('hashchange', function () {
      var office = new URLSearchParams(location.hash.replace(/^#/, '')).get('office');
      if (office && (!state.detail || state.detail.office.officeCode !== office)) { openOffice(office); }
    });
    window.addEventListener('resize', function () { Object.keys(state.charts).forEach(function (id) { state.charts[id].resize(); }); });
  }

  bind();
  render();
  loadCycles().then(function (id) { if (id) { return loadCycle(id); } }).catch(showError);
}());
