import Foundation

/// The hours the shop answers mail (`[support] hours = "Mon-Fri 09:00-18:00, Sat 10:00-14:00"`),
/// in the shop's zone. A customer who writes on Friday evening has not waited all weekend: the
/// first-response clock counts only these hours.
public struct BusinessHours: Equatable, Sendable {
    /// Open minutes of the day, per weekday (1 = Sunday … 7 = Saturday, as `Calendar` numbers them).
    public var windows: [Int: [ClosedRange<Int>]]
    public var timeZone: TimeZone

    /// Every hour of every day: the clock is the wall clock.
    public static func always(in timeZone: TimeZone) -> BusinessHours {
        BusinessHours(windows: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [0...1_440]) }), timeZone: timeZone)
    }

    public init(windows: [Int: [ClosedRange<Int>]], timeZone: TimeZone) {
        self.windows = windows
        self.timeZone = timeZone
    }

    /// English and Turkish day names as owners write them, short or long, any case.
    private static let dayNames: [String: Int] = {
        var names: [String: Int] = [:]
        let english = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let englishLong = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        let turkish = ["paz", "pzt", "sal", "car", "per", "cum", "cmt"]
        let turkishLong = ["pazar", "pazartesi", "sali", "carsamba", "persembe", "cuma", "cumartesi"]
        for list in [english, englishLong, turkish, turkishLong] {
            for (index, name) in list.enumerated() { names[name] = index + 1 }
        }
        return names
    }()

    /// Reads "Mon-Fri 09:00-18:00" (day ranges wrap: "Sat-Sun"), several groups separated by
    /// commas, or "always". Nil when the text is not that shape; the config loader says why.
    public init?(parsing text: String, timeZone: TimeZone) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["always", "24 7", "her zaman"].contains(SearchFolding.fold(trimmed)) {
            self = .always(in: timeZone)
            return
        }
        var windows: [Int: [ClosedRange<Int>]] = [:]
        for group in trimmed.split(separator: ",") {
            let parts = group.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let days = Self.days(String(parts[0])), let minutes = Self.minutes(String(parts[1])) else { return nil }
            for day in days { windows[day, default: []].append(minutes) }
        }
        guard !windows.isEmpty else { return nil }
        self.init(windows: windows, timeZone: timeZone)
    }

    private static func days(_ text: String) -> [Int]? {
        let ends = text.split(separator: "-").map { dayNames[SearchFolding.fold(String($0))] }
        switch ends.count {
        case 1: return ends[0].map { [$0] }
        case 2:
            guard let first = ends[0], let last = ends[1] else { return nil }
            var days = [first], day = first
            while day != last { day = day % 7 + 1; days.append(day) }
            return days
        default: return nil
        }
    }

    private static func minutes(_ text: String) -> ClosedRange<Int>? {
        let ends = text.split(separator: "-").map { time -> Int? in
            let parts = time.split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1_440 else { return nil }
            return hour * 60 + minute
        }
        guard ends.count == 2, let open = ends[0], let close = ends[1], open < close else { return nil }
        return open...close
    }

    /// The open time between two instants, in seconds. Walks the days between them, so a wait of
    /// weeks costs a few dozen date computations; it stops counting after a year.
    public func seconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        if windows.count == 7, windows.values.allSatisfy({ $0.contains { $0.lowerBound == 0 && $0.upperBound >= 1_440 } }) {
            return end.timeIntervalSince(start)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var day = calendar.startOfDay(for: start)
        var total: TimeInterval = 0
        for _ in 0..<370 where day < end {
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            for window in windows[calendar.component(.weekday, from: day)] ?? [] {
                // From the day's start by wall-clock hours, so a DST day keeps its 09:00.
                guard let open = calendar.date(bySettingHour: window.lowerBound / 60, minute: window.lowerBound % 60, second: 0, of: day)
                else { continue }
                let close = window.upperBound >= 1_440 ? next
                    : calendar.date(bySettingHour: window.upperBound / 60, minute: window.upperBound % 60, second: 0, of: day) ?? next
                let from = max(open, start), to = min(close, end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            day = next
        }
        return total
    }

    /// "45 min", "3 h 10 min", "2 d 4 h" (days of 24 counted hours).
    public static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
        return hours % 24 == 0 ? "\(hours / 24) d" : "\(hours / 24) d \(hours % 24) h"
    }
}
