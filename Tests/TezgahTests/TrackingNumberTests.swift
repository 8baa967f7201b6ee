import Foundation
import Testing
@testable import Tezgah

@Suite struct TrackingNumberTests {
    // Valid numbers computed by hand from each carrier's published check-digit rule (and UPS's own
    // documentation example, 1Z999AA10123456784).
    @Test(arguments: [
        ("1Z999AA10123456784", Carrier.ups), ("1Z4A2B170301234563", .ups), ("1z 999 aa1 0123 4567 84", .ups),
        ("03123456789012345672", .usps), ("9405509999999999999990", .usps), ("420 12345 9405509999999999999990", .usps),
        ("EC001122337US", .usps),
        ("123456789012", .fedex), ("123456789012343", .fedex),
        ("1234567891", .dhl), ("55555555554", .dhl),
        ("RR123456785TR", .ptt), ("EE987654326TR", .ptt),
    ])
    func detectsTheCarrier(number: String, carrier: Carrier) {
        guard case .valid(let detected, let normalized, _) = TrackingNumber.check(number) else {
            Issue.record("\(number) was refused: \(TrackingNumber.check(number))")
            return
        }
        #expect(detected == carrier)
        #expect(normalized == TrackingNumber.normalize(number))
    }

    @Test(arguments: [
        "1Z999AA10123456785", "03123456789012345673", "9405509999999999999991", "123456789013",
        "1234567892", "RR123456786TR", "EC001122338US",
    ])
    func refusesAWrongCheckDigitWithASentence(number: String) {
        guard case .invalid(let reason) = TrackingNumber.check(number) else {
            Issue.record("\(number) was accepted")
            return
        }
        #expect(reason.contains("check digit"))
        #expect(reason.hasSuffix("."))
    }

    @Test func turkishCarriersWithoutCheckDigitsNeedTheCarrierNamed() {
        guard case .invalid(let reason) = TrackingNumber.check("352718496021") else {
            Issue.record("a bare 12-digit number was taken for FedEx or another carrier")
            return
        }
        #expect(reason.contains("name the carrier"))
        #expect(TrackingNumber.check("352718496021", as: .yurtici) == .valid(.yurtici, number: "352718496021", format: "numeric"))
        #expect(TrackingNumber.check("3513773163316", as: .aras) == .valid(.aras, number: "3513773163316", format: "13-digit"))
        if case .valid = TrackingNumber.check("12345", as: .aras) { Issue.record("5 digits accepted for Aras") }
    }

    @Test func anExplicitCarrierOverridesDetection() {
        // 123456789012 passes FedEx's check, but the owner says it is an MNG parcel.
        #expect(TrackingNumber.check("123456789012", as: .mng) == .valid(.mng, number: "123456789012", format: "numeric"))
        if case .valid = TrackingNumber.check("1Z999AA10123456784", as: .dhl) { Issue.record("UPS number accepted as DHL") }
    }

    @Test func garbageIsRefused() {
        for text in ["", "   ", "1Z999AA1012345678<script>", "ŞŞŞ", "hello"] {
            if case .valid = TrackingNumber.check(text) { Issue.record("“\(text)” accepted") }
        }
    }

    /// Found by the fuzzer: Swift counts other scripts' digits (N'Ko ߁, Arabic-Indic ٣) as numbers,
    /// so a named carrier's shape check took them.
    @Test func digitsOfOtherScriptsAreRefusedForANamedCarrier() {
        for carrier in Carrier.allCases {
            for text in ["4222߁22222222221", "١٢٣٤٥٦٧٨٩٠١٢٣", "1Z999AA1012345678٤"] {
                #expect(TrackingNumber.check(text, as: carrier) == .invalid("“\(text)” has characters no tracking number uses (letters and digits only)."))
            }
        }
    }

    @Test func trackingLinksCarryOnlyTheNumber() {
        #expect(Carrier.ups.trackingURL(for: "1Z999AA10123456784") == "https://www.ups.com/track?tracknum=1Z999AA10123456784")
        #expect(Carrier.ptt.trackingURL(for: "RR123456785TR") == "https://gonderitakip.ptt.gov.tr/Track/Verify?q=RR123456785TR")
        #expect(Carrier.aras.trackingURL(for: "35&x=1#y") == "https://kargotakip.araskargo.com.tr/mainpage.aspx?code=35x1y")
        #expect(Carrier.mng.trackingURL(for: "12", template: "https://example.com/t/{n}") == "https://example.com/t/12")
    }

    /// Published valid and invalid numbers from ../shared/data/tracking (written outside this project).
    @Test func publishedNumbersFromTheSharedData() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/tracking/couriers")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print("skipping: \(folder.path) is absent (shared test data written outside this project)")
            return
        }
        // The formats this project implements, by the shared data's names.
        let formats: [String: Carrier] = [
            "UPS": .ups, "USPS 20": .usps, "USPS IMpb C": .usps, "FedEx Express (12)": .fedex, "FedEx Ground": .fedex,
            "DHL Express": .dhl,
        ]
        var checked = 0
        for file in ["ups", "usps", "fedex", "dhl"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(file + ".json"))
            let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            for format in json["tracking_numbers"] as! [[String: Any]] {
                guard let name = format["name"] as? String, let carrier = formats[name] else { continue }
                let numbers = format["test_numbers"] as! [String: [String]]
                for number in numbers["valid"] ?? [] where TrackingNumber.normalize(number).count <= 22 {
                    #expect(TrackingNumber.check(number, as: carrier) == .valid(carrier, number: TrackingNumber.normalize(number),
                                                                               format: formatName(TrackingNumber.check(number, as: carrier))),
                            "\(name) \(number)")
                    checked += 1
                }
                for number in numbers["invalid"] ?? [] {
                    if case .valid = TrackingNumber.check(number, as: carrier) { Issue.record("\(name): invalid \(number) accepted") }
                    checked += 1
                }
            }
        }
        let s10 = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("s10.json"))) as! [String: Any]
        for format in s10["tracking_numbers"] as! [[String: Any]] {
            let numbers = format["test_numbers"] as! [String: [String]]
            for number in numbers["valid"] ?? [] where number.hasSuffix("US") || number.hasSuffix("TR") {
                if case .invalid(let reason) = TrackingNumber.check(number) { Issue.record("S10 \(number): \(reason)") }
                checked += 1
            }
            for number in numbers["invalid"] ?? [] {
                if case .valid = TrackingNumber.check(number) { Issue.record("S10 invalid \(number) accepted") }
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    private func formatName(_ check: TrackingCheck) -> String {
        if case .valid(_, _, let format) = check { return format }
        return ""
    }
}
