import Foundation
import Testing
@testable import Tezgah

@Suite struct MailPolicyTests {
    let istanbul = TimeZone(identifier: "Europe/Istanbul")!

    /// 2026-11-23 at `hour`:`minute` in Istanbul (UTC+3, no daylight saving).
    func istanbulTime(_ hour: Int, _ minute: Int = 0, dayOffset: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = istanbul
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: 23 + dayOffset, hour: hour, minute: minute))!
    }

    @Test func backoffDoublesFromOneMinuteToFourHours() {
        let delays = (1...10).map { MailRetryPolicy.delay(afterAttempts: $0) / 60 }
        #expect(delays == [1, 2, 4, 8, 16, 32, 64, 128, 240, 240])
        #expect(MailRetryPolicy.delay(afterAttempts: 500) == 4 * 3600)
    }

    @Test func quietHoursAcrossMidnightEndAtTheLocalMorning() throws {
        let quiet = try #require(QuietHours(parsing: "21:00-09:00", timeZone: istanbul))
        #expect(quiet.end(ofQuietPeriodAt: istanbulTime(12)) == nil)
        #expect(quiet.end(ofQuietPeriodAt: istanbulTime(20, 59)) == nil)
        #expect(quiet.end(ofQuietPeriodAt: istanbulTime(21)) == istanbulTime(9, dayOffset: 1))
        #expect(quiet.end(ofQuietPeriodAt: istanbulTime(3, 30)) == istanbulTime(9))
        #expect(quiet.end(ofQuietPeriodAt: istanbulTime(9)) == nil)
        // A daytime window works too.
        let lunch = try #require(QuietHours(parsing: "12:00-13:30", timeZone: istanbul))
        #expect(lunch.end(ofQuietPeriodAt: istanbulTime(12, 10)) == istanbulTime(13, 30))
        #expect(lunch.end(ofQuietPeriodAt: istanbulTime(14)) == nil)
        for bad in ["", "21-09", "25:00-09:00", "21:00", "21:00-21:00", "9:0-10:00"] {
            #expect(QuietHours(parsing: bad, timeZone: istanbul) == nil, "\(bad)")
        }
    }

    @Test func frequencyCapWaitsForTheOldestSendInTheWindowToAgeOut() {
        let limits = MarketingLimits(perDay: 1, perThirtyDays: 4)
        let now = istanbulTime(12)
        let hour: TimeInterval = 3600, day: TimeInterval = 86_400
        #expect(limits.earliestSend(at: now, previous: []) == now)
        // One sent five hours ago: the day's one is used; the next may go 24 h after it.
        #expect(limits.earliestSend(at: now, previous: [now - 5 * hour]) == now - 5 * hour + day)
        #expect(limits.earliestSend(at: now, previous: [now - 25 * hour]) == now)
        // Four in the last 30 days (none today): wait until the oldest of them is 30 days old.
        let four = [now - 29 * day, now - 20 * day, now - 10 * day, now - 2 * day]
        #expect(limits.earliestSend(at: now, previous: four) == now - 29 * day + 30 * day)
        // A cap of zero means never.
        #expect(MarketingLimits(perDay: 0).earliestSend(at: now, previous: []) == .distantFuture)
    }

    @Test func capAndQuietHoursCombine() {
        let limits = MarketingLimits(perDay: 1, perThirtyDays: 10, quietHours: QuietHours(parsing: "21:00-09:00", timeZone: istanbul))
        // Sent at 22:00 yesterday; the cap frees at 22:00 today, which is quiet, so 09:00 tomorrow.
        let previous = istanbulTime(22, dayOffset: -1)
        #expect(limits.earliestSend(at: istanbulTime(12), previous: [previous]) == istanbulTime(9, dayOffset: 1))
        #expect(limits.earliestSend(at: istanbulTime(23), previous: []) == istanbulTime(9, dayOffset: 1))
    }

    @Test func replyCodesGroupFailures() {
        #expect(MailReplyCode.of("550 5.1.1 <a@b>: Recipient address rejected") == "550 5.1.1")
        #expect(MailReplyCode.of("451 Try again later") == "451")
        #expect(MailReplyCode.of("connection lost: reset by peer") == "connection lost")
        #expect(MailReplyCode.quotedSMTPReply(in: "msmtp: recipient address a@b not accepted\nmsmtp: server message: 451 4.3.0 Try later\nmsmtp: could not send mail")
                == "451 4.3.0 Try later")
        #expect(MailReplyCode.quotedSMTPReply(in: "sendmail: fatal: open /etc/postfix/main.cf: No such file or directory") == nil)
        // A code and an enhanced status of different classes is not a reply.
        #expect(MailReplyCode.quotedSMTPReply(in: "queue id 450 5.0.0 something") == nil)
    }
}
