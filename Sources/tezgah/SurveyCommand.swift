import ArgumentParser
import Foundation
import Tezgah
import TezgahRuntime
import TezgahStore

/// `tezgah survey record`: a satisfaction answer heard by phone or read elsewhere.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: CommandLanguage.say("Record satisfaction survey answers."),
        subcommands: [Record.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: CommandLanguage.say("Record an order's survey answer: its score (CSAT 1–5, NPS 0–10) and an optional comment."),
            discussion: CommandLanguage.say("Replies to the survey mail whose first line is the score are recorded by the inbox sync by themselves."))

        @Argument(help: .phrase("The order number (1042 or #1042)."))
        var order: String

        @Argument(help: .phrase("The score: 1 to 5 for CSAT, 0 to 10 for NPS."))
        var score: Int

        @Argument(help: .phrase("What the customer said, if anything."))
        var comment: [String] = []

        @OptionGroup var shop: ShopOptions

        func run() throws {
            let config = try shop.loadConfig()
            let database = try shop.openDatabase()
            defer { try? database.close() }
            let kind = try database.recordSurveyAnswer(orderNumber: order, score: score, comment: comment.joined(separator: " "),
                                                       kind: config.automations.survey.kind, actor: ProcessInfo.processInfo.userName,
                                                       now: Date())
            print(CommandLanguage.say("Recorded {kind} {score} for order {order}.", ["kind": kind.rawValue.uppercased(), "score": String(score), "order": order]))
        }
    }
}
