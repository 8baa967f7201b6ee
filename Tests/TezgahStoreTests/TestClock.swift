import Foundation
@_exported import TezgahTestSupport

/// A fixed clock, so demo shops built in tests are the same on every run.
let testNow = Date(timeIntervalSince1970: 1_795_400_000) // 2026-11-23 02:13 UTC
