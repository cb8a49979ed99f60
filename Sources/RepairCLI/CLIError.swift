/// A CLI failure: bad usage (exit 2) or a command that could not do its work (exit 1).
public enum CLIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad arguments; the message is one line and names the argument.
    case usage(String)
    /// The command ran but failed; the message is one line.
    case failure(String)

    /// The process exit code: 2 for usage errors, 1 for failures.
    public var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .failure: 1
        }
    }

    public var description: String {
        switch self {
        case .usage(let message), .failure(let message): message
        }
    }
}
