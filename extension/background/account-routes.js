// The Instagram account logged in on www.instagram.com (issue 19 items 4/5): the content
// script (content/instagram-account.js) sends the links of the site's navigation, the
// core finds the profile link among them (locator instagram_profile_link) and names the
// account; it is kept (status-store.js) so the popup says which account a reading is for.
import { saveInstagramAccount } from './status-store.js';
import { fail, failWith } from './dispatcher.js';


/** @param {{withCore: () => Promise<any>}} deps */
export function accountRoutes({ withCore }) {
  return {
    'content/instagramAccount': {
      from: ['content'],
      fields: { snapshot: 'string' },
      async handle({ snapshot }, sender) {
        if (new URL(sender.url).hostname !== 'www.instagram.com') throw fail('wrong_host', 'only www.instagram.com names the account');
        const out = (await withCore()).instagramAccount(snapshot);
        if (!out.ok) throw failWith(out.error);
        if (out.username) await saveInstagramAccount(out.username);
        return { username: out.username };
      },
    },
  };
}
