// Messages of guided steps, taught wordings and the problem report (issue 16): from the
// panel in the flow's own tab (content/panel.js), the popup and the options page.
import { loadTaught, removeTaught } from './taught-store.js';
import { fail } from './dispatcher.js';

const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** @param {{driver: any, withCore: () => Promise<any>, log: (entry: object) => Promise<unknown>}} deps */
export function guidedRoutes({ driver, log }) {
  /** The flow (running or just ended) of the sender's own tab, by id; else refused by name. */
  async function flowOfTab(flowId, sender) {
    const rec = await driver.load();
    if (!rec || rec.id !== flowId || rec.tabId !== sender.tab?.id) throw fail('not_flow_tab', 'no flow of this tab');
    return rec;
  }
  return {
    // The person clicked an element in a guided step: its role and accessible name, as our
    // own snapshot names it (never a text field, never what was typed).
    'content/guidedClick': {
      from: ['content', 'facebook'],
      fields: { flowId: 'string', role: 'string', name: 'string' },
      async handle({ flowId, role, name }, sender) {
        await flowOfTab(flowId, sender);
        if (FIELD_ROLES.has(role) || role.length > 40 || name.length > 500) throw fail('bad_params', 'not an element a step clicks');
        const rec = await driver.guidedClick(sender.tab.id, flowId, { role, name }, new URL(sender.url).hostname);
        return { ok: Boolean(rec?.teach || rec?.trail) };
      },
    },
    'content/rememberWording': {
      from: ['content', 'facebook'],
      fields: { flowId: 'string', remember: 'boolean' },
      async handle({ flowId, remember }, sender) {
        await flowOfTab(flowId, sender);
        return driver.answerOffer(sender.tab.id, flowId, remember);
      },
    },
    'content/problemReport': {
      from: ['content', 'facebook'],
      fields: { flowId: 'string' },
      async handle({ flowId }, sender) {
        await flowOfTab(flowId, sender);
        return driver.report();
      },
    },
    'popup/problemReport': {
      from: ['page'],
      fields: {},
      async handle() {
        return driver.report();
      },
    },
    // The options page: the taught wordings, and Remove.
    'options/taught': {
      from: ['page'],
      fields: {},
      async handle() {
        return { taught: await loadTaught() };
      },
    },
    'options/taughtRemove': {
      from: ['page'],
      fields: { id: 'string' },
      async handle({ id }) {
        const removed = await removeTaught(id);
        if (removed) await log({ type: 'wording_removed', detail: `${removed.locator} (${removed.locale || 'any language'}): removed in the options` });
        return { removed: Boolean(removed), taught: await loadTaught() };
      },
    },
  };
}
