// Runs every case of tests/cases/*.json against the native core.
#include <gtest/gtest.h>

#include "parity.h"

namespace crosslink::testing {
namespace {

class Parity : public ::testing::TestWithParam<Case> {};

TEST_P(Parity, ReturnsExpectedJson) {
  const Case& c = GetParam();
  nlohmann::json out = nlohmann::json::parse(run_case(c), nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "API returned text that is not JSON";
  EXPECT_EQ(out, c.expect) << "got " << out.dump();
}

INSTANTIATE_TEST_SUITE_P(Cases, Parity, ::testing::ValuesIn(load_all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.id; });

}  // namespace
}  // namespace crosslink::testing
