// Activity log: cases in tests/cases/activity_log.json (parity); here the ring over many
// appends, dates against a reference, and numbers JSON cannot carry (NaN, infinity).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "activity_log.h"
#include "api_settings.h"
#include "parity.h"

namespace crosslink::testing {
namespace {

const ApiRegistration kAppend("logAppend", [](const ApiArgs& a) {
  return api::log_append(text_arg(a.at(0)), text_arg(a.at(1)), a.at(2).get<double>(), a.at(3).get<double>());
});
const ApiRegistration kLoad("logLoad",
                            [](const ApiArgs& a) { return api::log_load(text_arg(a.at(0)), a.at(1).get<double>()); });
const ApiRegistration kExport("logExport",
                              [](const ApiArgs& a) { return api::log_export(text_arg(a.at(0)), a.at(1).get<double>()); });

TEST(ActivityLog, RingHoldsTheNewestCapEntriesInOrder) {
  std::string log;
  for (int i = 0; i < 1234; ++i) {
    auto r = append_log(log, R"({"type":"share","outcome":"ok"})", 1000.0 + i, 500);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().evicted, i >= 500 ? 1 : 0);
    log = json_text(r.value().log);
  }
  nlohmann::json doc = nlohmann::json::parse(log);
  ASSERT_EQ(doc["entries"].size(), 500u);
  EXPECT_EQ(doc["next"], 1234);
  for (int k = 0; k < 500; ++k) {
    EXPECT_EQ(doc["entries"][k]["seq"], 734 + k);
    EXPECT_EQ(doc["entries"][k]["t"], 1000 + 734 + k);
  }
}

TEST(ActivityLog, NumbersThatAreNotNumbersAreRefused) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(append_log("", R"({"type":"a"})", nan, 500).error().name, "bad_time");
  EXPECT_EQ(append_log("", R"({"type":"a"})", inf, 500).error().name, "bad_time");
  EXPECT_EQ(append_log("", R"({"type":"a"})", 1, nan).error().name, "bad_cap");
  EXPECT_EQ(append_log("", R"({"type":"a"})", 1, -inf).error().name, "bad_cap");
  EXPECT_EQ(export_log("", nan).error().name, "bad_time");
  EXPECT_EQ(load_log("", inf).error().name, "bad_cap");
}

TEST(ActivityLog, IsoTimesMatchKnownDates) {
  EXPECT_EQ(iso_time(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso_time(951782400000), "2000-02-29T00:00:00.000Z");
  EXPECT_EQ(iso_time(4107542399999), "2100-02-28T23:59:59.999Z");  // 2100 is not a leap year
  EXPECT_EQ(iso_time(4107542400000), "2100-03-01T00:00:00.000Z");
  EXPECT_EQ(iso_time(253402300800000), "+010000-01-01T00:00:00.000Z");
  EXPECT_EQ(iso_time(8640000000000000), "+275760-09-13T00:00:00.000Z");
}

TEST(ActivityLog, WorstCaseEntryStaysSmallAndTheWorstLogReadsBack) {
  // Quotes and backslashes are the dearest characters to store: each is written twice.
  std::string entry = R"({"type":")" + std::string(40, 'a') + R"(","outcome":")" + std::string(40, 'b') + R"(","detail":")";
  for (int i = 0; i < 1000; ++i) entry += "\\\"";
  entry += R"(","data":{)";
  for (int i = 0; i < 6; ++i) {
    entry += (i ? "," : "") + std::string("\"k") + std::to_string(i) + std::string(22, 'k') + "\":\"";
    for (int j = 0; j < 200; ++j) entry += "\\\\";
    entry += "\"";
  }
  entry += "}}";
  auto r = append_log("", entry, 1, 10);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  nlohmann::json written = nlohmann::json::parse(json_text(r.value().log));
  std::string one = written["entries"][0].dump();
  EXPECT_LT(one.size(), 2048u);
  // 5,000 of them still read back whole.
  std::string log = R"({"version":1,"next":5000,"entries":[)";
  nlohmann::json stored = written["entries"][0];
  for (int i = 0; i < kLogCapMax; ++i) {
    stored["seq"] = i;
    log += (i ? "," : "") + stored.dump();
  }
  log += "]}";
  EXPECT_LT(log.size(), kLogMaxBytes);
  auto back = load_log(log, kLogCapMax);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(nlohmann::json::parse(json_text(back.value().log))["entries"].size(), static_cast<std::size_t>(kLogCapMax));
  EXPECT_TRUE(back.value().repair.name.empty());
}

TEST(ActivityLog, HostileStoredLogsNeverStopLogging) {
  for (const std::string& stored : {std::string(200000, '['), std::string("{\"entries\":[\"\xff\"]}"),
                                    std::string(kLogMaxBytes + 1, 'x'), std::string("\0", 1)}) {
    auto r = append_log(stored, R"({"type":"share"})", 5, 10);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(nlohmann::json::parse(json_text(r.value().log))["entries"].size(), 1u);
    EXPECT_FALSE(r.value().repair.name.empty());
  }
}

TEST(ActivityLog, EntryTextThatIsNotUtf8IsNamed) {
  auto r = append_log("", "{\"type\":\"share\",\"detail\":\"\xc0\xaf\"}", 5, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name, "bad_utf8");
}

TEST(ActivityLog, HugeEntryRefused) {
  auto r = append_log("", "{\"type\":\"share\",\"detail\":\"" + std::string(70000, 'x') + "\"}", 5, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name, "too_large");
}

}  // namespace
}  // namespace crosslink::testing
