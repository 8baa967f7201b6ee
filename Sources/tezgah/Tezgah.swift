import ArgumentParser
import Foundation

@main
struct TezgahCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tezgah",
        abstract: "A keyboard-driven desk for a small shop's after-sale work.",
        subcommands: [OpenCommand.self, DemoCommand.self, ImportCommand.self, TrackingCommand.self, MailCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// Runs the command; errors a user can cause end as one sentence on stderr, never a stack trace.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch CleanExit.message(let text, let code) {
            printError(text)
            Foundation.exit(code)
        } catch {
            exit(withError: error)
        }
    }
}
