import Foundation
import Testing
@testable import TezgahUI

@Suite struct BufferTests {
    @Test func wideCharactersTakeTwoColumns() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.put("山田🌸a", x: 0, y: 0)
        #expect(used == 7)
        #expect(buffer[0, 0].text == "山")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[4, 0].text == "🌸")
        #expect(buffer[6, 0].text == "a")
        #expect(buffer.lines[0] == "山田🌸a   ")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.put("abcd山", x: 0, y: 0)
        #expect(buffer.lines[0] == "abcd ")
        #expect(!buffer.cells.contains { $0.text == "山" })
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.put("Chloe\u{301}", x: 0, y: 0) == 5)
        #expect(buffer[4, 0].text == "e\u{301}")
    }

    @Test func controlSequencesNeverReachACell() {
        var buffer = Buffer(width: 40, height: 1)
        buffer.put("Eve\u{1B}[31m Mallory\u{07}\u{9B}2J\u{202E}x\r\n", x: 0, y: 0)
        #expect(buffer.lines[0].hasPrefix("Eve␛[31m Mallory␇�2J�x  "))
        for cell in buffer.cells {
            for scalar in cell.text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value))
            }
        }
    }

    @Test func clippingRespectsMaxWidthAndEdges() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.put("Şükrü Öztürk", x: 2, y: 0, maxWidth: 4)
        buffer.put("far away", x: 6, y: 1)
        buffer.put("off", x: 0, y: 5)
        #expect(buffer.lines == ["  Şükr  ", "      fa"])
    }

    @Test func truncationAndPaddingCountDisplayWidth() {
        #expect(TextFitting.truncate("İbrahim Yıldırım", to: 10) == "İbrahim Y…")
        #expect(TextFitting.truncate("山田 花子", to: 6) == "山田 …")
        #expect(DisplayWidth.of(TextFitting.pad("山田", to: 7)) == 7)
        #expect(TextFitting.pad("₺12", to: 6, alignRight: true) == "   ₺12")
        #expect(TextFitting.wrap("Merhaba, siparişim nerede acaba?", to: 12) == ["Merhaba,", "siparişim", "nerede", "acaba?"])
    }

    @Test func tableWidthsMatchTerminalConventions() {
        #expect(DisplayWidth.tableWidth("a") == 1)
        #expect(DisplayWidth.tableWidth("ş") == 1)
        #expect(DisplayWidth.tableWidth("\u{301}") == 0)
        #expect(DisplayWidth.tableWidth("가") == 2)
        #expect(DisplayWidth.tableWidth("🚀") == 2)
        #expect(DisplayWidth.tableWidth("\u{200B}") == 0)
        #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)
    }
}

@Suite struct WrapTests {
    @Test func crlfTextSplitsIntoLines() {
        #expect(TextFitting.wrap("Subject: Hi\r\n\r\nBody", to: 40) == ["Subject: Hi", "", "Body"])
    }
}

@Suite struct ShopClockTests {
    /// The arithmetic must agree with Foundation's Calendar for every kind of date and zone.
    @Test(arguments: ["Europe/Istanbul", "America/New_York", "UTC", "Asia/Kathmandu"])
    func wallTimeAgreesWithCalendar(zone: String) {
        let timeZone = TimeZone(identifier: zone)!
        let clock = ShopClock(timeZone: timeZone, now: Fixtures.now)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var seconds: Int64 = -2_208_988_800 // 1900-01-01
        while seconds < 4_102_444_800 {      // 2100-01-01
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let t = clock.wallTime(date)
            let expected: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!]
            #expect([t.year, t.month, t.day, t.hour, t.minute] == expected, "\(date) in \(zone)")
            seconds += 7_919_993 // about three months, with a prime step so every hour and day is visited
        }
    }

    @Test func formats() {
        let clock = Fixtures.clock // Europe/Istanbul, UTC+3
        let date = Date(timeIntervalSince1970: 1_795_400_000) // 2026-11-23 02:13 UTC
        #expect(clock.full(date) == "2026-11-23 05:13")
        #expect(clock.short(date) == "23 Nov 05:13")
        #expect(clock.day(Date(timeIntervalSince1970: 1_767_225_600 - 86_400 * 30)) == "2025-12-02")
        #expect(clock.short(Date(timeIntervalSince1970: 1_775_000_000)) == " 1 Apr 02:33")
    }

    /// The issue's own example: 6 December, 14:06, in both languages; "ago" and "in" follow.
    @Test func turkishMonthsAndTimeAgo() {
        var clock = ShopClock(timeZone: TimeZone(identifier: "Europe/Istanbul")!, now: Date(timeIntervalSince1970: 1_796_555_160),
                              language: .english) // 2026-12-06 14:06 in Istanbul
        let now = clock.now
        #expect(clock.short(now) == " 6 Dec 14:06")
        #expect(clock.relative(now.addingTimeInterval(-3 * 3_600)) == "3h ago")
        #expect(clock.relative(now.addingTimeInterval(2 * 86_400)) == "in 2d")
        clock.language = .turkish
        #expect(clock.short(now) == " 6 Ara 14:06")
        #expect(clock.day(now.addingTimeInterval(-10 * 86_400)) == "26 Kas")
        #expect(clock.relative(now.addingTimeInterval(-3 * 3_600)) == "3 sa önce")
        #expect(clock.relative(now.addingTimeInterval(2 * 86_400)) == "2 g sonra")
        #expect(clock.relative(now.addingTimeInterval(-20)) == "şimdi")
        #expect(clock.full(now) == "2026-12-06 14:06", "the full form is ISO in every language")
        #expect(1_234_567.grouped(in: .turkish) == "1.234.567" && 1_234_567.grouped == "1,234,567")
    }
}
