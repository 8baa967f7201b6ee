import ArgumentParser
import Tezgah
import Foundation
import TezgahStore

extension CouponExportFormat: ExpressibleByArgument {}

/// `tezgah export coupons`: the coupons loyalty issued, for the shop platform to accept.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: CommandLanguage.say("Write what tezgah made for the shop platform to import."),
        subcommands: [Coupons.self])

    struct Coupons: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coupons",
            abstract: CommandLanguage.say("Write the unredeemed coupons as CSV: Shopify's discount-code import (one Code column), or a plain sheet."),
            discussion: CommandLanguage.say("In Shopify, create the discount once (its value and expiry), then import this file under Discount codes → Import. The plain sheet has every coupon's kind, value, expiry and customer."))

        @Option(help: .phrase("shopify or plain."))
        var format: CouponExportFormat = .shopify

        @Flag(help: .phrase("Include coupons already redeemed."))
        var all = false

        @Option(help: .phrase("Write to this file instead of standard output."))
        var out: String?

        @OptionGroup var shop: ShopOptions

        func run() throws {
            let database = try shop.openDatabase()
            defer { try? database.close() }
            let text = try database.exportCoupons(format: format, includeRedeemed: all)
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw CommandLineError(Said("Cannot write {path}.", ["path": out]), exitStatus: 1)
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
