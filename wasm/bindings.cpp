// The Embind boundary and nothing else: text in, JSON text out (see core/api.h).
#include <emscripten/bind.h>

#include "api.h"

EMSCRIPTEN_BINDINGS(crosslink) {
  using namespace crosslink::api;
  emscripten::function("version", &version);
  emscripten::function("schema", &schema);
  emscripten::function("readLinkStatus", &read_link_status);
}
