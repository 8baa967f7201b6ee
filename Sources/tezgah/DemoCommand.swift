import ArgumentParser
import Foundation
import TezgahStore
import TezgahRuntime

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: CommandLanguage.say("Build a demo shop database of any size (deterministic for a given seed)."))

    @Option(name: .long, help: .phrase("How many orders the demo shop has."))
    var orders: Int = DemoShop().orders

    @Option(name: .long, help: .phrase("The database file to create."))
    var db: String

    @Option(name: .long, help: .phrase("Seed for the generator; the same seed builds the same shop."))
    var seed: UInt64 = 42

    @Flag(name: .long, help: .phrase("Replace the file if it exists."))
    var force = false

    func validate() throws {
        guard orders > 0 else { throw ValidationError(CommandLanguage.say("--orders must be at least 1.")) }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: db) && !force {
            throw ValidationError(CommandLanguage.say("{path} already exists; pass --force to replace it.", ["path": db]))
        }
        let started = Date()
        let progress = ProgressLine(total: orders, label: "orders")
        try DemoShop.mailed(orders: orders, seed: seed).build(at: db) { progress.update($0) }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        printError(CommandLanguage.say("Built a demo shop with {count} orders in {seconds} s: {path}",
                                       ["count": String(orders), "seconds": CommandLanguage.current.decimal(seconds), "path": db]))
    }
}
