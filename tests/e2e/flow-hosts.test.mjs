// Meta's other hosts (issue 15 item 2, FACTS.md December 2026): Accounts Center is also at
// accountscenter.facebook.com and accountscenter.meta.com, and Facebook's hand-off may
// return there. The Link click asks for them with Facebook's (the manifest's
// optional_host_permissions, pre-granted here as a person who allowed them), so the flow
// goes on there: the finish step is read and clicked on the other host, and the link is
// read back on the accounts list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setState } from './harness.mjs';
import { FACEBOOK_ORIGINS, actionNames, runFromPopup, stageLog, stageState, useFlowBrowser } from './flow-helpers.mjs';

const env = useFlowBrowser();

for (const host of ['accountscenter.meta.com', 'accountscenter.facebook.com']) {
  test(`link: Facebook's hand-off returns to ${host}, and the flow finishes there`, async () => {
    assert.ok(FACEBOOK_ORIGINS.includes(`https://${host}/*`), 'asked for at the Link click');
    await setState(env.stage, { linked: false, linkReturnHost: host });
    const rec = await runFromPopup(env.popup, 'button', 'Link to Facebook');
    assert.equal(rec.status, 'done', JSON.stringify(rec.error));
    assert.equal(rec.result.facebookName, 'Jane Doe');
    assert.equal((await stageState(env.stage)).linked, true);
    assert.deepEqual(await actionNames(env.stage), ['facebook_continue', 'link', 'sync_profile']);
    // The finish step was answered on the other host, by the flow.
    const posts = (await stageLog(env.stage, 'action')).filter((e) => e.name === 'link');
    assert.deepEqual(posts.map((e) => e.host), [host]);
  });
}
