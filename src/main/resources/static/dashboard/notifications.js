/* Administrators' page of recorded notifications and escalated tasks: reads /api/admin/notifications (filtered and
   paged by the server) and /api/admin/escalations. Thai first, English on request (the same remembered choice as
   the status page); dates in the Buddhist era; every text is set with textContent. */
(function () {
  'use strict';

  var LANG_KEY = 'apimr.dashboard.lang';
  var PAGE_SIZE = 50;
  var STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'QUEUED_FOR_DIGEST', 'DIGESTED', 'TASK_CLOSED',
    'RECORDED_ONLY', 'SKIPPED_NO_EMAIL'];

  var TEXT = {
    th: {
      title: 'การแจ้งเตือนและการแจ้งผู้บริหาร', dashboard: 'สถานะวงจร', notifications: 'การแจ้งเตือนที่ระบบบันทึกไว้',
      escalations: 'งานที่แจ้งผู้บริหารแล้ว (เกินกำหนดเกินระยะผ่อนผัน)', status: 'สถานะ', office: 'เขตพื้นที่',
      recipient: 'ผู้รับ', apply: 'กรอง', previous: 'ก่อนหน้า', next: 'ถัดไป', cycle: 'วงจร', fiscalYear: 'ปีงบประมาณ',
      all: 'ทั้งหมด', time: 'เวลาที่บันทึก', email: 'อีเมล', kind: 'ประเภท', step: 'ขั้น', task: 'งาน', due: 'กำหนดส่ง',
      attempts: 'จำนวนครั้งที่ส่ง', lastError: 'ข้อผิดพลาดล่าสุด', escalatedAt: 'แจ้งผู้บริหารเมื่อ',
      clearedAt: 'ยกเลิกการแจ้งเมื่อ', clearedBy: 'ยกเลิกโดย', clearedCause: 'เหตุที่ยกเลิก',
      count: '{n} รายการ', page: 'หน้า {p} จาก {q}', none: 'ไม่มีรายการ', noCycle: 'ยังไม่มีวงจร',
      forbidden: 'หน้านี้สำหรับผู้ดูแลระบบของ สพฐ. เท่านั้น ท่านไม่มีสิทธิ์ดูการแจ้งเตือนและการแจ้งผู้บริหาร',
      failed: 'โหลดข้อมูลไม่สำเร็จ',
      kinds: { REMINDER: 'เตือนล่วงหน้า', DUE: 'ครบกำหนดวันนี้', ESCALATION: 'แจ้งผู้บริหาร (เกินกำหนด)' },
      statuses: { PENDING: 'รอส่ง', SENDING: 'กำลังส่ง', SENT: 'ส่งแล้ว', FAILED: 'ส่งไม่สำเร็จ',
        QUEUED_FOR_DIGEST: 'รอรวมในสรุปรายวัน', DIGESTED: 'ส่งในสรุปรายวันแล้ว', TASK_CLOSED: 'งานปิดก่อนส่งสรุป',
        RECORDED_ONLY: 'บันทึกไว้ (ไม่ได้ตั้งค่าการส่งอีเมล)', SKIPPED_NO_EMAIL: 'ไม่ได้ส่ง (ผู้รับไม่มีอีเมล)' },
      causes: { EXTENSION: 'ขยายกำหนดส่ง', DUE_DATE_EDITED: 'แก้ไขกำหนดส่งของงาน' }
    },
    en: {
      title: 'Notifications and escalations', dashboard: 'Cycle status', notifications: 'Notifications the system recorded',
      escalations: 'Escalated tasks (overdue past the grace period)', status: 'Status', office: 'Office',
      recipient: 'Recipient', apply: 'Filter', previous: 'Previous', next: 'Next', cycle: 'Cycle', fiscalYear: 'Fiscal year',
      all: 'All', time: 'Recorded at', email: 'Email', kind: 'Kind', step: 'Step', task: 'Task', due: 'Due',
      attempts: 'Attempts', lastError: 'Last error', escalatedAt: 'Escalated at', clearedAt: 'Cleared at',
      clearedBy: 'Cleared by', clearedCause: 'Cause', count: '{n} records', page: 'Page {p} of {q}', none: 'Nothing recorded',
      noCycle: 'No cycle yet',
      forbidden: 'This page is for OBEC administrators only: you may not see notifications and escalations',
      failed: 'Could not load the data',
      kinds: { REMINDER: 'Reminder', DUE: 'Due today', ESCALATION: 'Escalation (overdue)' },
      statuses: { PENDING: 'Pending', SENDING: 'Sending', SENT: 'Sent', FAILED: 'Failed',
        QUEUED_FOR_DIGEST: 'Waiting for the daily digest', DIGESTED: 'Sent in a daily digest',
        TASK_CLOSED: 'Task closed before the digest', RECORDED_ONLY: 'Recorded (no email server configured)',
        SKIPPED_NO_EMAIL: 'Not sent (no email address)' },
      causes: { EXTENSION: 'Deadline extended', DUE_DATE_EDITED: 'Task due date edited' }
    }
  };

  var state = { lang: readLang(), page: 0, notices: null, escalations: null, cycles: null, forbidden: false,
    filters: { status: '', office: '', recipient: '' } };

  function readLang() {
    try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th'; } catch (e) { return 'th'; }
  }
  function t(key) { return TEXT[state.lang][key]; }
  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else if (name === 'className') { node.className = attrs[name]; }
      else { node.setAttribute(name, attrs[name]); }
    });
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

  // ----- loading -----
  function api(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          var error = new Error(body.message || body.detail || response.statusText); error.status = response.status; throw error;
        });
      }
      return response.json();
    });
  }
  function showError(error) {
    var box = $('error');
    box.hidden = false;
    if (error.status === 401 || error.status === 403) {
      state.forbidden = true;
      box.textContent = t('forbidden');
      $('notifications-section').hidden = true;
      $('escalations-section').hidden = true;
    } else {
      box.textContent = t('failed') + (error.message ? ': ' + error.message : '');
    }
  }
  function clearError() { if (!state.forbidden) { $('error').hidden = true; $('error').textContent = ''; } }

  function loadNotices() {
    var query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
    if (state.filters.status) { query.set('status', state.filters.status); }
    if (state.filters.office.trim()) { query.set('officeCode', state.filters.office.trim()); }
    if (state.filters.recipient.trim()) { query.set('recipient', state.filters.recipient.trim()); }
    return api('/api/admin/notifications?' + query).then(function (page) {
      clearError();
      state.notices = page;
      renderNotices();
    }).catch(showError);
  }
  function loadCycles() {
    return api('/api/dashboard/cycles').then(function (cycles) {
      state.cycles = cycles;
      renderCycles();
      var wanted = new URLSearchParams(location.search).get('cycle');
      if (wanted && cycles.some(function (c) { return String(c.id) === wanted; })) { $('cycle-select').value = wanted; }
      if (!cycles.length) { $('escalation-count').textContent = t('noCycle'); return; }
      return loadEscalations();
    });
  }
  function loadEscalations() {
    return api('/api/admin/escalations?cycleId=' + encodeURIComponent($('cycle-select').value)).then(function (list) {
      state.escalations = list;
      renderEscalations();
    }).catch(showError);
  }

  // ----- rendering -----
  function fillHead(id, keys) {
    var head = $(id);
    clear(head);
    keys.forEach(function (key) { head.appendChild(el('th', { text: t(key) })); });
  }
  function render() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    $('lang-th').className = state.lang === 'th' ? 'active' : '';
    $('lang-en').className = state.lang === 'en' ? 'active' : '';
    var status = $('status-filter');
    clear(status);
    [''].concat(STATUSES).forEach(function (s) { status.appendChild(el('option', { value: s, text: s ? t('statuses')[s] : t('all') })); });
    status.value = state.filters.status;
    if (state.forbidden) { $('error').textContent = t('forbidden'); }
    renderCycles();
    renderNotices();
    renderEscalations();
  }
  function renderCycles() {
    if (!state.cycles) { return; }
    var select = $('cycle-select');
    var chosen = select.value;
    clear(select);
    state.cycles.forEach(function (cycle) {
      select.appendChild(el('option', { value: cycle.id, text: t('fiscalYear') + ' ' + cycle.fiscalYear }));
    });
    if (chosen) { select.value = chosen; }
  }
  function renderNotices() {
    fillHead('notice-head', ['time', 'recipient', 'email', 'kind', 'step', 'office', 'task', 'due', 'status', 'attempts', 'lastError']);
    var body = document.querySelector('#notice-table tbody');
    clear(body);
    var page = state.notices;
    if (!page) { return; }
    page.items.forEach(function (notice) {
      var tr = el('tr', { 'data-id': notice.id, 'data-office': notice.officeCode || '', 'data-kind': notice.kind,
        'data-status': notice.status });
      [
        el('td', { text: formatDate(notice.createdAt, true) }), el('td', { text: notice.recipient }),
        el('td', { text: notice.email || '-' }), el('td', { text: t('kinds')[notice.kind] || notice.kind }),
        el('td', { className: 'num', text: String(notice.step) }), el('td', { text: notice.officeCode || '-' }),
        el('td', { text: notice.taskName || '-' }), el('td', { text: formatDate(notice.dueDate) }),
        el('td', { className: notice.status === 'FAILED' ? 'alert' : '', text: t('statuses')[notice.status] || notice.status }),
        el('td', { className: 'num', text: String(notice.attempts) }),
        el('td', { className: 'error-text', text: notice.lastError || '-' })
      ].forEach(function (cell) { tr.appendChild(cell); });
      body.appendChild(tr);
    });
    if (!page.items.length) {
      var empty = el('td', { text: t('none') });
      empty.colSpan = 11;
      var row = el('tr', { className: 'empty' });
      row.appendChild(empty);
      body.appendChild(row);
    }
    var pages = Math.max(1, Math.ceil(page.total / page.size));
    $('notice-count').textContent = t('count').replace('{n}', page.total);
    $('page-info').textContent = t('page').replace('{p}', page.page + 1).replace('{q}', pages);
    $('prev-page').disabled = page.page <= 0;
    $('next-page').disabled = page.page + 1 >= pages;
  }
  function renderEscalations() {
    fillHead('escalation-head', ['office', 'task', 'due', 'escalatedAt', 'clearedAt', 'clearedBy', 'clearedCause']);
    var body = document.querySelector('#escalation-table tbody');
    clear(body);
    var list = state.escalations;
    if (!list) { return; }
    list.forEach(function (escalation) {
      var tr = el('tr', { 'data-task': escalation.taskId, 'data-office': escalation.officeCode || '',
        'data-cleared': escalation.clearedAt ? 'true' : 'false' });
      [
        el('td', { text: escalation.officeCode || '-' }), el('td', { text: escalation.taskName || '-' }),
        el('td', { text: formatDate(escalation.dueAt, true) }),
        el('td', { className: escalation.clearedAt ? '' : 'alert', text: formatDate(escalation.escalatedAt, true) }),
        el('td', { text: formatDate(escalation.clearedAt, true) }), el('td', { text: escalation.clearedBy || '-' }),
        el('td', { text: escalation.clearedCause ? (t('causes')[escalation.clearedCause] || escalation.clearedCause) : '-' })
      ].forEach(function (cell) { tr.appendChild(cell); });
      body.appendChild(tr);
    });
    $('escalation-count').textContent = t('count').replace('{n}', list.length);
  }

  // ----- events -----
  function bind() {
    ['lang-th', 'lang-en'].forEach(function (id) {
      $(id).addEventListener('click', function () {
        state.lang = $(id).getAttribute('data-lang');
        try { localStorage.setItem(LANG_KEY, state.lang); } catch (e) { /* private mode: not remembered */ }
        render();
      });
    });
    $('notice-filters').addEventListener('submit', function (event) {
      event.preventDefault();
      state.filters = { status: $('status-filter').value, office: $('office-filter').value, recipient: $('recipient-filter').value };
      state.page = 0;
      loadNotices();
    });
    $('status-filter').addEventListener('change', function () { $('apply-filters').click(); });
    $('prev-page').addEventListener('click', function () { if (state.page > 0) { state.page -= 1; loadNotices(); } });
    $('next-page').addEventListener('click', function () { state.page += 1; loadNotices(); });
    $('cycle-select').addEventListener('change', function () {
      history.replaceState(null, '', location.pathname + '?cycle=' + $('cycle-select').value);
      loadEscalations();
    });
  }

  bind();
  render();
  // the notifications first: a refusal (403) ends here with the message, without asking for the cycles
  loadNotices().then(function () { if (!state.forbidden) { return loadCycles().catch(showError); } });
}());
