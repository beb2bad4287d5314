// Sharing: permalinks, X's weighted length and trimming, share URLs. The parity cases are
// in tests/cases/share.json (run by parity_test.cpp); here is what a case file cannot
// hold (bytes that are not UTF-8, properties over many inputs).
#include <gtest/gtest.h>

#include <random>

#include "api_share.h"
#include "parity.h"
#include "share.h"

namespace crosslink::testing {
namespace {

const ApiRegistration kNormalize("normalizePermalink",
                                 [](const ApiArgs& a) { return api::normalize_permalink(text_arg(a.at(0))); });
const ApiRegistration kShareLinks("shareLinks", [](const ApiArgs& a) {
  return api::share_links(text_arg(a.at(0)), text_arg(a.at(1)), text_arg(a.at(2)));
});

nlohmann::json call(const std::string& out) { return nlohmann::json::parse(out, nullptr, false); }

TEST(Permalink, BytesThatAreNotUtf8AreNamed) {
  for (const char* bad : {"\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xe2\x82"}) {
    std::string url = std::string("https://www.instagram.com/p/ABC") + bad + "/";
    auto r = normalize_permalink(url);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().name, "bad_utf8") << url;
  }
}

TEST(Permalink, ErrorDetailsWithOddBytesStayValidJson) {
  nlohmann::json out = call(api::normalize_permalink("https://www.instagram.com/p/\xc3\xa9\xff/"));
  ASSERT_FALSE(out.is_discarded());
  EXPECT_EQ(out["error"]["name"], "bad_utf8");
}

TEST(Permalink, NulByteIsRefused) {
  auto r = normalize_permalink(std::string("https://www.instagram.com/p/ABC\0/", 34));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name, "bad_url");
}

TEST(Permalink, HugeInputRefusedBeforeAnyWork) {
  auto r = normalize_permalink(std::string(50u << 20, 'a'));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().name, "url_too_long");
}

TEST(Permalink, NormalizingIsIdempotent) {
  for (const char* in : {"http://instagram.com/reels/AbC/?igsh=1", "instagr.am/p/xyz", "https://www.instagram.com/stories/A.B/1/"}) {
    auto once = normalize_permalink(in);
    ASSERT_TRUE(once.ok()) << in;
    auto twice = normalize_permalink(once.value().url);
    ASSERT_TRUE(twice.ok());
    EXPECT_EQ(twice.value().url, once.value().url);
    EXPECT_TRUE(twice.value().removed.empty());
  }
}

TEST(Permalink, RemovedNamesAreBounded) {
  std::string url = "https://www.instagram.com/p/ABC/?";
  for (int i = 0; i < 100; ++i) url += "p" + std::to_string(i) + "=1&";
  url += std::string(100, 'n') + "=1";
  auto r = normalize_permalink(url);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().removed.size(), 20u);
  for (const std::string& n : r.value().removed) EXPECT_LE(n.size(), 43u);
}

TEST(PercentEncode, KeepsOnlyUnreservedAndUsesUpperCaseHex) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  std::string out = percent_encode(all);
  std::string kept;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '%') {
      ASSERT_LE(i + 2, out.size() - 1);
      for (char h : out.substr(i + 1, 2)) EXPECT_TRUE((h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'));
      i += 2;
    } else {
      kept += out[i];
    }
  }
  EXPECT_EQ(kept, "-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
  EXPECT_EQ(out.size(), kept.size() + 3 * (256 - kept.size()));
  EXPECT_EQ(percent_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

TEST(XLength, WeightsByRange) {
  EXPECT_EQ(x_weighted_length(""), 0);
  EXPECT_EQ(x_weighted_length("abc"), 3);
  EXPECT_EQ(x_weighted_length("\xe1\x83\xbf"), 1);      // U+10FF, last of the first range
  EXPECT_EQ(x_weighted_length("\xe1\x84\x80"), 2);      // U+1100 Hangul Jamo
  EXPECT_EQ(x_weighted_length("\xe2\x80\x8d"), 1);      // U+200D, end of 8192-8205
  EXPECT_EQ(x_weighted_length("\xe2\x80\x8e"), 2);      // U+200E, just outside
  EXPECT_EQ(x_weighted_length("\xe2\x80\x94"), 1);      // U+2014 em dash
  EXPECT_EQ(x_weighted_length("\xe2\x80\xb2"), 1);      // U+2032 prime
  EXPECT_EQ(x_weighted_length("\xe2\x80\xb8"), 2);      // U+2038, past 8247
  EXPECT_EQ(x_weighted_length("\xe2\x80\xa6"), 2);      // U+2026 ellipsis: the trim marker costs 2
  EXPECT_EQ(x_weighted_length("\xea\xb0\x80"), 2);      // U+AC00 Hangul syllable
  EXPECT_EQ(x_weighted_length("\xf0\x9f\x98\x80"), 2);  // U+1F600
}

TEST(XLength, EmojiSequencesCountOnce) {
  EXPECT_EQ(x_weighted_length("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"), 2);  // woman technologist (ZWJ)
  EXPECT_EQ(x_weighted_length("\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88"), 2);  // rainbow flag
  // England: black flag + tag sequence
  EXPECT_EQ(x_weighted_length("\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xa5\xf3\xa0\x81\xae"
                              "\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf"),
            2);
  EXPECT_EQ(x_weighted_length("#\xef\xb8\x8f\xe2\x83\xa3"), 2);  // keycap #
  EXPECT_EQ(x_weighted_length("\xc2\xa9"), 1);                   // (c) alone is text
  EXPECT_EQ(x_weighted_length("\xc2\xa9\xef\xb8\x8f"), 2);       // (c) + VS16 is an emoji
  EXPECT_EQ(x_weighted_length("\xf0\x9f\x87\xaf"), 2);           // a lone regional indicator
  EXPECT_EQ(x_weighted_length("a\xe2\x80\x8d" "b"), 3);          // ZWJ between letters is no emoji
}

TEST(XLength, UrlsCountTwentyThree) {
  EXPECT_EQ(x_weighted_length("https://example.com/" + std::string(200, 'x')), 23);
  EXPECT_EQ(x_weighted_length("http://t.co"), 23);
  EXPECT_EQ(x_weighted_length("(https://example.com/a)."), 26);  // the brackets and full stop count
  EXPECT_EQ(x_weighted_length("example.com"), 23);                 // a bare domain counts at least 23
  EXPECT_EQ(x_weighted_length("example.com/" + std::string(40, 'p')), 52);  // and at least its length
  EXPECT_EQ(x_weighted_length("e.g."), 4);
  EXPECT_EQ(x_weighted_length("https://localhost"), 17);  // no dot: not a link X would make
}

TEST(XLength, MalformedBytesCountAsReplacementCharacters) {
  EXPECT_EQ(x_weighted_length("a\xff" "b"), 4);
}

// Every fitted text is within budget, a prefix of the cleaned input (plus the ellipsis),
// and ends on a cluster boundary; checked on random mixes of scripts, emoji and URLs.
TEST(FitXText, RandomTextsAlwaysFitAndArePrefixes) {
  const std::vector<std::string> pieces = {
      "word", "longerword", " ", " ", "\n", "\xe6\x97\xa5", "\xc3\xa9", "e\xcc\x81",
      "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", "https://example.com/path",
      "example.org", ",", ".", "\xe2\x80\x94", "\xea\xb0\x80", "1\xef\xb8\x8f\xe2\x83\xa3"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = std::uniform_int_distribution<int>(0, 250)(rng);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    int budget = std::uniform_int_distribution<int>(1, 300)(rng);
    FittedText f = fit_x_text(text, budget);
    EXPECT_LE(f.weighted_length, budget) << text;
    EXPECT_EQ(f.weighted_length, x_weighted_length(f.text)) << text;
    if (!f.trimmed) continue;
    if (f.text.empty()) {
      EXPECT_LT(budget, 2);  // only when not even the ellipsis fits
      continue;
    }
    std::string body = f.text.substr(0, f.text.size() - 3);
    EXPECT_EQ(f.text.substr(f.text.size() - 3), "\xe2\x80\xa6");
    std::string trimmed_input = text;
    while (!trimmed_input.empty() && (trimmed_input[0] == ' ' || trimmed_input[0] == '\n')) trimmed_input.erase(0, 1);
    EXPECT_EQ(trimmed_input.compare(0, body.size(), body), 0) << "not a prefix: " << f.text;
    // Never ends inside a sequence: what follows the cut does not continue a cluster.
    std::string rest = trimmed_input.substr(body.size());
    if (!rest.empty()) {
      unsigned char c = static_cast<unsigned char>(rest[0]);
      EXPECT_NE(c & 0xC0, 0x80u) << "cut inside a character";
      EXPECT_NE(rest.compare(0, 3, "\xe2\x80\x8d"), 0) << "cut before a ZWJ";
      EXPECT_NE(rest.compare(0, 2, "\xcc\x81"), 0) << "cut before a combining mark";
      EXPECT_NE(rest.compare(0, 4, "\xf0\x9f\x8f\xbd"), 0) << "cut before a skin tone";
    }
  }
}

TEST(FitXText, BudgetTooSmallForAnythingGivesTheEllipsisAlone) {
  FittedText f = fit_x_text("abcdef", 2);
  EXPECT_EQ(f.text, "\xe2\x80\xa6");
  EXPECT_TRUE(f.trimmed);
  EXPECT_EQ(f.weighted_length, 2);
  FittedText none = fit_x_text("abcdef", 1);
  EXPECT_EQ(none.text, "");
  EXPECT_TRUE(none.trimmed);
}

// Found by the random test: a cut prefix can read as a domain when the whole word did not.
TEST(FitXText, PrefixThatBecomesADomainStillFits) {
  FittedText f = fit_x_text("example.orgx1" + std::string(30, 'y'), 20);
  EXPECT_LE(f.weighted_length, 20);
  EXPECT_EQ(f.weighted_length, x_weighted_length(f.text));
}

TEST(FitCodePoints, CountsCharactersNotBytes) {
  FittedText f = fit_code_points(std::string(20, 'a') + " " + std::string(20, 'b'), 30);
  EXPECT_EQ(f.text, std::string(20, 'a') + "\xe2\x80\xa6");
  FittedText g = fit_code_points("\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5", 3);
  EXPECT_FALSE(g.trimmed);
}

TEST(ShareUrl, TumblrCaptionAndOkTitleAreBounded) {
  Permalink p = normalize_permalink("https://www.instagram.com/p/ABC/").value();
  std::string caption;
  for (int i = 0; i < 600; ++i) caption += "word ";
  std::string tumblr = share_url(ShareNetwork::Tumblr, p, caption);
  std::string ok = share_url(ShareNetwork::OkRu, p, caption);
  // 1000 characters at most, encoded: "word%20" is 7 bytes for 5 characters.
  EXPECT_LT(tumblr.size(), 200 + 1000 / 5 * 7 + 9);
  EXPECT_LT(ok.size(), 100 + 200 / 5 * 7 + 9);
  EXPECT_NE(tumblr.find("%E2%80%A6"), std::string::npos);
}

TEST(ShareLinks, XLengthReportedIsXsCountOfTheTweet) {
  nlohmann::json out = call(api::share_links("https://www.instagram.com/p/ABC/", "Hello \xe4\xb8\x96\xe7\x95\x8c", "x"));
  ASSERT_TRUE(out["ok"].get<bool>());
  // "Hello " 6 + two CJK 4, a space, the URL 23.
  EXPECT_EQ(out["x"]["weightedLength"], 6 + 4 + 1 + 23);
}

}  // namespace
}  // namespace crosslink::testing
