/// An error a user can cause or meet (a bad config, an unreadable export, a database that cannot be
/// opened), told as one sentence that says where and what to do, never as a stack trace. The command
/// line prints `description` and exits with `exitStatus`.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// 2 for a mistake in what the owner wrote (config, theme, template, arguments); 1 for data or
    /// a database that cannot be used.
    var exitStatus: Int32 { get }
}
