/// Parcel carriers the shop uses.
public enum Carrier: String, CaseIterable, Sendable, Codable {
    case ups, usps, fedex, dhl, yurtici, aras, mng, ptt, surat

    public var title: String {
        switch self {
        case .ups: "UPS"
        case .usps: "USPS"
        case .fedex: "FedEx"
        case .dhl: "DHL Express"
        case .yurtici: "Yurtiçi Kargo"
        case .aras: "Aras Kargo"
        case .mng: "MNG Kargo"
        case .ptt: "PTT Kargo"
        case .surat: "Sürat Kargo"
        }
    }
}

extension Carrier {
    /// The carrier a person or an export names: its code (`yurtici`), its name (`Yurtiçi Kargo`) or the
    /// name's first word (`Yurtiçi`, `DHL`), in any case and with or without Turkish letters.
    public init?(named text: String) {
        let folded = SearchFolding.fold(text)
        guard let carrier = Carrier.allCases.first(where: { carrier in
            folded == SearchFolding.fold(carrier.rawValue) || folded == SearchFolding.fold(carrier.title)
                || folded == SearchFolding.fold(carrier.title.split(separator: " ").first.map(String.init) ?? "")
        }) else { return nil }
        self = carrier
    }
}
