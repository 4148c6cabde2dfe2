/* The operators' console: one page, plain DOM (text only, never HTML from data), the operator API
 * with the session cookie. Every call that changes anything sends the anti-CSRF header. */
'use strict';

(function consoleApp() {
  const CSRF_HEADER = 'x-operator-request';
  const STATUSES = ['approved', 'declined', 'failed', 'pending', 'unknown', 'reversed', 'rejected', 'cancelled', 'refunded', 'completed', 'expired'];
  const ROLES = ['admin', 'support', 'risk', 'finance', 'auditor'];
  const OVERVIEW_MINUTES = 30;
  const REFRESH_MS = 30000;

  const main = document.getElementById('main');
  const state = { me: null, timer: undefined, charts: [] };

  class SessionEnded extends Error {}

  /** An element with attributes (on* never: no inline handlers) and children (strings become text). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'dataset') Object.assign(node.dataset, value);
      else if (value === true) node.setAttribute(name, '');
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function show(...nodes) {
    for (const chart of state.charts) chart.destroy();
    state.charts = [];
    main.replaceChildren(...nodes);
  }

  const can = (permission) => Boolean(state.me && state.me.permissions.includes(permission));

  /** A call of the operator API; a 401 (ended, expired or unknown session) goes back to the login. */
  async function api(method, path, body) {
    const headers = { accept: 'application/json' };
    if (method !== 'GET') headers[CSRF_HEADER] = 'console';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const text = await response.text();
    let data = {};
    try {
      data = text ? JSON.parse(text) : {};
    } catch {
      data = { message: text };
    }
    if (response.status === 401 && path !== '/v1/operator/session') {
      login(state.me ? `Your session has ended: ${messageOf(data)}` : undefined);
      throw new SessionEnded();
    }
    if (!response.ok) throw new Error(`${response.status}: ${messageOf(data)}`);
    return data;
  }

  const messageOf = (data) => (Array.isArray(data.message) ? data.message.join('; ') : data.message || data.error || 'no answer');

  /** Runs an action; its error is shown in `where` (a session that ended has already gone to the login). */
  async function attempt(where, action) {
    where.replaceChildren();
    try {
      await action();
    } catch (error) {
      if (error instanceof SessionEnded) return;
      where.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
  }

  function money(minor, currency) {
    try {
      const format = new Intl.NumberFormat('en', { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits;
      return format.format(Number(minor) / 10 ** digits);
    } catch {
      return `${minor} ${currency} (minor units)`;
    }
  }

  const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '');

  function table(columns, rows, empty) {
    if (rows.length === 0) return el('p', {}, empty);
    return el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          columns.map((c) => el('th', {}, c.title)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((row) =>
          el(
            'tr',
            {},
            columns.map((c) => el('td', { class: c.class }, c.cell(row))),
          ),
        ),
      ),
    );
  }

  function field(label, input) {
    return el('label', {}, label, input);
  }

  function select(name, options, value, blank) {
    return el(
      'select',
      { name },
      blank === undefined ? [] : el('option', { value: '' }, blank),
      options.map((o) => el('option', { value: o, selected: o === value }, o)),
    );
  }

  // ---- login ---------------------------------------------------------------------------------

  function login(notice) {
    clearTimer();
    state.me = null;
    document.getElementById('top').hidden = true;
    document.getElementById('nav').replaceChildren();
    document.getElementById('who').textContent = '';
    const error = el('div', { id: 'login-error' });
    const form = el(
      'form',
      { class: 'login', id: 'login', autocomplete: 'off' },
      el('h1', {}, 'Operators’ console'),
      notice ? el('p', { class: 'notice', role: 'status' }, notice) : null,
      field('Username', el('input', { name: 'username', required: true, autocomplete: 'username' })),
      field('Password', el('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
      field('TOTP code', el('input', { name: 'totp', required: true, inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: 6, autocomplete: 'one-time-code' })),
      el('button', { type: 'submit' }, 'Log in'),
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      void attempt(error, async () => {
        try {
          await api('POST', '/v1/operator/session', values);
        } catch (failure) {
          throw new Error(failure.message.startsWith('401') ? 'Login refused: the username, password or TOTP code is wrong.' : failure.message);
        }
        form.reset();
        await start();
      });
    });
    if (location.hash !== '' && location.hash !== '#/login') history.replaceState(null, '', `#/login?next=${encodeURIComponent(location.hash.slice(1))}`);
    show(form);
  }

  // ---- the frame: who is logged in, the pages their role may open ---------------------------

  const PAGES = [
    { path: '/overview', title: 'Overview', permission: 'journal:read', render: overview },
    { path: '/journal', title: 'Journal', permission: 'journal:read', render: journal },
    { path: '/pin-pads', title: 'PIN pads', permission: 'terminals:read', render: pinPads },
    { path: '/operators', title: 'Operators', permission: 'operators:read', render: operators },
    { path: '/audit', title: 'Audit log', permission: 'audit:read', render: audit },
  ];

  async function start() {
    try {
      state.me = await api('GET', '/v1/operator/me');
    } catch (error) {
      if (!(error instanceof SessionEnded)) show(el('p', { class: 'error', role: 'alert' }, error.message));
      return;
    }
    const me = state.me;
    document.getElementById('top').hidden = false;
    document.getElementById('who').textContent = `${me.displayName || me.username} (${me.role})`;
    document
      .getElementById('nav')
      .replaceChildren(...PAGES.filter((p) => can(p.permission)).map((p) => el('a', { href: `#${p.path}`, dataset: { page: p.path } }, p.title)));
    const next = /^#\/login\?next=(.*)$/.exec(location.hash);
    const target = next ? `#${decodeURIComponent(next[1])}` : location.hash;
    if (target !== location.hash) location.hash = target;
    else route();
  }

  function route() {
    if (!state.me) return;
    clearTimer();
    const path = location.hash.replace(/^#/, '').split('?')[0];
    const allowed = PAGES.filter((p) => can(p.permission));
    const page = allowed.find((p) => p.path === path);
    if (!page) {
      if (PAGES.some((p) => p.path === path)) {
        show(el('p', { class: 'error', role: 'alert' }, `The ${state.me.role} role may not open this page.`));
        return;
      }
      location.hash = allowed.length > 0 ? `#${allowed[0].path}` : '#/none';
      if (allowed.length === 0) show(el('p', {}, 'Your role opens no page of this console.'));
      return;
    }
    for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('current', link.dataset.page === page.path);
    const status = el('div', { id: 'page-status' });
    show(el('h1', {}, page.title), status);
    void attempt(status, () => page.render(status));
  }

  function clearTimer() {
    if (state.timer !== undefined) clearInterval(state.timer);
    state.timer = undefined;
  }

  // ---- overview: the last half hour of the journal as charts ----------------------------------

  async function overview() {
    const box = el('div', { id: 'overview' });
    const refresh = el('button', { type: 'button', id: 'refresh' }, 'Refresh');
    main.append(
      el('p', {}, `The last ${OVERVIEW_MINUTES} minutes of the journal (up to 500 attempts), refreshed every ${REFRESH_MS / 1000} s. `, refresh),
      box,
    );
    const draw = async () => {
      const from = new Date(Date.now() - OVERVIEW_MINUTES * 60000);
      from.setUTCSeconds(0, 0);
      const page = await api('GET', `/v1/journal/transactions?from=${encodeURIComponent(from.toISOString())}&limit=500`);
      for (const chart of state.charts) chart.destroy();
      state.charts = [];
      box.replaceChildren(...drawOverview(page.items, from.getTime()));
    };
    refresh.addEventListener('click', () => void attempt(document.getElementById('page-status'), draw));
    await draw();
    state.timer = setInterval(() => void attempt(document.getElementById('page-status'), draw), REFRESH_MS);
  }

  function quantile(sorted, q) {
    if (sorted.length === 0) return null;
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  function drawOverview(items, fromMs) {
    const minutes = [];
    for (let t = fromMs; t <= Date.now(); t += 60000) minutes.push(t / 1000);
    const approved = minutes.map(() => 0);
    const declined = minutes.map(() => 0);
    const latencies = minutes.map(() => []);
    const codes = new Map();
    const all = [];
    for (const item of items) {
      const created = Date.parse(item.createdAt);
      const slot = Math.floor((created - fromMs) / 60000);
      if (slot < 0 || slot >= minutes.length) continue;
      if (item.status === 'approved') approved[slot] += 1;
      else if (item.status === 'declined') declined[slot] += 1;
      if (item.responseCode) codes.set(item.responseCode, (codes.get(item.responseCode) || 0) + 1);
      if (item.status === 'approved' || item.status === 'declined') {
        const ms = Date.parse(item.updatedAt) - created;
        latencies[slot].push(ms);
        all.push(ms);
      }
    }
    const sortedAll = all.sort((a, b) => a - b);
    const approvedTotal = approved.reduce((a, b) => a + b, 0);
    const declinedTotal = declined.reduce((a, b) => a + b, 0);
    const decided = approvedTotal + declinedTotal;
    const p50 = latencies.map((l) =>
      quantile(
        l.sort((a, b) => a - b),
        0.5,
      ),
    );
    const p95 = latencies.map((l) => quantile(l, 0.95));
    const tiles = el(
      'div',
      { class: 'tiles' },
      tile('approved', 'Approved', approvedTotal),
      tile('declined', 'Declined', declinedTotal),
      tile('approval-rate', 'Approval rate', decided === 0 ? '–' : `${Math.round((100 * approvedTotal) / decided)} %`),
      tile('latency-p95', 'Latency p95', sortedAll.length === 0 ? '–' : `${quantile(sortedAll, 0.95)} ms`),
    );
    const uPlot = window.uPlot;
    const bars = uPlot.paths.bars({ size: [0.8, 40] });
    const codeList = [...codes.keys()].sort();
    const charts = el('div', { class: 'charts' });
    const approvals = chartFigure('chart-approvals', `Approved ${approvedTotal}, declined ${declinedTotal} in ${minutes.length} minutes`);
    const responses = chartFigure('chart-response-codes', codeList.map((c) => `${c}: ${codes.get(c)}`).join(', ') || 'No response codes yet');
    const latency = chartFigure(
      'chart-latency',
      sortedAll.length === 0
        ? 'No decided attempts yet'
        : `p50 ${quantile(sortedAll, 0.5)} ms, p95 ${quantile(sortedAll, 0.95)} ms over ${sortedAll.length} attempts`,
    );
    charts.append(approvals.figure, responses.figure, latency.figure);
    const size = { width: 520, height: 220 };
    // Half a minute either side, so the first and last minutes' bars are drawn whole.
    const minuteScale = { time: true, range: (u, min, max) => [min - 30, max + 30] };
    const points = (colour) => ({ show: true, size: 8, stroke: colour, fill: colour });
    state.charts.push(
      new uPlot(
        {
          ...size,
          title: 'Approvals per minute',
          scales: { x: minuteScale, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
          series: [
            {},
            { label: 'approved', stroke: '#1a7f37', fill: 'rgba(26,127,55,0.5)', paths: bars, points: { show: false } },
            { label: 'declined', stroke: '#cf222e', fill: 'rgba(207,34,46,0.5)', paths: bars, points: { show: false } },
          ],
        },
        [minutes, approved, declined],
        approvals.plot,
      ),
    );
    if (codeList.length > 0)
      state.charts.push(
        new uPlot(
          {
            ...size,
            title: 'Response codes',
            scales: { x: { time: false, range: () => [-0.5, Math.max(0, codeList.length - 1) + 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
            axes: [{ values: (u, splits) => splits.map((s) => (Number.isInteger(s) ? codeList[s] || '' : '')), splits: () => codeList.map((_, i) => i) }, {}],
            series: [
              { label: 'code', value: (u, v) => (v === null ? '' : codeList[v] || '') },
              { label: 'attempts', stroke: '#0969da', fill: 'rgba(9,105,218,0.5)', paths: bars, points: { show: false } },
            ],
          },
          [codeList.map((_, i) => i), codeList.map((c) => codes.get(c))],
          responses.plot,
        ),
      );
    state.charts.push(
      new uPlot(
        {
          ...size,
          title: 'Latency per minute (ms, attempt to outcome)',
          scales: { x: minuteScale, y: { range: (u, min, max) => [0, Math.max(10, max * 1.1)] } },
          series: [
            {},
            { label: 'p50', stroke: '#8250df', width: 2, points: points('#8250df') },
            { label: 'p95', stroke: '#bc4c00', width: 2, points: points('#bc4c00') },
          ],
        },
        [minutes, p50, p95],
        latency.plot,
      ),
    );
    return [tiles, charts];
  }

  function tile(id, label, value) {
    return el('div', { class: 'tile', id: `tile-${id}` }, label, el('b', {}, value));
  }

  function chartFigure(id, caption) {
    const plot = el('div', { class: 'plot' });
    return { plot, figure: el('figure', { id }, plot, el('figcaption', {}, caption)) };
  }

  // ---- journal: search with filters, pages, the CSV of the same search ------------------------

  async function journal() {
    const form = el(
      'form',
      { class: 'filters', id: 'journal-filters' },
      field('Terminal', el('input', { name: 'terminalId', size: 9 })),
      field('Merchant', el('input', { name: 'merchantId', size: 12 })),
      field('Status', select('status', STATUSES, '', 'any')),
      field('Response code', el('input', { name: 'responseCode', size: 3, maxlength: 2 })),
      field('Masked PAN', el('input', { name: 'maskedPan', placeholder: '476173******0010', size: 18 })),
      field('RRN', el('input', { name: 'rrn', size: 12 })),
      field('Business day', el('input', { name: 'businessDay', type: 'date' })),
      field('From (UTC)', el('input', { name: 'from', type: 'datetime-local' })),
      field('To (UTC)', el('input', { name: 'to', type: 'datetime-local' })),
      field('Per page', select('limit', ['20', '50', '100', '500'], '50')),
      el('button', { type: 'submit' }, 'Search'),
    );
    const csv = el('a', { id: 'journal-csv', href: '#', download: 'journal.csv' }, 'Download CSV');
    const results = el('div', { id: 'journal-results' });
    const more = el('button', { type: 'button', id: 'journal-more', hidden: true }, 'Next page');
    main.append(form, el('p', {}, csv), results, more);
    let query = '';
    let cursor = null;
    const queryOf = () => {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (value === '') continue;
        // datetime-local gives minutes (or seconds) without a zone: the form says UTC.
        params.set(name, name === 'from' || name === 'to' ? `${value}${String(value).length === 16 ? ':00' : ''}Z` : String(value));
      }
      return params;
    };
    const load = async (append) => {
      const params = new URLSearchParams(query);
      if (append && cursor) params.set('cursor', cursor);
      const page = await api('GET', `/v1/journal/transactions?${params}`);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      const rendered = table(
        [
          { title: 'Created (UTC)', cell: (r) => when(r.createdAt) },
          { title: 'Terminal', cell: (r) => r.terminalId },
          { title: 'Operation', cell: (r) => r.operation },
          { title: 'Status', cell: (r) => r.status },
          { title: 'Amount', class: 'amount', cell: (r) => money(r.amountMinor, r.currency) },
          { title: 'Card', cell: (r) => r.maskedPan || '' },
          { title: 'Response', cell: (r) => (r.responseCode ? `${r.responseCode} ${r.responseText || ''}` : '') },
          { title: 'RRN', cell: (r) => r.rrn || '' },
          { title: 'Approval', cell: (r) => r.approvalCode || '' },
          { title: 'Reason', cell: (r) => r.statusReason || '' },
        ],
        page.items,
        'Nothing in the journal matches.',
      );
      if (append && results.querySelector('tbody') && rendered.querySelector('tbody'))
        results.querySelector('tbody').append(...rendered.querySelector('tbody').children);
      else results.replaceChildren(el('p', { id: 'journal-count' }, `${page.items.length} attempts${cursor ? ' (more on the next page)' : ''}`), rendered);
    };
    const status = document.getElementById('page-status');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      query = queryOf().toString();
      const csvParams = new URLSearchParams(query);
      csvParams.set('format', 'csv');
      csv.href = `/v1/journal/transactions?${csvParams}`;
      void attempt(status, () => load(false));
    });
    more.addEventListener('click', () => void attempt(status, () => load(true)));
    csv.href = '/v1/journal/transactions?format=csv';
    await load(false);
  }

  // ---- PIN pads: the registry, block and unblock ----------------------------------------------

  async function pinPads() {
    const writable = can('terminals:write');
    const list = el('div', { id: 'pin-pads' });
    main.append(writable ? null : el('p', { class: 'notice' }, `The ${state.me.role} role reads the registry; blocking needs terminals:write.`), list);
    const status = document.getElementById('page-status');
    const load = async () => {
      const { items } = await api('GET', '/v1/pin-pads?limit=1000');
      list.replaceChildren(
        table(
          [
            { title: 'Serial number', cell: (p) => p.serialNumber },
            { title: 'Register', cell: (p) => p.terminalId },
            { title: 'Status', cell: (p) => el('span', { class: 'pad-status' }, p.status) },
            { title: 'Reason', cell: (p) => p.statusReason || '' },
            { title: 'Key', cell: (p) => `${p.bdkId} (${p.keyScheme})` },
            { title: 'Counter used', cell: (p) => `${p.counterUsedPercent} %` },
            { title: 'Last used (UTC)', cell: (p) => when(p.lastUsedAt) },
            { title: '', cell: (p) => padAction(p) },
          ],
          items,
          'No PIN pad is registered.',
        ),
      );
    };
    const padAction = (pad) => {
      const blocking = pad.status === 'active';
      const reason = el('input', { name: 'reason', placeholder: 'reason', size: 16, disabled: !writable });
      const button = el(
        'button',
        { type: 'submit', disabled: !writable, title: writable ? undefined : 'needs terminals:write' },
        blocking ? 'Block' : 'Unblock',
      );
      const form = el('form', { class: 'inline', dataset: { serial: pad.serialNumber } }, reason, button);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(status, async () => {
          const body = reason.value.trim() ? { reason: reason.value.trim() } : {};
          await api('POST', `/v1/pin-pads/${encodeURIComponent(pad.serialNumber)}/${blocking ? 'block' : 'unblock'}`, body);
          await load();
        });
      });
      return form;
    };
    await load();
  }

  // ---- operators (admins manage; auditors read) -----------------------------------------------

  async function operators() {
    const writable = can('operators:write');
    const list = el('div', { id: 'operators' });
    const shown = el('div', { id: 'totp-shown' });
    const status = document.getElementById('page-status');
    const load = async () => {
      const { items } = await api('GET', '/v1/operator/operators');
      list.replaceChildren(
        table(
          [
            { title: 'Username', cell: (o) => o.username },
            { title: 'Name', cell: (o) => o.displayName },
            { title: 'Role', cell: (o) => (writable ? roleForm(o) : o.role) },
            { title: 'Status', cell: (o) => o.status },
            { title: '', cell: (o) => (writable ? accountActions(o) : '') },
          ],
          items,
          'No operator.',
        ),
      );
    };
    const showTotp = (username, totp) =>
      shown.replaceChildren(
        el(
          'div',
          { class: 'notice', role: 'status' },
          el('p', {}, `The TOTP secret of ${username}, shown this once: add it to their authenticator app now.`),
          el('p', {}, el('code', { class: 'secret', id: 'totp-secret' }, totp.secret)),
          el('p', {}, el('code', {}, totp.uri)),
        ),
      );
    const roleForm = (operator) => {
      const form = el(
        'form',
        { class: 'inline', dataset: { user: operator.username } },
        select('role', ROLES, operator.role),
        el('button', { type: 'submit' }, 'Change role'),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(status, async () => {
          await api('PUT', `/v1/operator/operators/${operator.id}/role`, { role: new FormData(form).get('role') });
          await load();
        });
      });
      return form;
    };
    const accountActions = (operator) => {
      const act = (label, path, after) => {
        const button = el('button', { type: 'button', dataset: { action: path, user: operator.username } }, label);
        button.addEventListener(
          'click',
          () =>
            void attempt(status, async () => {
              const answer = await api('POST', `/v1/operator/operators/${operator.id}/${path}`);
              if (after) after(answer);
              await load();
            }),
        );
        return button;
      };
      return el(
        'span',
        {},
        operator.status === 'active' ? act('Block', 'block') : act('Unblock', 'unblock'),
        ' ',
        act('New TOTP secret', 'totp', (answer) => showTotp(operator.username, answer.totp)),
      );
    };
    if (writable) {
      const form = el(
        'form',
        { class: 'filters', id: 'create-operator' },
        field('Username', el('input', { name: 'username', required: true })),
        field('Name', el('input', { name: 'displayName', required: true })),
        field('Role', select('role', ROLES, 'support')),
        field(
          'Password (12 characters at least)',
          el('input', { name: 'password', type: 'password', required: true, minlength: 12, autocomplete: 'new-password' }),
        ),
        el('button', { type: 'submit' }, 'Create operator'),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(status, async () => {
          const answer = await api('POST', '/v1/operator/operators', Object.fromEntries(new FormData(form)));
          showTotp(answer.operator.username, answer.totp);
          form.reset();
          await load();
        });
      });
      main.append(el('h2', {}, 'New operator'), form);
    }
    main.append(shown, el('h2', {}, 'Accounts'), list);
    await load();
  }

  // ---- the audit log and its chain --------------------------------------------------------------

  const lines = (n) => `${n} line${n === 1 ? '' : 's'}`;

  async function audit() {
    const verdict = el('div', { id: 'audit-verdict' });
    const form = el(
      'form',
      { class: 'filters', id: 'audit-filters' },
      field('Outcome', select('outcome', ['allowed', 'denied', 'failed'], '', 'any')),
      field('Action', el('input', { name: 'action', placeholder: 'login, POST /v1/…' })),
      field('Actor id', el('input', { name: 'actorId' })),
      el('button', { type: 'submit' }, 'Search'),
    );
    const verify = el('button', { type: 'button', id: 'audit-verify' }, 'Verify the chain again');
    const list = el('div', { id: 'audit-lines' });
    main.append(verdict, el('p', {}, verify), form, list);
    const status = document.getElementById('page-status');
    const check = async () => {
      const result = await api('GET', '/v1/operator/audit/verify');
      verdict.replaceChildren(
        result.intact
          ? el('p', { class: 'ok', role: 'status' }, `Chain intact: ${lines(result.checked)} checked.`)
          : el('p', { class: 'error', role: 'alert' }, `Chain broken at line ${result.brokenAt}: ${result.reason} (${lines(result.checked)} checked).`),
      );
    };
    const load = async () => {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (value !== '') params.set(name, String(value));
      params.set('limit', '100');
      const page = await api('GET', `/v1/operator/audit?${params}`);
      list.replaceChildren(
        table(
          [
            { title: 'When (UTC)', cell: (l) => when(l.at) },
            { title: 'Who', cell: (l) => l.actorName },
            { title: 'Role', cell: (l) => l.role || '' },
            { title: 'Action', cell: (l) => l.action },
            { title: 'Resource', cell: (l) => l.resource },
            { title: 'Outcome', cell: (l) => l.outcome },
            { title: 'From', cell: (l) => l.ip || '' },
            {
              title: 'Detail',
              cell: (l) =>
                [l.before, l.after]
                  .filter((d) => d !== null && d !== undefined)
                  .map((d) => JSON.stringify(d))
                  .join(' → '),
            },
          ],
          page.items,
          'No audit line matches.',
        ),
      );
    };
    verify.addEventListener('click', () => void attempt(status, check));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void attempt(status, load);
    });
    await Promise.all([check(), load()]);
  }

  // ---- start ------------------------------------------------------------------------------------

  document.getElementById('logout').addEventListener('click', () => {
    void api('DELETE', '/v1/operator/session')
      .catch(() => undefined)
      .then(() => login('You have logged out.'));
  });
  window.addEventListener('hashchange', () => {
    if (state.me) route();
  });
  void start();
})();
