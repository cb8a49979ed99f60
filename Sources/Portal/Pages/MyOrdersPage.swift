import HTMLKit
import RepairCore

/// "My orders": the user's customer's orders, newest first, with a filter and Resume/Discard on drafts.
struct MyOrdersPage {
    /// Which orders the list shows; `?filter=` on `/orders`.
    enum Filter: String, CaseIterable, Sendable {
        /// Drafts and every order still being worked on (the default: what people come back for).
        case open
        /// Closed and cancelled orders.
        case closed
        case all

        /// The filter named by the query value; nil or unknown values are the default, `open`.
        init(query: String?) {
            self = query.flatMap(Filter.init(rawValue:)) ?? .open
        }

        func includes(_ status: OrderStatus) -> Bool {
            switch self {
            case .open: status.isOpen
            case .closed: !status.isOpen
            case .all: true
            }
        }

        var title: String {
            switch self {
            case .open: L("my_orders.filter.open")
            case .closed: L("my_orders.filter.closed")
            case .all: L("my_orders.filter.all")
            }
        }
    }

    /// The customer's orders, newest first (filtered here).
    var orders: [ServiceOrder]
    var catalogue: Catalogue
    var filter: Filter

    var content: HTML {
        let shown = orders.filter { filter.includes($0.status) }
        // Only drafts have actions, so the column is left out when none is listed.
        let hasDrafts = shown.contains { $0.status == .draft }
        let rows = shown.map { order -> [HTML] in
            let link = HTML.safeURL(OrderPageFormat.path(order.number))
            let cells: [HTML] = [
                "<a href=\"\(link)\">\(order.number.description)</a>",
                HTML.text(OrderPageFormat.dateTime(order.createdAt)),
                HTML.text(catalogue.deviceName(modelID: order.intake.modelID)),
                HTML.text(OrderPageFormat.shortened(order.intake.fault)),
                order.status.badge(order.status.label),
            ]
            return hasDrafts ? cells + [actions(order)] : cells
        }
        let columns =
            [L("column.number"), L("column.created"), L("column.device"), L("column.fault"), L("column.status")]
            + (hasDrafts ? [L("column.actions")] : [])
        let table = Table(
            columns: columns, rows: rows, emptyMessage: L("my_orders.empty.\(filter.rawValue)"))
        return """
            <p><a class="button" href="/orders/new">\(L("nav.new_order"))</a></p>
            \(filterLinks)
            \(table.nowrap(0, 1).html)
            """
    }

    // One line of links rather than a list: it needs no styles of its own and stays short on a phone.
    private var filterLinks: HTML {
        let links = Filter.allCases.map { item -> HTML in
            item == filter
                ? "<strong aria-current=\"page\">\(item.title)</strong>"
                : "<a href=\"/orders?filter=\(item.rawValue)\">\(item.title)</a>"
        }
        return "<nav aria-label=\"\(L("my_orders.filter"))\"><p>\(L("my_orders.show")) \(HTML.joined(links, separator: " · "))</p></nav>"
    }

    // A draft can be resumed or discarded; other orders are with the shop and change there.
    private func actions(_ order: ServiceOrder) -> HTML {
        guard order.status == .draft else { return .empty }
        let resume = HTML.safeURL(WizardStep.resumePath(for: order, catalogue: catalogue))
        let discard = HTML.safeURL(OrderPageFormat.path(order.number, "/discard"))
        return """
            <a href="\(resume)">\(L("my_orders.resume"))</a> · <a href="\(discard)">\(L("my_orders.discard"))</a>
            """
    }
}
