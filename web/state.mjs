// The stage's state, held on the server so every read-back is real. Changed by the
// pages' own actions and by POST /__stage/state (see web/README.md for the JSON).

export function defaultState() {
  return {
    linked: false,
    facebookName: 'Jane Doe',
    instagramUsername: 'jane.doe',
  };
}

const SCHEMA = {
  linked: 'boolean',
  facebookName: 'string',
  instagramUsername: 'string',
};

/** Applies a partial state; returns the first problem (unknown key, wrong type) or ''. */
export function applyPatch(state, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return 'body must be a JSON object';
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in SCHEMA)) return `unknown key "${key}"`;
    if (typeof value !== SCHEMA[key]) return `"${key}" must be a ${SCHEMA[key]}`;
  }
  Object.assign(state, patch);
  return '';
}
