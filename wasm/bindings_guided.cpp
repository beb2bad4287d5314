// Embind for guided steps, taught wordings and the problem report (core/api_guided.h).
#include <emscripten/bind.h>

#include "api_guided.h"

EMSCRIPTEN_BINDINGS(crosslink_guided) {
  using namespace crosslink::api;
  emscripten::function("taughtSet", &taught_set);
  emscripten::function("taughtCheck", &taught_check);
  emscripten::function("problemReport", &problem_report);
}
