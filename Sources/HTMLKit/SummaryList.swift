/// A read-only list of label/value pairs (the wizard's summary, an order's details, the tracking answer).
public struct SummaryList: Sendable, Equatable {
    /// One row: a label and its value.
    public struct Item: Sendable, Equatable {
        /// What the value is.
        public var label: String
        /// The value, already safe HTML (use `HTML.text` for plain text).
        public var value: HTML

        /// A row showing `value` under `label`.
        public init(_ label: String, _ value: HTML) {
            self.label = label
            self.value = value
        }

        /// A row showing plain text, escaped; nil or empty text shows a dash.
        public init(_ label: String, text: String?) {
            self.label = label
            value = HTML.text(text.flatMap { $0.isEmpty ? nil : $0 } ?? "—")
        }
    }

    /// The rows, in order.
    public var items: [Item]

    /// A list of `items`.
    public init(_ items: [Item]) {
        self.items = items
    }

    /// The list as a `<dl class="summary">`.
    public var html: HTML {
        let rows = items.map { item -> HTML in "<dt>\(item.label)</dt><dd>\(item.value)</dd>" }
        return "<dl class=\"summary\">\(HTML.joined(rows, separator: "\n"))</dl>"
    }
}
