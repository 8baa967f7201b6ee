import Foundation
import Testing
import Tezgah

/// The Support pane's rules that need no database: business hours, quote folding, and what each
/// conversation action changes (and so what undo puts back).
@Suite struct SupportRulesTests {
    let istanbul = TimeZone(identifier: "Europe/Istanbul")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func date(_ text: String, _ zone: TimeZone) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test func businessHoursReadTheWaysOwnersWriteThem() throws {
        let week = try #require(BusinessHours(parsing: "Mon-Fri 09:00-18:00, Sat 10:00-14:00", timeZone: istanbul))
        #expect(week.windows[2] == [540...1_080] && week.windows[6] == [540...1_080])
        #expect(week.windows[7] == [600...840] && week.windows[1] == nil)
        let turkish = try #require(BusinessHours(parsing: "Pzt-Cum 09:00-18:00", timeZone: istanbul))
        #expect(turkish.windows.keys.sorted() == [2, 3, 4, 5, 6])
        let weekend = try #require(BusinessHours(parsing: "Sat-Sun 10:00-24:00", timeZone: istanbul))
        #expect(weekend.windows.keys.sorted() == [1, 7])
        #expect(BusinessHours(parsing: "always", timeZone: istanbul) == .always(in: istanbul))
        for bad in ["", "Mon-Fri", "Mon-Fri 18:00-09:00", "Mon-Fri 9-18", "Someday 09:00-18:00", "Mon-Fri 09:00-25:00"] {
            #expect(BusinessHours(parsing: bad, timeZone: istanbul) == nil, "\(bad)")
        }
    }

    @Test func theClockCountsOnlyOpenHoursAcrossNightsWeekendsAndDST() throws {
        let week = try #require(BusinessHours(parsing: "Mon-Fri 09:00-18:00", timeZone: istanbul))
        // Friday 4 Dec 2026 17:00 to Monday 7 Dec 10:00: one hour on Friday, one on Monday.
        #expect(week.seconds(from: date("2026-12-04 17:00", istanbul), to: date("2026-12-07 10:00", istanbul)) == 2 * 3_600)
        // Written at night, answered at 09:30: half an hour.
        #expect(week.seconds(from: date("2026-12-01 23:10", istanbul), to: date("2026-12-02 09:30", istanbul)) == 30 * 60)
        // Saturday to Sunday: nothing.
        #expect(week.seconds(from: date("2026-12-05 09:00", istanbul), to: date("2026-12-06 20:00", istanbul)) == 0)
        // Berlin's clocks go forward on Sunday 28 March 2027; Monday still opens at 09:00 local.
        let berlinWeek = try #require(BusinessHours(parsing: "Mon-Fri 09:00-18:00", timeZone: berlin))
        #expect(berlinWeek.seconds(from: date("2027-03-26 17:00", berlin), to: date("2027-03-29 09:30", berlin)) == 90 * 60)
        #expect(BusinessHours.always(in: istanbul).seconds(from: date("2026-12-04 17:00", istanbul), to: date("2026-12-07 10:00", istanbul)) == 65 * 3_600)
        #expect(BusinessHours.duration(45 * 60) == "45 min")
        #expect(BusinessHours.duration(3 * 3_600 + 600) == "3 h 10 min")
        #expect(BusinessHours.duration(52 * 3_600) == "2 d 4 h")
    }

    @Test func quotesAndSignaturesAreFoldedAsClientsWriteThem() {
        let gmail = """
            Thanks, that helps!

            On Mon, 23 Nov 2026 at 14:05, Ayşe'nin Dükkanı <destek@example.com> wrote:
            > Your parcel left today.
            >
            > Ayşe
            """
        #expect(QuotedText.parts(gmail) == [
            .text(["Thanks, that helps!", ""]),
            .quote(["On Mon, 23 Nov 2026 at 14:05, Ayşe'nin Dükkanı <destek@example.com> wrote:", "> Your parcel left today.", ">", "> Ayşe"]),
        ])
        let turkishGmail = "Teşekkürler.\n\n23 Kas 2026 Pzt 14:05 tarihinde Ayşe <destek@example.com> şunu yazdı:\n> Kargonuz yolda.\n"
        #expect(QuotedText.parts(turkishGmail).contains(.quote(["23 Kas 2026 Pzt 14:05 tarihinde Ayşe <destek@example.com> şunu yazdı:", "> Kargonuz yolda."])))
        let outlook = "Paket hâlâ gelmedi.\n\nFrom: Ayşe'nin Dükkanı <destek@example.com>\nSent: Monday, November 23, 2026 14:05\nTo: elif@example.net\nSubject: Shipped\n\nYour parcel left today."
        #expect(QuotedText.parts(outlook).first == .text(["Paket hâlâ gelmedi.", ""]))
        #expect(QuotedText.parts(outlook).count == 2)
        if case .quote(let lines) = QuotedText.parts(outlook).last { #expect(lines.first == "From: Ayşe'nin Dükkanı <destek@example.com>") }
        else { Issue.record("Outlook's quote was not found") }
        let signed = "Where is it?\n-- \nMehmet Yılmaz\n+90 555 000 00 00"
        #expect(QuotedText.parts(signed) == [.text(["Where is it?"]), .signature(["-- ", "Mehmet Yılmaz", "+90 555 000 00 00"])])
        let phone = "Nerede?\n\niPhone'umdan gönderildi"
        #expect(QuotedText.parts(phone).last == .signature(["iPhone'umdan gönderildi"]))
        // A customer's own line that merely mentions "wrote:" is their text, not a quote.
        #expect(QuotedText.parts("I wrote: please send it Monday.") == [.text(["I wrote: please send it Monday."])])
        // Inline replies keep the customer's words between the quotes.
        let inline = "> Which colour?\nBlue, please.\n> Which size?\nM"
        #expect(QuotedText.parts(inline) == [.quote(["> Which colour?"]), .text(["Blue, please."]), .quote(["> Which size?"]), .text(["M"])])
    }

    @Test func eachActionChangesOnlyWhatItShouldAndPendingPausesTheClock() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let waiting = ConversationFacts(status: .open, snoozedUntil: nil, waitingSince: 1_799_990_000, orderID: nil)
        #expect(waiting.applying(.markPending, now: now) == ConversationFacts(status: .pending, snoozedUntil: nil, waitingSince: nil, orderID: nil))
        #expect(waiting.applying(.close, now: now).waitingSince == nil)
        #expect(waiting.applying(.note("x"), now: now) == waiting)
        #expect(waiting.applying(.snooze(until: now), now: now).snoozedUntil == 1_800_000_000)
        #expect(waiting.applying(.snooze(until: now), now: now).waitingSince == waiting.waitingSince)
        #expect(waiting.applying(.linkOrder("#1042"), now: now, linkedOrderID: 7).orderID == 7)
        #expect(waiting.applying(.linkOrder("#1042"), now: now, linkedOrderID: 7).applying(.linkOrder(nil), now: now).orderID == nil)
        // Reopening a pending conversation starts the customer's wait now; an open one keeps its start.
        let pending = waiting.applying(.markPending, now: now)
        #expect(pending.applying(.reopen, now: now).waitingSince == 1_800_000_000)
        #expect(waiting.applying(.reopen, now: now).waitingSince == 1_799_990_000)
    }

    @Test func customerDatesInEnglishAndTurkish() {
        let day = date("2026-12-09 15:00", istanbul)
        #expect(CustomerDate.day(day, language: "tr", timeZone: istanbul) == "9 Aralık Çarşamba")
        #expect(CustomerDate.day(day, language: "en", timeZone: istanbul) == "Wednesday 9 December")
    }
}
