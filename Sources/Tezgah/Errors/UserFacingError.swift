/// An error a user can cause or meet (a bad config, an unreadable export, a database that cannot be
/// opened), told as one sentence that says where and what to do, never as a stack trace. The command
/// line prints `description` and exits with `exitStatus`.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// 2 for a mistake in what the owner wrote (config, theme, template, arguments); 1 for data or
    /// a database that cannot be used.
    var exitStatus: Int32 { get }
    /// The sentence as a phrase the desk says in its language; `description` is its English.
    var said: Said { get }
}

extension UserFacingError {
    /// An error whose sentence is not in the catalogue is said as it is, in English.
    public var said: Said { Said(description) }
}
