// What the stage's own tests share: one stage and one browser (no extension) per test
// file, the control endpoints, and the audit log read as lists of action names.
import { after, before } from 'node:test';
import https from 'node:https';
import { launch, startStage } from '../e2e/harness.mjs';

export { LOCALES } from '../../web/texts.mjs';
export const LAYOUTS = ['A', 'B'];

/** A control request: {status, body} (never throws on 4xx, so tests can assert them). */
export function control(stage, method, path, body, { raw } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(`${stage.origin}${path}`, {
      method, rejectUnauthorized: false, headers: { 'content-type': 'application/json' },
    }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        let parsed = text;
        try { parsed = JSON.parse(text); } catch { /* HTML */ }
        resolve({ status: res.statusCode, body: parsed, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(raw ?? (body === undefined ? undefined : JSON.stringify(body)));
  });
}

/** A request to one of the staged hosts, as a browser would make it (Host header). */
export function hostRequest(stage, host, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(`${stage.origin}${path}`, {
      method, rejectUnauthorized: false, servername: host,
      headers: { host, ...headers },
    }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        let parsed = text;
        if (/json/.test(res.headers['content-type'] ?? '')) parsed = JSON.parse(text);
        resolve({ status: res.statusCode, body: parsed, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function fresh(stage, patch = {}) {
  const reset = await control(stage, 'POST', '/__stage/reset');
  if (reset.status !== 200) throw new Error(`reset: ${reset.status}`);
  if (Object.keys(patch).length) {
    const set = await control(stage, 'POST', '/__stage/state', patch);
    if (set.status !== 200) throw new Error(`state: ${set.status} ${set.body.error}`);
  }
}

export const state = async (stage) => (await control(stage, 'GET', '/__stage/state')).body;
export const logOf = async (stage, kind) => (await control(stage, 'GET', `/__stage/log${kind ? `?kind=${kind}` : ''}`)).body.entries;
export const actionsOf = async (stage) => (await logOf(stage, 'action')).map((e) => e.action);
export const refusedOf = async (stage) => (await logOf(stage, 'refused')).map((e) => `${e.action}: ${e.reason}`);

/** Starts the stage and Chromium without the extension for this file; returns a live handle. */
export function useBrowser() {
  const env = { stage: null, browser: null, page: null };
  before(async () => {
    env.stage = await startStage();
    env.browser = await launch(env.stage, { extension: false });
    env.page = await env.browser.context.newPage();
    env.errors = [];
    env.page.on('pageerror', (e) => env.errors.push(String(e)));
  });
  after(async () => {
    await env.browser?.close();
    await env.stage?.close();
  });
  return env;
}
