// Embind for sharing (core/api_share.h), the settings and the activity log (core/api_settings.h): JSON text both
// ways, numbers as doubles. Its own EMSCRIPTEN_BINDINGS block, beside bindings.cpp.
#include <emscripten/bind.h>

#include "api_settings.h"
#include "api_share.h"

EMSCRIPTEN_BINDINGS(crosslink_share) {
  using namespace crosslink::api;
  emscripten::function("normalizePermalink", &normalize_permalink);
  emscripten::function("shareLinks", &share_links);
  emscripten::function("settingsDefaults", &settings_defaults);
  emscripten::function("settingsLoad", &settings_load);
  emscripten::function("settingsValidate", &settings_validate);
  emscripten::function("logAppend", &log_append);
  emscripten::function("logLoad", &log_load);
  emscripten::function("logExport", &log_export);
}
