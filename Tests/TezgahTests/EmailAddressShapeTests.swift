import Testing
@testable import Tezgah

@Suite struct EmailAddressShapeTests {
    @Test func plainAddressesPassAndBrokenOnesDoNot() {
        for good in ["ayse@example.com.tr", "o'brien+shop@mail.example.co.uk", "a.b-c_d@x-y.io", "1@2.3"] {
            #expect(EmailAddressShape.isPlausible(good), "\(good)")
        }
        for bad in ["", "@example.com", "ayse@", "ayse@example", "a@@example.com", "a@b@example.com", ".a@example.com",
                    "a.@example.com", "a..b@example.com", "a b@example.com", "a@-x.com", "a@x-.com", "a@x..com",
                    "a\t@example.com", "=?utf-8?q?x?=@example.com extra", "a@exa mple.com", "\"q\"@example.com"] {
            #expect(!EmailAddressShape.isPlausible(bad), "\(bad)")
        }
    }

    @Test func nonASCIIAddressesFollowTheScalarRule() {
        #expect(EmailAddressShape.isPlausible("şükrü@örnek.com.tr"))
        #expect(EmailAddressShape.isPlausible("ayse@örnek.com"))
        #expect(!EmailAddressShape.isPlausible("ay\u{00A0}se@example.com"))
        #expect(!EmailAddressShape.isPlausible("ay\u{0085}se@example.com"))
        #expect(!EmailAddressShape.isPlausible("ş@ö@example.com"))
    }

    /// The byte-level check is only a faster way to the same answer: every short text over an
    /// alphabet of the characters that matter gets the scalar rule's verdict.
    @Test func asciiCheckAgreesWithTheScalarRule() {
        let alphabet = Array("a9.-@_+ \"\t~")
        var checked = 0
        func visit(_ prefix: String, _ depth: Int) {
            var text = prefix
            let fast = text.withUTF8(EmailAddressShape.asciiPlausibility)
            #expect(fast == EmailAddressShape.scalarPlausibility(prefix), "\(prefix.debugDescription)")
            checked += 1
            guard depth > 0 else { return }
            for character in alphabet { visit(prefix + String(character), depth - 1) }
        }
        visit("", 5)
        for text in ["a@b.c", "x.y@z-w.q9", "a@ç.com", "ç@b@c.com", "a@b@ç.com"] {
            var copy = text
            let fast = copy.withUTF8(EmailAddressShape.asciiPlausibility)
            #expect(fast == nil || fast == EmailAddressShape.scalarPlausibility(text), "\(text)")
        }
        #expect(checked > 100_000)
    }
}
