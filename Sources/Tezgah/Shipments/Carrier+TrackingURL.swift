import Foundation

extension Carrier {
    /// Where a customer (or the owner) follows a parcel; `{n}` stands for the tracking number.
    /// Carriers change these; the shop's config overrides them (`TrackingLinks`).
    public var defaultTrackingURLTemplate: String {
        switch self {
        case .ups: "https://www.ups.com/track?tracknum={n}"
        case .usps: "https://tools.usps.com/go/TrackConfirmAction?tLabels={n}"
        case .fedex: "https://www.fedex.com/fedextrack/?trknbr={n}"
        case .dhl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={n}"
        case .yurtici: "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code={n}"
        case .aras: "https://kargotakip.araskargo.com.tr/mainpage.aspx?code={n}"
        case .mng: "https://kargotakip.mngkargo.com.tr/?takipNo={n}"
        case .ptt: "https://gonderitakip.ptt.gov.tr/Track/Verify?q={n}"
        case .surat: "https://www.suratkargo.com.tr/KargoTakip/?kargotakipno={n}"
        }
    }

    /// The tracking link for a number. Only letters and digits reach the URL, so nothing a number
    /// carries can change where the link goes.
    public func trackingURL(for number: String, template: String? = nil) -> String {
        let safe = String(number.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            .map(Character.init))
        return (template ?? defaultTrackingURLTemplate).replacingOccurrences(of: "{n}", with: safe)
    }
}
