import ArgumentParser
import Foundation
import TezgahUI
import Tezgah
import TezgahRuntime

/// `tezgah tracking check NUMBER…`: the carrier and tracking link of each number, or why it is invalid.
struct TrackingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracking",
        abstract: CommandLanguage.say("Work with parcel tracking numbers."),
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: CommandLanguage.say("Print each number's carrier and tracking link, or why it is invalid (exit status 1 if any is)."))

        @Option(help: .phrase("The carrier, when known. Overrides detection."))
        var carrier: Carrier?

        @Option(help: .phrase("The config file, for the shop's own tracking links ([tracking.urls])."))
        var config: String?

        @Flag(help: .phrase("Print one JSON object per number."))
        var json = false

        @Argument(help: .phrase("Tracking numbers (spaces inside a number need quotes)."))
        var numbers: [String]

        func validate() throws {
            if numbers.isEmpty { throw ValidationError(CommandLanguage.say("Give at least one tracking number.")) }
        }

        func run() throws {
            let links = try DataPaths().loadConfig(override: config).trackingLinks
            let explicit = carrier
            var anyInvalid = false
            for text in numbers {
                let result = explicit.map { TrackingNumber.check(text, as: $0) } ?? TrackingNumber.check(text)
                switch result {
                case let .valid(carrier, number, _):
                    if json {
                        try JSONLines.print(["number": number, "valid": true, "carrier": carrier.rawValue, "carrier_name": carrier.title,
                                             "link": links.url(carrier, number)])
                    } else {
                        print(tabSeparated([number, carrier.title, links.url(carrier, number)]))
                    }
                case .invalid(let reason):
                    anyInvalid = true
                    if json {
                        try JSONLines.print(["number": TrackingNumber.normalize(text), "valid": false, "reason": reason])
                    } else {
                        print(tabSeparated([TrackingNumber.normalize(text), "invalid", reason]))
                    }
                }
            }
            if anyInvalid { throw ExitCode(1) }
        }
    }
}
