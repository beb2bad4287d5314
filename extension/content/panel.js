// The Crosslink panel in the flow's own page (issue 16): while a flow runs in this tab it
// says which flow, the current step, what Crosslink waits for, the question when the
// person must act, and offers Cancel (and Resume after a pause). The toolbar popup closes
// as soon as this tab takes focus; this panel is what the person sees instead.
// It lives in a CLOSED shadow root on an element of its own: the page's scripts cannot
// reach its nodes or text (host.shadowRoot is null), its styles cannot restyle it (the
// host's own inline !important rules, the shadow's sheet). Only trusted events act.
// The worker tells it (panel/show, flow-driver.js) whenever the flow's record changes; it
// says nothing to the worker on its own, so an ordinary page load never wakes anyone.
// Plain script after actuator.js (crosslinkActuator): the panel's clicks are not the
// person's clicks in the page, and the panel is no change of the page.
// eslint-disable-next-line no-unused-vars
var crosslinkPanel = globalThis.crosslinkPanel || (() => {
  const OUTCOME_MS = 5000;  // the outcome stays this long after the flow ended
  const ENDED = new Set(['done', 'error', 'cancelled']);
  const MARGIN = 16;
  const INTERACTIVE = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="radio"], [role="option"], [role="switch"], [role="checkbox"]';

  // ---- Words: crosslinkI18n (strings.js), asked for when the panel first shows ----
  const { lookup: m, msg: t } = crosslinkI18n;
  crosslinkI18n.onChange(() => { if (view) render(); });

  // ---- The words of a flow, as the popup says them (popup.js) ----
  function flowName(v) {
    if (v.flow === 'setSharing') {
      const [[key, on] = []] = Object.entries(v.params?.sharing ?? {});
      return t(on ? 'flowNameSharingOn' : 'flowNameSharingOff', t(`switchName_${key}`));
    }
    return t(`flowName_${v.flow}`);
  }
  // The outcome and the consent asks (issue 17), worded as in the popup (i18n/flow-words.js).
  const words = globalThis.crosslinkFlowWords;
  const outcomeText = (v) => words.outcomeText(t, m, v);
  const askText = (v) => words.askText(t, v);
  const answerChoices = words.choices;
  const answerLabel = (v, c) => words.label(t, v, c);
  function waitingText(v) {
    const name = String(v.next?.name ?? '').slice(0, 80);
    switch (v.waiting) {
      case 'you': return t('panelWaitYou');
      case 'click': return name ? t('panelWaitClick', name) : t('panelWaitClickUnnamed');
      case 'toggle': return name ? t('panelWaitToggle', name) : t('panelWaitClickUnnamed');
      case 'navigate': return t('panelWaitNavigate');
      case 'page': return t('panelWaitPage');
      default: return t('panelWaitRead');
    }
  }

  /** The manual step a guided step stands for, in the person's language (issue 16). */
  function guideText(g) {
    const wording = String(g.wording ?? '').slice(0, 120);
    const more = g.candidates?.length ? ` ${t('guidedOutlined')}` : '';
    switch (g.action) {
      case 'click': return `${wording ? t('guidedClick', wording) : t('guidedClickUnnamed')}${more}`;
      case 'switch_on': return `${t('guidedSwitchOn', wording)}${more}`;
      case 'switch_off': return `${t('guidedSwitchOff', wording)}${more}`;
      default: return t(g.error === 'ambiguous_screen' ? 'guidedTwoScreens' : 'guidedUnknownPage');
    }
  }

  // ---- The panel: markup and style in a shadow root ----
  const CSS = `
    :host { all: initial; }
    .panel { position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(340px, calc(100vw - ${2 * MARGIN}px));
      max-height: calc(100vh - ${2 * MARGIN}px); overflow: auto; margin: 0; padding: 12px 14px;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1e21; background: #fff;
      border: 1px solid #8a8d91; border-radius: 10px; box-shadow: 0 4px 18px rgba(0,0,0,.25); text-align: start; }
    .panel[data-corner="br"] { right: ${MARGIN}px; bottom: ${MARGIN}px; }
    .panel[data-corner="bl"] { left: ${MARGIN}px; bottom: ${MARGIN}px; }
    .panel[data-corner="tr"] { right: ${MARGIN}px; top: ${MARGIN}px; }
    .panel[data-corner="tl"] { left: ${MARGIN}px; top: ${MARGIN}px; }
    .brand { margin: 0 0 2px; font-size: 12px; font-weight: 600; color: #4b4f56; letter-spacing: .02em; }
    .title { margin: 0 0 6px; font-size: 15px; font-weight: 700; }
    p { margin: 0 0 4px; }
    .ask { margin: 8px 0 4px; padding: 8px; border-radius: 6px; background: #fff4e0; color: #3d2a00; border-left: 4px solid #b45309; }
    .outcome[data-state="done"] { color: #0b6b2e; font-weight: 600; }
    .outcome[data-state="stopped"] { color: #a1140f; font-weight: 600; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
    button { font: inherit; font-weight: 600; padding: 6px 14px; border-radius: 6px; cursor: pointer;
      border: 1px solid #0064e0; background: #0064e0; color: #fff; }
    button.secondary { background: #fff; color: #a1140f; border-color: #a1140f; }
    button:focus-visible { outline: 3px solid #1c1e21; outline-offset: 2px; }
    [hidden] { display: none !important; }
    @media (prefers-color-scheme: dark) {
      .panel { color: #e4e6eb; background: #242526; border-color: #8a8d91; box-shadow: 0 4px 18px rgba(0,0,0,.6); }
      .brand { color: #b0b3b8; }
      .ask { background: #3a2a0c; color: #ffe6b3; border-left-color: #f0a64b; }
      .outcome[data-state="done"] { color: #6fdc8c; }
      .outcome[data-state="stopped"] { color: #ff9a8f; }
      button { background: #4599ff; border-color: #4599ff; color: #0b0c0d; }
      button.secondary { background: #242526; color: #ff9a8f; border-color: #ff9a8f; }
      button:focus-visible { outline-color: #e4e6eb; }
    }
    .guide { margin: 8px 0 4px; padding: 8px; border-radius: 6px; background: #e7f0ff; color: #0b2a5b; border-left: 4px solid #0064e0; }
    .guide strong { font-weight: 700; }
    .offer { margin: 8px 0 0; padding: 8px; border-radius: 6px; border: 1px solid #8a8d91; }
    .offer p { margin: 0 0 6px; }
    button.plain { background: #fff; color: #0b4fb3; border-color: #0b4fb3; }
    .report { margin-top: 8px; }
    .report textarea { box-sizing: border-box; width: 100%; height: 180px; font: 12px/1.35 ui-monospace, Menlo, Consolas, monospace;
      color: inherit; background: transparent; border: 1px solid #8a8d91; border-radius: 6px; padding: 6px; resize: vertical; }
    .report textarea:focus-visible { outline: 3px solid #1c1e21; outline-offset: 1px; }
    .report label { display: block; font-size: 12px; font-weight: 600; margin-bottom: 4px; }
    .candidate { position: fixed; pointer-events: none; box-sizing: border-box; border: 3px dashed #b45309; border-radius: 6px;
      box-shadow: 0 0 0 3px rgba(255,255,255,.85); }
    @media (prefers-color-scheme: dark) {
      .guide { background: #10243f; color: #d6e6ff; border-left-color: #4599ff; }
      button.plain { background: #242526; color: #8fc0ff; border-color: #8fc0ff; }
      .report textarea:focus-visible { outline-color: #e4e6eb; }
      .candidate { border-color: #f0a64b; box-shadow: 0 0 0 3px rgba(0,0,0,.7); }
    }
    @media (prefers-reduced-motion: no-preference) { .panel { transition: opacity .2s; } }
  `;

  /** A panel drawn into a shadow root of the given mode on a host element of its own. */
  function createPanel(mode, host = document.createElement('crosslink-panel')) {
    // The host: nothing of its own to show, out of the page's layout, proof against page CSS.
    for (const [prop, value] of [['all', 'initial'], ['display', 'block'], ['position', 'fixed'], ['top', '0'], ['left', '0'],
      ['width', '0'], ['height', '0'], ['overflow', 'visible'], ['z-index', '2147483647'], ['visibility', 'visible'], ['opacity', '1'],
      ['pointer-events', 'auto'], ['transform', 'none'], ['filter', 'none'], ['clip-path', 'none']]) host.style.setProperty(prop, value, 'important');
    const root = host.attachShadow({ mode });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
    const el = (tag, props = {}, ...children) => {
      const node = Object.assign(document.createElement(tag), props);
      node.append(...children);
      return node;
    };
    const brand = el('p', { className: 'brand', id: 'brand' });
    const title = el('p', { className: 'title' });
    const step = el('p', { className: 'step' });
    const wait = el('p', { className: 'wait' });
    const ask = el('p', { className: 'ask', hidden: true });
    const outcome = el('p', { className: 'outcome', hidden: true });
    const guide = el('p', { className: 'guide', hidden: true });
    // One live region for everything that changes: announced politely, as it changes.
    const live = el('div', {}, step, wait, ask, guide, outcome);
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    const resume = el('button', { type: 'button', hidden: true });
    const cancel = el('button', { type: 'button', className: 'secondary' });
    const answers = el('div', { className: 'buttons answers', hidden: true });
    const reportButton = el('button', { type: 'button', className: 'plain', hidden: true });
    const buttons = el('div', { className: 'buttons' }, reportButton, resume, cancel);
    // "Remember this button for next time?" after a guided step (taught wordings).
    const offerText = el('p', { id: 'offer-text' });
    const remember = el('button', { type: 'button' });
    const forget = el('button', { type: 'button', className: 'plain' });
    const offer = el('div', { className: 'offer', hidden: true }, offerText, el('div', { className: 'buttons' }, forget, remember));
    offer.setAttribute('role', 'group');
    offer.setAttribute('aria-labelledby', 'offer-text');
    // The problem report, shown whole before it is copied.
    const reportLabel = el('label', { htmlFor: 'report-text' });
    const reportText = el('textarea', { id: 'report-text', readOnly: true, spellcheck: false });
    const copy = el('button', { type: 'button' });
    const closeReport = el('button', { type: 'button', className: 'plain' });
    const copied = el('p', { className: 'copied' });
    copied.setAttribute('role', 'status');
    const report = el('div', { className: 'report', hidden: true }, reportLabel, reportText, copied, el('div', { className: 'buttons' }, closeReport, copy));
    const box = el('aside', { className: 'panel', tabIndex: -1 }, brand, title, live, answers, offer, buttons, report);
    box.setAttribute('aria-labelledby', 'brand');
    box.dataset.corner = 'br';
    root.append(box);
    const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };

    function render(v) {
      box.lang = (crosslinkI18n.locale ?? chrome.i18n.getMessage('@@ui_locale') ?? 'en').replace('_', '-');
      setText(brand, t('extName'));
      setText(title, flowName(v));
      const running = !ENDED.has(v.status);
      step.hidden = !running;
      wait.hidden = !running;
      setText(step, running ? t('flowProgress', String((v.actions ?? 0) + 1), v.screen ? (m(`screen_${v.screen}`) || v.screen) : t('screenStarting')) : '');
      setText(wait, running ? waitingText(v) : '');
      const question = !running ? '' : v.status === 'paused' ? t('flowPaused') : v.asked ? askText(v) : '';
      ask.hidden = !question;
      setText(ask, question);
      const offered = running && v.status !== 'paused' ? answerChoices(v) : [];
      const key = JSON.stringify([v.asked, offered]);
      if (answers.dataset.key !== key) {
        answers.dataset.key = key;
        answers.textContent = '';
        for (const choice of offered) {
          const b = el('button', { type: 'button' }, answerLabel(v, choice));
          b.dataset.choice = choice;
          answers.append(b);
        }
      }
      answers.hidden = offered.length === 0;
      outcome.hidden = running;
      outcome.dataset.state = v.status === 'done' ? 'done' : 'stopped';
      setText(outcome, running ? '' : outcomeText(v));
      setText(cancel, t('flowCancel'));
      setText(resume, t('flowResume'));
      // A guided step: what to do by hand, in the person's words; the question is this.
      const g = running && v.guide;
      guide.hidden = !g;
      setText(guide, g ? guideText(v.guide) : '');
      if (g) { ask.hidden = true; setText(ask, ''); }
      offer.hidden = !v.offer;
      setText(offerText, v.offer ? t('guidedRemember', v.offer.name) : '');
      setText(remember, t('guidedRememberYes'));
      setText(forget, t('guidedRememberNo'));
      reportButton.hidden = !v.report;
      setText(reportButton, t('problemReportCopy'));
      setText(reportLabel, t('problemReportTitle'));
      setText(copy, t('problemReportCopyNow'));
      setText(closeReport, t('problemReportClose'));
      const focused = root.activeElement;
      cancel.hidden = !running;
      resume.hidden = !(running && v.status === 'paused');
      // A button that went away with the focus in it: the focus stays in the panel.
      if ((focused === cancel || focused === resume || focused === remember || focused === forget || focused === reportButton) && (focused.hidden || offer.hidden))
        (cancel.hidden ? box : cancel).focus();
    }

    /** Shows the report whole (the person reads it before copying). */
    function showReport(text) {
      reportText.value = text;
      setText(copied, '');
      report.hidden = false;
      reportText.focus();
      reportText.setSelectionRange(0, 0);
    }

    /**
     * Moves to the first corner that covers none of the rects (else the one covering fewest);
     * a corner that covers one of `must` (what the person is to click) only when all do.
     */
    function place(rects, must = []) {
      const order = ['br', 'bl', 'tr', 'tl'];
      let best = null;
      const over = (r) => (o) => o.width > 0 && o.height > 0 && o.left < r.right && o.right > r.left && o.top < r.bottom && o.bottom > r.top;
      for (const corner of order) {
        box.dataset.corner = corner;
        const r = box.getBoundingClientRect();
        const hits = rects.filter(over(r)).length + 1000 * must.filter(over(r)).length;
        if (!best || hits < best.hits) best = { corner, hits };
        if (hits === 0) break;
      }
      box.dataset.corner = best.corner;
      return best;
    }

    return { host, root, box, cancel, resume, answers, render, place, remember, forget, reportButton, report, reportText, copy, closeReport, copied, showReport };
  }

  // ---- The panel of this page ----
  let panel = null;
  let view = null;
  let lastSeq = 0;
  let hideTimer = 0;
  const placements = [];  // where the panel went for each element the flow was about to click (tests read it)

  const trusted = (fn) => (event) => { if (event.isTrusted) fn(); };
  function ensurePanel() {
    if (!panel) {
      panel = createPanel('closed');
      globalThis.crosslinkActuator?.own?.(panel.host);
      panel.cancel.addEventListener('click', trusted(() => send('content/cancelFlow')));
      panel.resume.addEventListener('click', trusted(() => send('content/resumeFlow')));
      panel.remember.addEventListener('click', trusted(() => send('content/rememberWording', { remember: true })));
      panel.forget.addEventListener('click', trusted(() => send('content/rememberWording', { remember: false })));
      panel.reportButton.addEventListener('click', trusted(async () => {
        const reply = await send('content/problemReport');
        if (reply?.ok && typeof reply.text === 'string') { reportShown = true; panel.showReport(reply.text); }
      }));
      panel.copy.addEventListener('click', trusted(async () => {
        const text = panel.reportText.value;
        let ok = await navigator.clipboard?.writeText(text).then(() => true, () => false);
        if (!ok) {
          panel.reportText.select();
          ok = document.execCommand('copy');
        }
        panel.copied.textContent = t(ok ? 'problemReportCopied' : 'problemReportCopyFailed');
      }));
      panel.closeReport.addEventListener('click', trusted(() => {
        reportShown = false;
        panel.report.hidden = true;
        panel.reportButton.focus();
        if (view && ENDED.has(view.status) && !view.offer) hideTimer = setTimeout(hide, OUTCOME_MS);
      }));
      // A consent answer: the person's own click on the name (never a page script's).
      panel.answers.addEventListener('click', (event) => {
        const button = event.target.closest?.('button');
        if (!event.isTrusted || !button || !view) return;
        chrome.runtime.sendMessage({ type: 'content/answerFlow', flowId: view.id, choice: button.dataset.choice ?? '' }).catch(() => {});
      });
    }
    if (!panel.host.isConnected) document.documentElement.append(panel.host);
    return panel;
  }
  function send(type, extra = {}) {
    if (!view) return null;
    return chrome.runtime.sendMessage({ type, flowId: view.id, ...extra }).catch(() => null);
  }
  let reportShown = false;

  // ---- Guided steps: the candidates outlined (never clicked), the person's own click ----
  const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
  let outlined = [];
  function clearOutlines() {
    for (const o of outlined) o.remove();
    outlined = [];
    removeEventListener('scroll', redrawSoon, true);
  }
  /** The guided step's candidates as they are in the page now: their elements. */
  function candidateNodes() {
    const g = view && !ENDED.has(view.status) ? view.guide : null;
    if (!g?.candidates?.length || typeof crosslinkSnapshot !== 'function') return [];
    const { snapshot, nodes } = crosslinkSnapshot();
    const out = [];
    for (const c of g.candidates) {
      // The element the core named, as the page is now: same role and name, else none.
      const same = (k) => snapshot.elements[k] && snapshot.elements[k].role === c.role && (snapshot.elements[k].name ?? '') === c.name;
      const i = same(c.i) ? c.i : snapshot.elements.findIndex((e, k) => same(k));
      if (i >= 0) out.push(nodes[i]);
    }
    return out;
  }
  const candidateRects = () => candidateNodes().map((n) => n.getBoundingClientRect());
  function drawOutlines() {
    clearOutlines();
    if (!panel) return;
    for (const node of candidateNodes()) {
      const r = node.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const o = document.createElement('div');
      o.className = 'candidate';
      o.setAttribute('aria-hidden', 'true');
      Object.assign(o.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
      panel.root.append(o);
      outlined.push(o);
    }
    // Outlines follow the page's scrolling; with none drawn, no scroll event calls us (a
    // long feed scrolled is thousands of them).
    if (outlined.length) addEventListener('scroll', redrawSoon, true);
  }
  let outlineFrame = 0;
  function redrawSoon() { if (outlined.length && !outlineFrame) outlineFrame = requestAnimationFrame(() => { outlineFrame = 0; drawOutlines(); }); }
  addEventListener('resize', () => { if (view?.guide && panel?.host.isConnected) render(); });

  /** During a guided step, the element the person acts on: its role and accessible name (our snapshot's). */
  function onGuidedAct(event) {
    if (!event.isTrusted || !view?.guide || ENDED.has(view.status) || !panel) return;
    if (event.composedPath().includes(panel.host)) return;
    if (typeof crosslinkSnapshot !== 'function') return;
    const { snapshot, nodes } = crosslinkSnapshot();
    let hit = -1;
    for (let k = 0; k < nodes.length; k++) if (nodes[k].contains(event.target)) hit = k;  // the innermost (document order)
    const entry = snapshot.elements[hit];
    if (!entry || FIELD_ROLES.has(entry.role) || !entry.name) return;
    send('content/guidedClick', { role: entry.role, name: entry.name });
  }
  document.addEventListener('pointerdown', onGuidedAct, true);
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') onGuidedAct(e); }, true);

  /** The rects the person must be able to reach while they are asked: the page's controls in view. */
  function controlRects() {
    const out = [];
    for (const node of document.querySelectorAll(INTERACTIVE)) {
      if (panel && panel.host.contains(node)) continue;
      const r = node.getBoundingClientRect();
      if (r.width && r.height && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth) out.push(r);
      if (out.length >= 400) break;
    }
    return out;
  }

  function render() {
    const p = ensurePanel();
    p.render(view);
    // Asked to act: keep clear of the page's controls (the login form, the account, Continue…).
    if (!ENDED.has(view.status) && (view.asked || view.status === 'paused' || view.guide)) p.place(controlRects(), candidateRects());
    drawOutlines();
  }

  function show(v) {
    if (!v || typeof v.seq !== 'number' || v.seq <= lastSeq) return;
    lastSeq = v.seq;
    view = v;
    clearTimeout(hideTimer);
    // Drawn in a task of its own: the flow's next message (its click) is not held up.
    if (!renderTimer) renderTimer = setTimeout(() => {
      renderTimer = 0;
      if (!view) return;
      crosslinkI18n.ensure();
      render();
    }, 0);
    // The outcome stays a few seconds; a question (Remember?) or a report being read, until answered or closed.
    if (ENDED.has(v.status) && !v.offer && !reportShown) hideTimer = setTimeout(hide, OUTCOME_MS);
  }
  let renderTimer = 0;

  function hide() {
    view = null;
    clearOutlines();
    reportShown = false;
    if (panel) panel.report.hidden = true;
    panel?.host.remove();
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || sender.tab || message?.type !== 'panel/show') return false;
    show(message.view);
    sendResponse({ ok: true });
    return false;
  });

  return {
    /** The actuator, just before it clicks el: the panel moves off it. */
    avoid(el) {
      if (!view || !panel?.host.isConnected) return;
      const target = el.getBoundingClientRect();
      const { corner, hits } = panel.place([target]);
      placements.push({ corner, covered: hits > 0 });
    },
    placements,
    /** For the tests (this extension's isolated world only): where the outlines are drawn. */
    outlineRects: () => outlined.map((o) => { const r = o.getBoundingClientRect(); return { top: r.top, left: r.left, width: r.width, height: r.height }; }),
    /**
     * For the accessibility test only (reachable from this extension's isolated world,
     * never from the page): the same panel, drawn in an OPEN root on the given host so
     * axe-core in the page can read it.
     */
    openCopy(host, v, reportText) {
      const copy = createPanel('open', host);
      copy.render(v);
      if (typeof reportText === 'string') copy.showReport(reportText);
      return copy.box.dataset.corner;
    },
  };
})();
globalThis.crosslinkPanel = crosslinkPanel;
