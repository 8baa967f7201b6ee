import CNcursesw

/// The C library's character width, which ncursesw uses to place characters.
public enum TerminalWidth {
    /// -1 for characters the locale calls non-printable.
    public static func libc(_ scalar: Unicode.Scalar) -> Int {
        Int(tz_wcwidth(scalar.value))
    }
}
