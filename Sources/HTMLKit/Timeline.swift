/// A history as a vertical timeline, newest first or oldest first as given: each entry a time, a title
/// line (a badge, who did it) and an optional detail (a note).
public struct Timeline: Sendable, Equatable {
    /// One event on the line.
    public struct Entry: Sendable, Equatable {
        /// When it happened, already formatted for the reader.
        public var time: String
        /// The event's headline, safe HTML (a status badge, a name).
        public var title: HTML
        /// More about it (a note), safe HTML; empty for none.
        public var detail: HTML
        /// True for a status change, drawn with a filled dot; false for a note.
        public var isMilestone: Bool

        /// An entry at `time` reading `title`, with `detail` beneath.
        public init(time: String, title: HTML, detail: HTML = .empty, isMilestone: Bool = true) {
            self.time = time
            self.title = title
            self.detail = detail
            self.isMilestone = isMilestone
        }
    }

    /// The entries in the order shown.
    public var entries: [Entry]
    /// Shown instead of the line when there are no entries.
    public var emptyMessage: String

    /// A timeline of `entries`.
    public init(_ entries: [Entry], emptyMessage: String) {
        self.entries = entries
        self.emptyMessage = emptyMessage
    }

    /// The line as `<ol class="timeline">`, or the empty message.
    public var html: HTML {
        guard !entries.isEmpty else { return "<p class=\"empty\">\(emptyMessage)</p>" }
        let items = entries.map { entry -> HTML in
            let detail: HTML = entry.detail.isEmpty ? .empty : "<p class=\"detail\">\(entry.detail)</p>"
            let mark: HTML = entry.isMilestone ? " class=\"milestone\"" : .empty
            return """
                <li\(mark)><span class="when">\(entry.time)</span>\
                <div class="what">\(entry.title)</div>\(detail)</li>
                """
        }
        return "<ol class=\"timeline\">\(HTML.joined(items, separator: "\n"))</ol>"
    }
}
