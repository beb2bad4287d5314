// The feed's content: N generated posts (every fourth a reel) after the posts made on
// the stage, each with a shortcode of the real shape (11 characters of base64url),
// invertible so /p/<code>/ finds post n without a table.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MOD = 1n << 60n;
const MUL = 0x5DEECE66Dn * 2n + 1n;  // odd, so invertible modulo 2^60
const INV = (() => {  // Newton's iteration for the inverse of an odd number modulo 2^60
  let x = MUL;
  for (let i = 0; i < 6; i++) x = (x * (2n - MUL * x)) % MOD;
  return ((x % MOD) + MOD) % MOD;
})();

export function codeFor(n) {
  let v = ((BigInt(n) + 1n) * MUL) % MOD;
  let s = '';
  for (let i = 0; i < 10; i++) { s = ALPHABET[Number(v & 63n)] + s; v >>= 6n; }
  return `C${s}`;
}

/** The index n of a generated post's code, or -1. */
export function indexOf(code) {
  if (!/^C[A-Za-z0-9_-]{10}$/.test(code)) return -1;
  let v = 0n;
  for (const ch of code.slice(1)) v = (v << 6n) | BigInt(ALPHABET.indexOf(ch));
  const n = ((v * INV) % MOD) - 1n;
  return n >= 0n && n < 1000000n ? Number(n) : -1;
}

const FRIENDS = ['maria.lima', 'tom_baker', 'aiko.photos', 'lukas.berg', 'chloe.martin', 'diego.rv', 'sam.travels',
  'nora.eats', 'olu.designs', 'ines.garcia', 'paul.klee.fan', 'mei.lin'];

export function generatedPost(n) {
  const reel = n % 4 === 3;
  return {
    n, code: codeFor(n), user: FRIENDS[n % FRIENDS.length], kind: reel ? 'reel' : 'photo',
    likes: 37 + ((n * 7919) % 4000), comments: (n * 31) % 90, days: 1 + (n % 6), own: false,
  };
}

/** Item i of the feed: the stage's own posts (newest first), then the generated ones. */
export function feedItem(state, i) {
  if (i < state.posts.length) {
    const p = state.posts[i];
    return { n: 1000 + i, code: p.code, user: state.instagramUsername, kind: p.media === 'video' ? 'reel' : 'photo',
      likes: 0, comments: 0, days: 0, own: true, caption: p.caption };
  }
  const n = i - state.posts.length;
  return n < state.feedSize ? generatedPost(n) : null;
}

export const feedLength = (state) => state.posts.length + state.feedSize;

/** The post behind a code: one of the stage's own, or a generated one within the feed. */
export function postByCode(state, code) {
  const own = state.posts.findIndex((p) => p.code === code);
  if (own >= 0) return feedItem(state, own);
  const n = indexOf(code);
  return n >= 0 && n < Math.max(state.feedSize, 1) ? generatedPost(n) : null;
}

/** A code for a post made on the stage, unlike every generated one. */
export function newOwnCode(count) {
  return `D${codeFor(count).slice(1)}`;
}
