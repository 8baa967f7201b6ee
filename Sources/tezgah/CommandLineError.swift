import Tezgah

/// A sentence a command ends with, and its exit status, for what is neither the store's, the
/// config's nor a template's to say (no terminal, a state name that is none).
struct CommandLineError: UserFacingError {
    var said: Said
    var exitStatus: Int32
    var description: String { said.english }

    init(_ said: Said, exitStatus: Int32) {
        self.said = said
        self.exitStatus = exitStatus
    }

    /// A sentence already said in the command line's language (an import's, with its file).
    init(sentence: String, exitStatus: Int32) {
        self.init(Said(sentence), exitStatus: exitStatus)
    }
}
