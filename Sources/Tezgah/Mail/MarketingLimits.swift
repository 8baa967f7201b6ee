import Foundation

/// How much marketing mail one address may get, and when not: a cap over a day and over thirty
/// days, across every marketing kind, and quiet hours in the shop's time zone. Transactional mail
/// (order and shipping notices, support replies) is exempt.
public struct MarketingLimits: Equatable, Sendable {
    public var perDay: Int
    public var perThirtyDays: Int
    public var quietHours: QuietHours?

    public init(perDay: Int = 1, perThirtyDays: Int = 4, quietHours: QuietHours? = nil) {
        self.perDay = perDay
        self.perThirtyDays = perThirtyDays
        self.quietHours = quietHours
    }

    /// The earliest moment from `now` at which one more marketing mail may go to an address that
    /// was sent marketing mail at `previous` times. Returns `now` when it may go at once.
    public func earliestSend(at now: Date, previous: [Date]) -> Date {
        let sorted = previous.sorted()
        var moment = now
        let windows: [(TimeInterval, Int)] = [(86_400, perDay), (30 * 86_400, perThirtyDays)]
        var moved = true
        while moved {
            moved = false
            for (length, limit) in windows {
                if limit <= 0 { return .distantFuture }
                let inWindow = sorted.filter { $0 > moment.addingTimeInterval(-length) && $0 <= moment }
                if inWindow.count >= limit {
                    // Wait until enough of the window's sends have aged out to leave room for one more.
                    moment = inWindow[inWindow.count - limit].addingTimeInterval(length)
                    moved = true
                }
            }
        }
        if let quietHours, let end = quietHours.end(ofQuietPeriodAt: moment) { moment = end }
        return moment
    }
}

/// A daily quiet period in a time zone, such as 21:00–09:00 in Europe/Istanbul.
public struct QuietHours: Equatable, Sendable {
    /// Minutes after local midnight.
    public var start: Int
    public var end: Int
    public var timeZone: TimeZone

    public init(start: Int, end: Int, timeZone: TimeZone) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }

    /// Parses `"HH:MM-HH:MM"`; nil when the text is not two times of day.
    public init?(parsing text: String, timeZone: TimeZone) {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        func minutes(_ part: String) -> Int? {
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, pieces[0].count <= 2, pieces[1].count == 2,
                  let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0..<24).contains(hour), (0..<60).contains(minute)
            else { return nil }
            return hour * 60 + minute
        }
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start != end else { return nil }
        self.init(start: start, end: end, timeZone: timeZone)
    }

    /// When `date` falls in a quiet period, the moment that period ends; nil otherwise.
    public func end(ofQuietPeriodAt date: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let quiet = start < end ? (minute >= start && minute < end) : (minute >= start || minute < end)
        guard quiet else { return nil }
        return calendar.nextDate(after: date, matching: DateComponents(hour: end / 60, minute: end % 60, second: 0),
                                 matchingPolicy: .nextTime)
    }
}
