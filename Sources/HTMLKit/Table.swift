/// A data table. Each cell carries its column title in `data-label`, so the stylesheet can stack
/// rows as cards on a narrow phone screen without losing which value is which.
public struct Table: Sendable {
    /// Column titles, in order.
    public var columns: [String]
    /// Rows of cells; each row should have one cell per column.
    public var rows: [[HTML]]
    /// A caption read by screen readers and shown above the table.
    public var caption: String?
    /// Shown instead of the table when there are no rows.
    public var emptyMessage: String

    /// A table of `rows` under `columns`.
    public init(columns: [String], rows: [[HTML]], caption: String? = nil, emptyMessage: String = "Nothing here yet.") {
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.emptyMessage = emptyMessage
    }

    /// The table, or the empty message when there are no rows.
    public var html: HTML {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(emptyMessage)</p>" }
        let head = columns.map { column -> HTML in "<th scope=\"col\">\(column)</th>" }
        let body = rows.map { row -> HTML in
            let cells = row.enumerated().map { index, cell -> HTML in
                let title = index < columns.count ? columns[index] : ""
                return "<td data-label=\"\(title)\">\(cell)</td>"
            }
            return "<tr>\(cells)</tr>"
        }
        let captionHTML: HTML = caption.map { "<caption>\($0)</caption>" } ?? .empty
        return """
            <table class="data">\(captionHTML)
            <thead><tr>\(head)</tr></thead>
            <tbody>
            \(HTML.joined(body, separator: "\n"))
            </tbody>
            </table>
            """
    }
}
