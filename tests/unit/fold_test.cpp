// Text folding: what makes "Não é você?" match "nao e voce?" (core/fold.h).
#include <gtest/gtest.h>

#include "fold.h"

namespace crosslink {
namespace {

TEST(Fold, LowersAsciiAndSquashesWhitespace) { EXPECT_EQ(fold("  Add \t ACCOUNTS\n"), "add accounts"); }

TEST(Fold, RemovesPortugueseAndSpanishDiacritics) {
  EXPECT_EQ(fold("Não é você?"), "nao e voce?");
  EXPECT_EQ(fold("Sí, terminar la configuración"), "si, terminar la configuracion");
  EXPECT_EQ(fold("Configuração"), "configuracao");
}

TEST(Fold, FoldsUpperCaseLatin1) { EXPECT_EQ(fold("ÀÉÎÕÜÇÑ"), "aeioucn"); }

TEST(Fold, GermanSharpSAndUmlauts) {
  EXPECT_EQ(fold("Schließen"), "schliessen");
  EXPECT_EQ(fold("Kontenübersicht"), "kontenubersicht");
  EXPECT_EQ(fold("ÄÖÜ"), "aou");
}

TEST(Fold, LigaturesBecomeTwoLetters) {
  EXPECT_EQ(fold("Œuvre"), "oeuvre");
  EXPECT_EQ(fold("Æsir"), "aesir");
  EXPECT_EQ(fold("Þór"), "thor");
}

TEST(Fold, LatinExtendedA) {
  EXPECT_EQ(fold("Łódź"), "lodz");
  EXPECT_EQ(fold("Šťastný"), "stastny");
  EXPECT_EQ(fold("Ğüneş"), "gunes");
  EXPECT_EQ(fold("İı"), "ii");
}

TEST(Fold, DecomposedMarksAreDropped) {
  EXPECT_EQ(fold("Na\xCC\x83o e\xCC\x81"), "nao e");  // n a + combining tilde, e + combining acute
}

TEST(Fold, TypographicPunctuationBecomesAscii) {
  EXPECT_EQ(fold("Don’t receive requests"), "don't receive requests");
  EXPECT_EQ(fold("J‘aime"), "j'aime");
  EXPECT_EQ(fold("„Gefällt mir“"), "\"gefallt mir\"");
  EXPECT_EQ(fold("Write a caption…"), "write a caption...");
  EXPECT_EQ(fold("Wi‑Fi – now"), "wi-fi - now");
}

TEST(Fold, NoBreakAndThinSpacesAreSpaces) {
  EXPECT_EQ(fold("Êtes-vous sûr(e)\xE2\x80\xAF?"), "etes-vous sur(e) ?");  // narrow no-break space
  EXPECT_EQ(fold("Espace\xC2\xA0\xC2\xA0" "Comptes"), "espace comptes");
}

TEST(Fold, InvisibleCharactersAreDropped) {
  EXPECT_EQ(fold("Con\xE2\x80\x8Btinue"), "continue");   // zero-width space
  EXPECT_EQ(fold("\xEF\xBB\xBFSettings"), "settings");  // byte order mark
  EXPECT_EQ(fold("Ein\xC2\xADstel\xC2\xADlungen"), "einstellungen");  // soft hyphens
}

TEST(Fold, OtherScriptsPassThrough) {
  EXPECT_EQ(fold("만들기"), "만들기");
  EXPECT_EQ(fold("Ελληνικά 😀"), "Ελληνικά 😀");
}

TEST(Fold, BytesThatAreNotUtf8PassThroughWithoutCrashing) {
  std::string bad = "a\xFF" "b\xC3";
  EXPECT_EQ(fold(bad), bad);
}

TEST(Fold, EmptyAndBlank) {
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold(" \n\t\xC2\xA0 "), "");
}

TEST(Fold, FoldIntoAppendsWithoutSpillingSpaces) {
  std::string out = "x|";
  fold_into("  Hello  World ", out);
  EXPECT_EQ(out, "x|hello world");
}

TEST(Fold, EveryLatin1LetterFoldsToAscii) {
  // U+00C0..U+00FF except × and ÷: every letter has an ASCII base.
  for (unsigned cp = 0xC0; cp <= 0xFF; ++cp) {
    if (cp == 0xD7 || cp == 0xF7) continue;
    std::string s = {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
    std::string f = fold(s);
    ASSERT_FALSE(f.empty()) << cp;
    for (char c : f) EXPECT_TRUE(c >= 'a' && c <= 'z') << "U+" << std::hex << cp << " → " << f;
  }
}

}  // namespace
}  // namespace crosslink
