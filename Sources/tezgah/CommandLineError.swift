import Tezgah

/// A sentence a command ends with, and its exit status, for what is neither the store's, the
/// config's nor a template's to say (no terminal, a state name that is none).
struct CommandLineError: UserFacingError {
    var description: String
    var exitStatus: Int32

    init(_ description: String, exitStatus: Int32) {
        self.description = description
        self.exitStatus = exitStatus
    }
}
