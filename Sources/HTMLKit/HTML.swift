/// A fragment of HTML that is safe to send: text interpolated into it is escaped unless marked `raw`.
///
/// `let page: HTML = "<p>Hello \(name)</p>"` escapes `name`; nested `HTML` values are inserted as they are.
/// Attribute values must always be written in double quotes, since interpolation escapes for that context.
public struct HTML: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The markup, ready to send.
    public private(set) var rendered: String

    /// Markup that is trusted as it is: only for constants written in our own code.
    public init(raw markup: String) {
        rendered = markup
    }

    /// The empty fragment.
    public static let empty = HTML(raw: "")

    /// Text shown as text: every markup character escaped.
    public static func text(_ text: String) -> HTML {
        HTML(raw: escapeAttribute(text))
    }

    /// Fragments one after another.
    public static func joined<Fragments: Sequence<HTML>>(_ fragments: Fragments, separator: HTML = .empty) -> HTML {
        HTML(raw: fragments.map(\.rendered).joined(separator: separator.rendered))
    }

    /// Appends `other` after this fragment.
    public mutating func append(_ other: HTML) {
        rendered += other.rendered
    }

    /// True when nothing would be rendered.
    public var isEmpty: Bool { rendered.isEmpty }

    public var description: String { rendered }
}

extension HTML: ExpressibleByStringInterpolation {
    /// Builds `HTML` from a literal: literal parts are markup, interpolated parts are escaped.
    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text, escaped for both element content and double-quoted attribute values.
        public mutating func appendInterpolation(_ text: String) {
            markup += HTML.escapeAttribute(text)
        }

        /// Text, or nothing for nil.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { markup += HTML.escapeAttribute(text) }
        }

        /// A number, as text.
        public mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) {
            markup += String(number)
        }

        /// A fragment that is already safe.
        public mutating func appendInterpolation(_ html: HTML) {
            markup += html.rendered
        }

        /// Fragments one after another.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { markup += fragment.rendered }
        }

        /// Trusted markup inserted without escaping: only for constants written in our own code.
        public mutating func appendInterpolation(raw markup: String) {
            self.markup += markup
        }
    }

    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.markup
    }
}
