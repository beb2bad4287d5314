// readLinkStatus: its cases are in tests/cases/link_status.json (run by parity_test.cpp).
#include "api.h"
#include "parity.h"

namespace crosslink::testing {
namespace {

const ApiRegistration kVersion("version", [](const ApiArgs&) { return nlohmann::json(api::version()).dump(); });
const ApiRegistration kReadLinkStatus("readLinkStatus",
                                      [](const ApiArgs& a) { return api::read_link_status(text_arg(a.at(0))); });

}  // namespace
}  // namespace crosslink::testing
