// The person's-decision screens (core/data/screens.json "ask", issue 15): each reason the
// core asks with has its popup/panel text (ask_<reason>) in every locale, and the core
// recognises each such screen and asks with that reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadWrapped, root } from './load.mjs';

const core = await loadWrapped();
const readJson = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const rules = readJson('core/data/screens.json').screens.filter((s) => s.ask);
const LOCALES = readJson('core/data/registry.json').locales.map((l) => l.code);

test('every ask reason of a person\'s-decision screen has its text in every locale', () => {
  assert.ok(rules.length >= 8, `${rules.length} screens ask`);
  for (const l of LOCALES) {
    const messages = readJson(`extension/_locales/${l}/messages.json`);
    for (const r of rules) assert.ok(messages[`ask_${r.ask}`]?.message, `${l}: ask_${r.ask}`);
  }
});

test('a cookie banner over any flow\'s page is asked about, never clicked', () => {
  const snapshot = JSON.stringify({
    url: 'https://accountscenter.instagram.com/connected_experiences/cross_posting/', lang: 'de', title: '',
    elements: [
      { i: 0, role: 'heading', name: 'Teilen über Profile hinweg', text: '' },
      { i: 1, role: 'switch', name: 'Deine Beiträge auf Facebook teilen', text: '', checked: false },
      { i: 2, role: 'dialog', name: 'Die Verwendung von Cookies von Meta in diesem Browser erlauben?', text: '' },
      { i: 3, role: 'button', name: 'Alle Cookies erlauben', text: '', container: 2 },
      { i: 4, role: 'button', name: 'Optionale Cookies ablehnen', text: '', container: 2 },
    ],
  });
  assert.equal(core.recognize(snapshot).screen, 'person_cookies');
  const { state } = core.startFlow('setSharing', { sharing: { posts: true } }, 1);
  const { decision } = core.step(state, snapshot, 2);
  assert.equal(decision.kind, 'ask_user');
  assert.equal(decision.reason, 'cookies');
});
