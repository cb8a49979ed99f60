import HTMLKit
import LabelTemplates
import RepairCore

/// The print-friendly packing list: a standalone page with no navigation, styled for paper.
struct PackingListPage: Sendable {
    /// Path of its own small stylesheet (the site's CSP allows no inline styles).
    static let stylesheetPath = "/static/packing-list.css"

    var document: ShipmentDocument
    var siteName: String

    /// The whole page.
    var html: HTML {
        let fields = IntakeField.packingList
        let orderRows = document.orders.enumerated().map { index, line -> HTML in
            let texts = fields.map { field -> HTML in "<td>\(line.texts[field.key] ?? "")</td>" }
            return
                "<tr><td>\(index + 1)</td><td class=\"number\">\(line.number)</td><td>\(line.device)</td>\(texts)</tr>"
        }
        let textHeads = fields.map { field -> HTML in "<th>\(field.pageStaffLabel)</th>" }
        let weight: HTML = document.weight.map { " · \(L("packing.weight", ["weight": .text($0)]))" } ?? .empty
        return """
            <!DOCTYPE html>
            <html lang="\(PageWords.current.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(L("packing.title")) \(document.shipmentID) — \(siteName)</title>
            <link rel="stylesheet" href="\(Self.stylesheetPath)">
            </head>
            <body class="packing-list">
            <header><h1>\(L("packing.title"))</h1><p class="reference">\(document.shipmentID)</p></header>
            <p>\(L("packing.date", ["date": .text(document.date)])) · \(L("packing.method", ["method": .text(document.method)]))</p>
            <div class="parties">
            \(party(L("packing.from"), document.sender))
            \(party(L("packing.to"), document.receiver))
            </div>
            <table>
            <thead><tr><th>#</th><th>\(L("column.order"))</th><th>\(L("column.device"))</th>\(textHeads)</tr></thead>
            <tbody>
            \(HTML.joined(orderRows, separator: "\n"))
            </tbody>
            </table>
            <p class="totals">\(L("packing.orders", ["count": .number(document.orders.count)])) · \(L("packing.parcels", ["count": .number(document.parcelCount)]))\(weight)</p>
            <p class="signatures">\(L("packing.packed_by")) ____________________ \(L("packing.received_by")) ____________________</p>
            </body>
            </html>
            """
    }

    private func party(_ title: String, _ party: ShipmentDocument.Party) -> HTML {
        let lines = party.addressLines.map { line -> HTML in "<br>\(line)" }
        var extra: [HTML] = []
        if let contact = party.contact { extra.append("<br>\(L("packing.contact", ["contact": .text(contact)]))") }
        if let phone = party.phone { extra.append("<br>\(L("packing.phone", ["phone": .text(phone)]))") }
        if let email = party.email { extra.append("<br>\(L("packing.email", ["email": .text(email)]))") }
        return "<section><h2>\(title)</h2><p><strong>\(party.name)</strong>\(lines)\(extra)</p></section>"
    }

    /// Paper first: black on white, no colours, the table repeats its head on every printed page.
    static let css = """
        body.packing-list { font: 11pt/1.4 system-ui, sans-serif; color: #000; background: #fff; margin: 1.5rem; max-width: 60rem; }
        .packing-list header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #000; }
        .packing-list h1 { margin: 0; font-size: 1.6rem; }
        .packing-list .reference { font: 700 1.3rem monospace; margin: 0; }
        .packing-list .parties { display: flex; gap: 2rem; flex-wrap: wrap; }
        .packing-list .parties section { flex: 1 1 16rem; }
        .packing-list h2 { font-size: 1rem; margin: 1rem 0 .25rem; text-transform: uppercase; }
        .packing-list table { width: 100%; border-collapse: collapse; margin-top: 1rem; }
        .packing-list th, .packing-list td { border: 1px solid #000; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        .packing-list td.number { white-space: nowrap; font-family: monospace; }
        .packing-list thead { display: table-header-group; }
        .packing-list tr { break-inside: avoid; }
        .packing-list .totals { font-weight: 700; margin-top: 1rem; }
        .packing-list .signatures { margin-top: 3rem; }
        @media print { body.packing-list { margin: 0; } }
        """
}
