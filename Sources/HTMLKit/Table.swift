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
    /// A class per column index (`nowrap`, `number`, `wide`), set with `nowrap(_:)`, `numeric(_:)`, `wide(_:)`.
    public var columnClasses: [Int: String] = [:]

    /// A table of `rows` under `columns`.
    public init(columns: [String], rows: [[HTML]], caption: String? = nil, emptyMessage: String = "Nothing here yet.") {
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.emptyMessage = emptyMessage
    }

    /// The same table with the cells of `columns` kept on one line (order numbers, dates, codes).
    public func nowrap(_ columns: Int...) -> Table {
        marking(columns, as: "nowrap")
    }

    /// The same table with `columns` as numbers: one line, tabular digits, right-aligned on a desktop.
    public func numeric(_ columns: Int...) -> Table {
        marking(columns, as: "number")
    }

    /// The same table with `columns` spanning the whole card on a phone (long text such as a note).
    public func wide(_ columns: Int...) -> Table {
        marking(columns, as: "wide")
    }

    /// The table, or the empty message when there are no rows.
    public var html: HTML {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(emptyMessage)</p>" }
        let head = columns.enumerated().map { index, column -> HTML in
            "<th scope=\"col\"\(classAttribute(index, isBlank: false))>\(column)</th>"
        }
        let body = rows.map { row -> HTML in
            let cells = row.enumerated().map { index, cell -> HTML in
                let title = index < columns.count ? columns[index] : ""
                // An empty cell is hidden on a phone's card, so no card shows a label with nothing under it.
                return "<td data-label=\"\(title)\"\(classAttribute(index, isBlank: cell.isEmpty))>\(cell)</td>"
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

    private func marking(_ indices: [Int], as name: String) -> Table {
        var table = self
        for index in indices {
            table.columnClasses[index] = [table.columnClasses[index], name].compactMap { $0 }.joined(separator: " ")
        }
        return table
    }

    private func classAttribute(_ index: Int, isBlank: Bool) -> HTML {
        let names = [columnClasses[index], isBlank ? "blank" : nil].compactMap { $0 }
        return names.isEmpty ? .empty : " class=\"\(names.joined(separator: " "))\""
    }
}
