import ArgumentParser
import Foundation
import Tezgah
import TezgahStore

/// `tezgah voucher issue|redeem|show`: gift vouchers with their own ledger.
struct VoucherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voucher",
        abstract: CommandLanguage.say("Issue, redeem (in part) and look up gift vouchers."),
        subcommands: [Issue.self, Redeem.self, Show.self])

    /// "500 TRY" or "49.90 EUR".
    static func money(_ amount: String, _ currency: String) throws -> Money {
        guard let money = Money(typed: amount, currencyCode: currency) else {
            throw CommandLineError(Said("\"{value}\" is not an amount and a currency such as 500 TRY.", ["value": "\(amount) \(currency)"]), exitStatus: 2)
        }
        return money
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "issue", abstract: CommandLanguage.say("Issue a gift voucher and print its code."))
        @Argument(help: .phrase("The value, such as 500.")) var amount: String
        @Argument(help: .phrase("The currency, such as TRY.")) var currency: String
        @Option(help: .phrase("The customer it is for (their e-mail).")) var customer: String?
        @Option(help: .phrase("Days it is valid (default: no end).")) var days: Int?
        @Option(help: .phrase("A note, such as who bought it.")) var note = ""
        @OptionGroup var shop: ShopOptions

        func run() throws {
            let database = try shop.openDatabase()
            defer { try? database.close() }
            let code = try database.issueVoucher(try VoucherCommand.money(amount, currency), validity: days.map { TimeInterval($0) * 86_400 },
                                                 customerEmail: customer, note: note, actor: ProcessInfo.processInfo.userName, now: Date())
            print(code)
        }
    }

    struct Redeem: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "redeem", abstract: CommandLanguage.say("Take an amount off a voucher; prints what is left."))
        @Argument(help: .phrase("The voucher's code.")) var code: String
        @Argument(help: .phrase("The amount, such as 120.50.")) var amount: String
        @Argument(help: .phrase("The currency, such as TRY.")) var currency: String
        @Option(help: .phrase("What it paid for, such as an order number.")) var reference = ""
        @OptionGroup var shop: ShopOptions

        func run() throws {
            let database = try shop.openDatabase()
            defer { try? database.close() }
            let balance = try database.redeemVoucher(code: code, amount: try VoucherCommand.money(amount, currency), reference: reference,
                                                     actor: ProcessInfo.processInfo.userName, now: Date())
            print(CommandLanguage.current.say(Said("{code}: {left} left of {issued}.", ["code": balance.code], amounts: ["left": balance.left, "issued": balance.issued])))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: CommandLanguage.say("Print what is left on a voucher."))
        @Argument(help: .phrase("The voucher's code.")) var code: String
        @OptionGroup var shop: ShopOptions

        func run() throws {
            let database = try shop.openDatabase()
            defer { try? database.close() }
            guard let balance = try database.voucherBalance(code: code) else {
                throw CommandLineError(Said("There is no voucher {code}.", ["code": code]), exitStatus: 1)
            }
            print(CommandLanguage.current.say(Said("{code}: {left} left of {issued}.", ["code": balance.code], amounts: ["left": balance.left, "issued": balance.issued])))
        }
    }
}
