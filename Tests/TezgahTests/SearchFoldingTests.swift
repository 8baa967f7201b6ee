import Testing
@testable import Tezgah

@Suite struct SearchFoldingTests {
    @Test(arguments: [
        ("Işık", "isik"), ("IŞIK", "isik"), ("ışık", "isik"), ("isik", "isik"),
        ("Şükrü", "sukru"), ("İstanbul", "istanbul"), ("ISTANBUL", "istanbul"),
        ("Çağla Öztürk", "cagla ozturk"), ("Iğdır", "igdir"), ("Gülşen", "gulsen"),
    ])
    func turkishLettersMeetTheirAsciiForms(input: String, folded: String) {
        #expect(SearchFolding.fold(input) == folded)
    }

    @Test func decomposedLettersFoldLikeComposedOnes() {
        // "Şükrü" typed with combining marks (S + U+0327, u + U+0308).
        #expect(SearchFolding.fold("S\u{327}u\u{308}kru\u{308}") == "sukru")
        #expect(SearchFolding.fold("Chloe\u{301}") == SearchFolding.fold("Chloé"))
    }

    @Test func punctuationSeparatesWords() {
        #expect(SearchFolding.fold("ayse.yilmaz@example.com.tr") == "ayse yilmaz example com tr")
        #expect(SearchFolding.terms("  #1042, Ayşe!  ") == ["1042", "ayse"])
    }

    @Test func nonLatinScriptsAreKeptAndSymbolsDropped() {
        #expect(SearchFolding.fold("山田 花子") == "山田 花子")
        #expect(SearchFolding.fold("Zoë 🌸 Hart") == "zoe hart")
        #expect(SearchFolding.fold("Eve\u{1B}[31m") == "eve 31m")
    }

    @Test func emptyAndSymbolOnlyQueriesHaveNoTerms() {
        #expect(SearchFolding.terms("") == [])
        #expect(SearchFolding.terms("\"*()") == [])
    }
}
