// The calls the extension makes on the core (service worker, flow driver, routes, options
// page), written against wasm/crosslink.d.ts: a change of the types that breaks a caller
// breaks this file too.
import type { Core, FlowKind, ShareNetwork, Locale, Schema } from '../../wasm/crosslink';

export function callers(core: Core): void {
  const schema: Schema = core.schema();
  const flows: FlowKind[] = schema.flows.map((f) => f.name);
  const entry: string | undefined = schema.flows.find((f) => f.name === 'link')?.entry;
  const networks: ShareNetwork[] = schema.networks.filter((n) => n.default).map((n) => n.name);
  const labels: Record<string, string> = Object.fromEntries(schema.networks.map((n) => [n.name, n.label]));
  const locales: Locale[] = schema.locales.map((l) => l.code);
  const ranges: [number, number] = [schema.ranges.clickPacingMs.min, schema.ranges.clickPacingMs.max];
  const version: number = schema.settingsVersion;
  const nativeShare: string[] = schema.pageLocators.nativeShare.flatMap((p) => p.wordings);

  const links = core.shareLinks('https://www.instagram.com/p/ABC/', { text: '', networks: ['threads', 'x'] });
  if (links.ok) for (const l of links.links) void l.network.toUpperCase();
  const defaults = core.settingsDefaults().settings;
  const stored: 2 = defaults.version;
  const loaded = core.settingsLoad(null);
  if (loaded.writeBack) void loaded.settings.share.networks.includes('threads');
  const started = core.startFlow('readStatus', {}, 0);
  if ('state' in started) {
    const { decision } = core.step(started.state, { url: 'https://accountscenter.instagram.com/accounts/', elements: [] }, 1);
    if (decision.kind === 'done') void decision.result;
    core.cancel(started.state, 2);
  }
  const status = core.readLinkStatus({ url: 'https://accountscenter.instagram.com/accounts/', elements: [] });
  // Guided steps, taught wordings, the problem report (flow-driver.js, settings-routes.js).
  const set = core.taughtSet([{ id: 'w1', locator: 'finish_yes', locale: 'en', role: 'button', name: 'Yes' }]);
  if (set.ok) void set.count.toFixed();
  const checked = core.taughtCheck([]);
  if (!checked.ok) void checked.error.detail.length;
  const report = core.problemReport({ flow: 'link', trail: [] }, null);
  if (report.ok) void [report.text.length, report.report.trail.length, report.report.lastSnapshot];
  void [nativeShare, flows, entry, networks, labels, locales, ranges, version, stored, status, core.version()];
}
