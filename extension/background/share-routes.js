// Messages of the in-page share control and the composer default (content scripts on
// www.instagram.com). The core builds every link; the worker opens a share page only
// from a link it built itself, never from a URL a page handed it.
import { loadSettings } from './settings-store.js';
import { fail, failWith } from './dispatcher.js';


// At most one share tab a second per Instagram tab, whatever the page does (issue 17,
// finding 5): the control acts only on the person's own clicks, and this holds even if
// something got past that. By this worker's monotonic clock; a worker started again
// forgets, which a second's limit can afford.
export const SHARE_INTERVAL_MS = 1000;
const lastShare = new Map();  // tab id → performance.now() of its last share tab

/** @param {{withCore: () => Promise<import('../core/crosslink').Core>}} deps */
export function shareRoutes({ withCore }) {
  async function linksFor(url, text, networks) {
    const core = await withCore();
    const out = core.shareLinks(url, { text, networks });
    if (!out.ok) throw failWith(out.error);
    return out;
  }

  return {
    // What the page scripts need from the settings: which networks, the composer default.
    'content/shareConfig': {
      from: ['content'],
      fields: {},
      async handle() {
        const core = await withCore();
        const { share, composer } = await loadSettings(core);
        // From the registry: labels, each network's messages.json key; page, the locators
        // the page scripts match themselves (the native share icon, the composer's switch).
        const { networks, pageLocators: page } = core.schema();
        const labels = Object.fromEntries(networks.map((n) => [n.name, n.label]));
        return { networks: share.networks, labels, page, composer };
      },
    },
    // The menu for one post: its clean permalink and one entry per enabled network.
    'content/shareLinks': {
      from: ['content'],
      fields: { url: 'string', text: 'string?' },
      async handle({ url, text = '' }) {
        const { share } = await loadSettings(await withCore());
        const out = await linksFor(url, text, share.networks);
        return { url: out.url, networks: out.links.map((l) => l.network) };
      },
    },
    // The composer default (composer-default.js) asks before it sets a switch: is this the
    // new-post composer, and is the switch the one in its dialog? The core decides.
    'content/composerSwitch': {
      from: ['content'],
      fields: { snapshot: 'string' },
      async handle({ snapshot }) {
        const out = (await withCore()).composerSwitch(snapshot);
        if (!out.ok) throw failWith(out.error);
        return { screen: out.screen, switch: out.switch };
      },
    },
    // Opens the network's official share page in a new tab next to the Instagram one.
    'content/openShare': {
      from: ['content'],
      fields: { url: 'string', network: 'string', text: 'string?' },
      async handle({ url, network, text = '' }, sender) {
        const { share } = await loadSettings(await withCore());
        if (network === 'copy' || !share.networks.includes(network))
          throw fail('network_disabled', `${network.slice(0, 20)} is not an enabled share network`);
        const [link] = (await linksFor(url, text, [network])).links;
        // Claimed before the await: two messages at once cannot both pass.
        const now = performance.now();
        const last = lastShare.get(sender.tab.id);
        if (last !== undefined && now - last < SHARE_INTERVAL_MS)
          throw fail('share_too_fast', 'one share page a second');
        lastShare.set(sender.tab.id, now);
        if (lastShare.size > 200) lastShare.delete(lastShare.keys().next().value);
        await chrome.tabs.create({ url: link.url, index: sender.tab.index + 1, openerTabId: sender.tab.id });
        return { opened: link.url };
      },
    },
  };
}
