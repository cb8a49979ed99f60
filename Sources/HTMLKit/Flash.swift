/// A one-time message shown at the top of the next page ("Order approved", "Wrong e-mail or password").
public struct Flash: Sendable, Equatable {
    /// How the message is shown.
    public enum Kind: String, Sendable, Equatable {
        case notice
        /// A change was saved: shown with a tick, in green.
        case success
        case error
    }

    /// Notice or error.
    public var kind: Kind
    /// The text shown.
    public var message: String

    /// A message of the given kind.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message as a page banner; errors are announced to screen readers at once.
    public var html: HTML {
        switch kind {
        case .notice: "<p class=\"flash flash-notice\" role=\"status\">\(message)</p>"
        case .success: "<p class=\"flash flash-success\" role=\"status\">\(message)</p>"
        case .error: "<p class=\"flash flash-error\" role=\"alert\">\(message)</p>"
        }
    }
}
