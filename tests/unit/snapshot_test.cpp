// Snapshot validation on inputs too large or too odd for a case file. The same classes
// run through the Wasm build in tests/wasm/snapshot.test.mjs.
#include <gtest/gtest.h>

#include "snapshot.h"

namespace crosslink {
namespace {

std::string elements_json(std::size_t n) {
  std::string s = R"({"url":"https://accountscenter.instagram.com/accounts/","elements":[)";
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ',';
    s += R"({"i":)" + std::to_string(i) + R"(,"role":"button"})";
  }
  return s + "]}";
}

TEST(Snapshot, ParsesAllFields) {
  auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","lang":"pt","title":"T","elements":[
      {"i":0,"role":"listitem","text":"a\nb"},
      {"i":1,"role":"switch","name":"Posts","checked":true,"container":0,"href":null}]})");
  ASSERT_TRUE(s.ok()) << s.error().name;
  EXPECT_EQ(s.value().lang, "pt");
  ASSERT_EQ(s.value().elements.size(), 2u);
  EXPECT_EQ(s.value().elements[0].text, "a\nb");
  EXPECT_EQ(s.value().elements[0].checked, -1);
  EXPECT_EQ(s.value().elements[1].checked, 1);
  EXPECT_EQ(s.value().elements[1].container, 0);
  EXPECT_EQ(s.value().elements[1].href, "");
}

TEST(Snapshot, AcceptsExactlyTheElementLimit) {
  SnapshotLimits limits;
  limits.max_elements = 1000;
  EXPECT_TRUE(parse_snapshot(elements_json(1000), limits).ok());
  auto over = parse_snapshot(elements_json(1001), limits);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().name, "too_many_elements");
}

TEST(Snapshot, RefusesOverOneHundredThousandElements) {
  auto s = parse_snapshot(elements_json(100001));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().name, "too_many_elements");
  EXPECT_EQ(s.error().detail, "more than 100000 elements");
}

TEST(Snapshot, RefusesAStringOverOneMegabyte) {
  std::string big(1u << 20 | 1, 'x');
  auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","elements":[{"i":0,"role":"button","name":")" + big + R"("}]})");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().name, "string_too_long");
}

TEST(Snapshot, AcceptsAStringOfExactlyOneMegabyte) {
  std::string big(1u << 20, 'x');
  auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","elements":[{"i":0,"role":"button","name":")" + big + R"("}]})");
  ASSERT_TRUE(s.ok()) << s.error().name;
  EXPECT_EQ(s.value().elements[0].name.size(), big.size());
}

TEST(Snapshot, RefusesInvalidUtf8) {
  for (std::string bad : {std::string("\xff"), std::string("\xc3"), std::string("\xed\xa0\x80"),  // lone surrogate
                          std::string("\xc0\xaf"), std::string("\xf4\x90\x80\x80")}) {
    auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","elements":[{"i":0,"role":")" + bad + R"("}]})");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().name, "bad_utf8");
  }
}

TEST(Snapshot, AcceptsMultibyteUtf8) {
  auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","elements":[{"i":0,"role":"button","name":"Publicação 만들기 😀"}]})");
  ASSERT_TRUE(s.ok()) << s.error().name;
  EXPECT_EQ(s.value().elements[0].name, "Publicação 만들기 😀");
}

TEST(Snapshot, DeepNestingInsideAnIgnoredFieldIsRefusedBeforeParsing) {
  std::string deep(100000, '[');
  auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","x":)" + deep);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().name, "too_deep");
}

TEST(Snapshot, BracketsInsideStringsDoNotCountAsNesting) {
  std::string name(100, '[');
  auto s = parse_snapshot(R"({"url":"https://www.instagram.com/","elements":[{"i":0,"role":"button","name":")" + name + R"("}]})");
  EXPECT_TRUE(s.ok()) << s.error().name;
}

TEST(Snapshot, WholeInputOverTheByteLimitIsTooLarge) {
  SnapshotLimits limits;
  limits.max_bytes = 100;
  auto s = parse_snapshot(elements_json(10), limits);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().name, "too_large");
}

}  // namespace
}  // namespace crosslink
