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

std::string one(const std::string& element_fields) {
  return R"({"url":"https://www.instagram.com/","elements":[{"i":0,"role":"button")" + element_fields + "}]}";
}

TEST(Snapshot, UnescapesStringsIncludingSurrogatePairs) {
  auto s = parse_snapshot(one(R"(,"name":"a\"b\\c\/d\n\t\u00e9\u0041\ud83d\ude00")"));
  ASSERT_TRUE(s.ok()) << s.error().name;
  EXPECT_EQ(s.value().elements[0].name, "a\"b\\c/d\n\t\xC3\xA9" "A\xF0\x9F\x98\x80");
}

TEST(Snapshot, LoneSurrogateEscapesAreBadJson) {
  EXPECT_EQ(parse_snapshot(one(R"(,"name":"\ud800")")).error().name, "bad_json");
  EXPECT_EQ(parse_snapshot(one(R"(,"name":"\udc00x")")).error().name, "bad_json");
  EXPECT_EQ(parse_snapshot(one(R"(,"name":"\ud800\u0041")")).error().name, "bad_json");
}

TEST(Snapshot, ControlCharactersAndBadEscapesAreBadJson) {
  EXPECT_EQ(parse_snapshot(one(",\"name\":\"a\x01b\"")).error().name, "bad_json");
  EXPECT_EQ(parse_snapshot(one(R"(,"name":"\x41")")).error().name, "bad_json");
  EXPECT_EQ(parse_snapshot(one(R"(,"name":"\u12")")).error().name, "bad_json");
}

TEST(Snapshot, UnknownFieldsOfAnyShapeAreSkipped) {
  auto s = parse_snapshot(R"({"v":[1,{"a":[true,false,null,-1.5e3]}],"url":"https://www.instagram.com/","extra":{"x":"y"},
      "elements":[{"i":0,"role":"link","future":{"deep":[[1]]},"href":"/p/x/"}]})");
  ASSERT_TRUE(s.ok()) << s.error().name;
  EXPECT_EQ(s.value().elements[0].role, Role::Link);
  EXPECT_EQ(s.value().elements[0].href, "/p/x/");
}

TEST(Snapshot, UnknownRolesAreKeptAsOther) {
  auto s = parse_snapshot(one("").replace(one("").find("button"), 6, "treegrid"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().elements[0].role, Role::Other);
  EXPECT_EQ(s.value().elements[0].role_text, "treegrid");
}

TEST(Snapshot, DisabledAndReadable) {
  auto s = parse_snapshot(one(R"(,"disabled":true)"));
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s.value().elements[0].disabled);
  auto hidden = parse_snapshot(R"({"url":"","readable":false,"elements":[]})");
  ASSERT_TRUE(hidden.ok()) << hidden.error().detail;
  EXPECT_FALSE(hidden.value().readable);
  EXPECT_EQ(parse_snapshot(R"({"url":"","elements":[]})").error().detail, "url: empty");
}

TEST(Snapshot, WrongTypesAreNamedByField) {
  EXPECT_EQ(parse_snapshot(one(R"(,"checked":"yes")")).error().detail, "elements[0].checked: expected boolean");
  EXPECT_EQ(parse_snapshot(one(R"(,"disabled":1)")).error().detail, "elements[0].disabled: expected boolean");
  EXPECT_EQ(parse_snapshot(one(R"(,"name":7)")).error().detail, "elements[0].name: expected string");
  EXPECT_EQ(parse_snapshot(one(R"(,"container":0.5)")).error().detail, "elements[0].container: expected integer");
  EXPECT_EQ(parse_snapshot(one(R"(,"container":0)")).error().detail, "elements[0].container: expected an earlier index or -1");
  EXPECT_EQ(parse_snapshot(R"({"url":"https://x/","elements":[{"i":0.0,"role":"button"}]})").error().detail,
            "elements[0].i: expected its position in the list");
  EXPECT_EQ(parse_snapshot(R"({"url":"https://x/","elements":[{"i":0}]})").error().detail, "elements[0].role: expected string");
  EXPECT_EQ(parse_snapshot(R"({"url":"https://x/","elements":[3]})").error().detail, "elements[0]: expected object");
  EXPECT_EQ(parse_snapshot(R"({"url":"https://x/","readable":"no","elements":[]})").error().detail, "readable: expected boolean");
  EXPECT_EQ(parse_snapshot(R"({"url":"https://x/","lang":5,"elements":[]})").error().detail, "lang: expected string");
  EXPECT_EQ(parse_snapshot(R"([1,2])").error().detail, "top level: expected object");
}

TEST(Snapshot, ASyntaxErrorAfterAShapeErrorIsBadJson) {
  EXPECT_EQ(parse_snapshot(R"({"url":5,"elements":[} )").error().name, "bad_json");
}

TEST(Snapshot, TextAfterTheDocumentIsBadJson) {
  EXPECT_EQ(parse_snapshot(R"({"url":"https://x/","elements":[]} x)").error().name, "bad_json");
  EXPECT_TRUE(parse_snapshot(" \n{\"url\":\"https://x/\",\"elements\":[]}\n ").ok());
}

TEST(Snapshot, ADuplicateFieldTakesTheLastValue) {
  auto s = parse_snapshot(R"({"url":"https://a/","url":"https://b/","elements":[{"i":0,"role":"link"}],"elements":[]})");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().url, "https://b/");
  EXPECT_TRUE(s.value().elements.empty());
}

TEST(Snapshot, BadUtf8AfterASyntaxErrorIsStillNamedBadUtf8) {
  EXPECT_EQ(parse_snapshot("{\"url\": , \"x\": \"\xff\"}").error().name, "bad_utf8");
}

TEST(Snapshot, DeepNestingInAnElementFieldIsTooDeep) {
  std::string deep(40, '[');
  EXPECT_EQ(parse_snapshot(one(",\"x\":" + deep)).error().name, "too_deep");
  std::string ok = std::string(13, '[') + std::string(13, ']');
  EXPECT_TRUE(parse_snapshot(one(",\"x\":" + ok)).ok());
}

TEST(Snapshot, NumbersOfEveryFormInSkippedFields) {
  for (const char* n : {"0", "-0", "12.5", "1e9", "-2E-3", "123456789012345678901234567890"})
    EXPECT_TRUE(parse_snapshot(one(std::string(",\"n\":") + n)).ok()) << n;
  for (const char* n : {"01", "1.", ".5", "-", "1e", "+1"})
    EXPECT_EQ(parse_snapshot(one(std::string(",\"n\":") + n)).error().name, "bad_json") << n;
}

TEST(Snapshot, TheBufferSurvivesAMove) {
  auto s = parse_snapshot(one(R"(,"name":"kept \u00e9")"));
  ASSERT_TRUE(s.ok());
  Snapshot moved = std::move(s.value());
  std::vector<Snapshot> many;
  many.push_back(std::move(moved));
  many.emplace_back();
  EXPECT_EQ(many[0].elements[0].name, "kept \xC3\xA9");
}

TEST(Snapshot, InPlaceReadsTheCallersBufferWithoutACopy) {
  std::string text = one(R"(,"name":"caf\u00e9 \"x\"")");
  std::vector<char> buffer(text.begin(), text.end());
  auto s = parse_snapshot_in_place(buffer.data(), buffer.size());
  ASSERT_TRUE(s.ok()) << s.error().detail;
  EXPECT_EQ(s.value().storage, nullptr);
  EXPECT_EQ(s.value().elements[0].name, "caf\xC3\xA9 \"x\"");
  EXPECT_GE(s.value().elements[0].name.data(), buffer.data());
  EXPECT_LT(s.value().elements[0].name.data(), buffer.data() + buffer.size());
}

TEST(Snapshot, InPlaceNamesTheWorseProblemWhileTheTextIsUnchanged) {
  std::string text = "{\"url\": , \"x\": \"\xff\"}";
  std::vector<char> buffer(text.begin(), text.end());
  EXPECT_EQ(parse_snapshot_in_place(buffer.data(), buffer.size()).error().name, "bad_utf8");
}

TEST(Snapshot, InPlaceAfterAnEscapeWasRewrittenSaysBadJson) {
  // The buffer no longer holds the text as given: the syntax error is all it can name.
  std::string text = R"({"url":"a\"b", "x": )" + std::string(40, '[');
  std::vector<char> buffer(text.begin(), text.end());
  EXPECT_EQ(parse_snapshot_in_place(buffer.data(), buffer.size()).error().name, "too_deep");  // found while reading
  std::string broken = R"({"url":"a\"b" "x"})";
  std::vector<char> b2(broken.begin(), broken.end());
  EXPECT_EQ(parse_snapshot_in_place(b2.data(), b2.size()).error().name, "bad_json");
}

}  // namespace
}  // namespace crosslink
