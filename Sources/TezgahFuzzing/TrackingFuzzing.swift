import Tezgah

/// The tracking-number rules take whatever an owner pastes or an export holds. Normalising twice
/// changes nothing more; a number a carrier's rule accepts is accepted again once normalised, and
/// holds only ASCII letters and digits (the carriers' sites and the links take nothing else).
enum TrackingFuzzing {
    static func run(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let normal = TrackingNumber.normalize(text)
        guard TrackingNumber.normalize(normal) == normal else {
            throw FuzzFinding("normalize is not idempotent for \(text.debugDescription)")
        }
        try requirePlain(TrackingNumber.check(text), text)
        for carrier in Carrier.allCases {
            let verdict = TrackingNumber.check(text, as: carrier)
            try requirePlain(verdict, text)
            guard accepted(TrackingNumber.check(normal, as: carrier)) == accepted(verdict) else {
                throw FuzzFinding("\(carrier) judges \(text.debugDescription) and its normal form \(normal.debugDescription) apart")
            }
        }
    }

    /// The number a verdict accepts, nil when it refuses (refusals quote the text as typed).
    private static func accepted(_ check: TrackingCheck) -> String? {
        if case .valid(let carrier, let number, let format) = check { return "\(carrier) \(number) \(format)" }
        return nil
    }

    private static func requirePlain(_ check: TrackingCheck, _ text: String) throws {
        guard case .valid(_, let number, _) = check else { return }
        guard !number.isEmpty, number.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else {
            throw FuzzFinding("\(number.debugDescription) from \(text.debugDescription) is accepted with characters no carrier uses")
        }
    }
}
