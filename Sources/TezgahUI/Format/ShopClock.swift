import Foundation
import Tezgah

/// Shows UTC instants in the shop's time zone, relative to "now" (kept in state so views are
/// deterministic in tests).
public struct ShopClock: Equatable, Sendable {
    public var timeZone: TimeZone
    public var now: Date
    /// The language month names and "ago" are in ("6 Dec 14:06", "6 Ara 14:06").
    public var language: Language

    public init(timeZone: TimeZone, now: Date, language: Language = .english) {
        self.timeZone = timeZone
        self.now = now
        self.language = language
    }

    /// The wall-clock date and time of an instant in the shop's zone. Computed from the zone's UTC
    /// offset at that instant (DST included) and civil-date arithmetic: no Calendar in the hot path
    /// (building one per date was a tenth of a frame's cost).
    struct WallTime: Equatable {
        var year, month, day, hour, minute: Int
    }

    func wallTime(_ date: Date) -> WallTime {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return WallTime(year: Int(year), month: Int(month), day: Int(day),
                        hour: Int(secondOfDay / 3_600), minute: Int(secondOfDay % 3_600 / 60))
    }

    /// "23 Nov 14:05" this year, "2025-03-04" before.
    public func short(_ date: Date) -> String {
        let t = wallTime(date)
        if t.year == wallTime(now).year {
            return "\(pad(t.day, 2, " ")) \(language.months[t.month - 1]) \(pad(t.hour)):\(pad(t.minute))"
        }
        return "\(t.year)-\(pad(t.month))-\(pad(t.day))"
    }

    /// "23 Nov" this year, "2025-03-04" before.
    public func day(_ date: Date) -> String {
        let t = wallTime(date)
        if t.year == wallTime(now).year {
            return "\(pad(t.day, 2, " ")) \(language.months[t.month - 1])"
        }
        return "\(t.year)-\(pad(t.month))-\(pad(t.day))"
    }

    /// "2026-11-23 14:05" in the shop's zone, for detail views.
    public func full(_ date: Date) -> String {
        let t = wallTime(date)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day)) \(pad(t.hour)):\(pad(t.minute))"
    }

    private func pad(_ value: Int, _ width: Int = 2, _ fill: Character = "0") -> String {
        let text = String(value)
        return String(repeating: fill, count: max(0, width - text.count)) + text
    }

    /// "3h ago", "in 2d", "5w ago" — how long ago (or until); "3 sa önce", "2 g sonra" in Turkish.
    public func relative(_ date: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let magnitude = abs(seconds)
        let turkish = language == .turkish
        let amount: Int, unit: String
        switch magnitude {
        case ..<60: return language.say("now")
        case ..<3_600: (amount, unit) = (Int(magnitude / 60), turkish ? " dk" : "m")
        case ..<86_400: (amount, unit) = (Int(magnitude / 3_600), turkish ? " sa" : "h")
        case ..<(14 * 86_400): (amount, unit) = (Int(magnitude / 86_400), turkish ? " g" : "d")
        default: (amount, unit) = (Int(magnitude / (7 * 86_400)), turkish ? " hf" : "w")
        }
        let time = "\(amount)\(unit)"
        return seconds >= 0 ? language.say("{time} ago", ["time": time]) : language.say("in {time}", ["time": time])
    }
}

extension Int {
    /// 1234567 → "1,234,567".
    public var grouped: String { grouped(in: .english) }

    /// 1234567 → "1,234,567", or "1.234.567" in Turkish.
    public func grouped(in language: Language) -> String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(language.groupSeparator) }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}
