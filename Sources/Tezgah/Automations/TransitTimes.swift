import Foundation

/// A new parcel's first ETA from its carrier and when it left (see `TransitTimes`).
public typealias ShipmentEstimate = @Sendable (Carrier, Date) -> Date

/// How many working days each carrier takes, from the day a parcel leaves to the day it arrives:
/// the first ETA every new shipment gets. Sundays and the shop's holidays are not working days
/// (Turkish carriers deliver on Saturdays). The ETA is the end of the arrival day in the shop's
/// zone, so a parcel is late only once that day is over.
public struct TransitTimes: Equatable, Sendable {
    public var days: [Carrier: Int]
    /// Days without deliveries ("2026-10-29"), in the shop's zone.
    public var holidays: Set<String>

    /// Domestic Turkish carriers in two days (PTT in three); express carriers abroad in three to five.
    public static let defaults: [Carrier: Int] = [
        .yurtici: 2, .aras: 2, .mng: 2, .surat: 2, .ptt: 3, .ups: 3, .dhl: 3, .fedex: 4, .usps: 5,
    ]

    public init(days: [Carrier: Int] = TransitTimes.defaults, holidays: Set<String> = []) {
        self.days = days
        self.holidays = holidays
    }

    public func eta(carrier: Carrier, shippedAt: Date, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var day = calendar.startOfDay(for: shippedAt)
        var left = days[carrier] ?? 3
        // Bounded: a year of holidays cannot keep this walking.
        for _ in 0..<400 where left > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            if calendar.component(.weekday, from: day) == 1 || holidays.contains(Self.key(day, calendar)) { continue }
            left -= 1
        }
        return calendar.date(byAdding: .day, value: 1, to: day)!.addingTimeInterval(-1)
    }

    /// This table as the estimate order actions use, in `timeZone`.
    public func estimate(in timeZone: TimeZone) -> ShipmentEstimate {
        { [self] carrier, shipped in eta(carrier: carrier, shippedAt: shipped, timeZone: timeZone) }
    }

    static func key(_ day: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
