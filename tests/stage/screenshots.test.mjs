// Screenshots of the accounts list, the sharing switches and the feed (and the other
// screens of the journeys), in English and another locale, both layouts, saved under
// build/screenshots/ for a person to judge the likeness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/harness.mjs';
import * as walks from './walks.mjs';
import { fresh, useBrowser } from './helpers.mjs';

const env = useBrowser();
const dir = path.join(root, 'build/screenshots');
fs.mkdirSync(dir, { recursive: true });

async function shoot(name) {
  const file = path.join(dir, `${name}.png`);
  await env.page.screenshot({ path: file });
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG', `${name} is a PNG`);
  assert.ok(bytes.length > 8000, `${name} has content (${bytes.length} bytes)`);
  return file;
}

for (const [locale, layout] of [['en', 'A'], ['de', 'A'], ['en', 'B'], ['es', 'B']]) {
  test(`screenshots in ${locale}, layout ${layout}: accounts list, sharing switches, feed`, async () => {
    await fresh(env.stage, { locale, layout, linked: true, sharing: { posts: true, stories: true } });
    const tag = `${locale}-${layout}`;
    await env.page.goto(walks.URLS.accounts);
    await env.page.getByRole('listitem').nth(1).waitFor();
    await shoot(`accounts-list-${tag}`);
    await env.page.goto(walks.URLS.sharing);
    await env.page.getByRole('switch').first().waitFor();
    assert.equal(await env.page.getByRole('switch').count(), 4);
    await shoot(`sharing-switches-${tag}`);
    await env.page.goto(walks.URLS.instagram);
    await env.page.locator('article img').first().waitFor();
    await shoot(`feed-${tag}`);
  });
}

test('screenshots of every screen of the link and unlink journeys (en, layout A)', async () => {
  await fresh(env.stage);
  const shots = [];
  const onScreen = async (id) => { shots.push(await shoot(`journey-${shots.length + 1}-${id}`)); };
  await walks.link(env.page, { onScreen });
  await walks.unlink(env.page, { onScreen });
  assert.equal(shots.length, 11);
});
