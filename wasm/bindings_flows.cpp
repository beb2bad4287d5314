// Embind for the screens and flows (core/api_flows.h): JSON text both ways (the
// snapshot may also come as UTF-8 bytes, which Embind copies without re-encoding).
#include <emscripten/bind.h>

#include "api_flows.h"

EMSCRIPTEN_BINDINGS(crosslink_flows) {
  using namespace crosslink::api;
  emscripten::function("recognize", &recognize);
  emscripten::function("startFlow", &start_flow);
  emscripten::function("step", &step);
  emscripten::function("cancel", &cancel);
}
