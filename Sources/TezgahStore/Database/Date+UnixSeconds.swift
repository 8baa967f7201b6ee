import Foundation

/// The store keeps instants as whole Unix seconds (UTC).
extension Date {
    init(unixSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}
