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
