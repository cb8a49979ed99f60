import Foundation
import HTMLKit
import HTTPServer
import RepairCore

// The staff pages: the queue and one order with its actions.
extension StaffController {
    /// `GET /staff/orders`: the queue with its filter form.
    func staffQueuePage(_ request: HTTPRequest, viewer: Viewer, filter: QueueFilter) throws -> HTTPResponse {
        let entries = try filter.entries(in: store)
        let locations = try store.catalogue().locations.map { FormOption(value: String($0.id), label: $0.name) }
        let statuses =
            [FormOption(value: "open", label: L("staff.filter.open")), FormOption(value: "all", label: L("staff.filter.all"))]
            + OrderStatus.allCases.filter { $0 != .draft }.map { FormOption(value: $0.rawValue, label: $0.label) }
        let filterForm: HTML = """
            <form method="get" action="/staff/orders" class="filters">
            \(Form.select(name: "location", label: L("column.location"), options: locations, selected: filter.locationID.map { String($0) } ?? "", placeholder: L("staff.filter.all_locations")))
            \(Form.select(name: "status", label: L("column.status"), options: statuses, selected: filter.statusText, placeholder: nil))
            \(Form.submitButton(L("staff.filter.show")))
            </form>
            """
        let rows = entries.map { entry -> [HTML] in
            [
                "<a href=\"/staff/orders/\(entry.order.number.description)\">\(entry.order.number.description)</a>",
                entry.order.status.badge(entry.order.status.label), HTML.text(entry.device), HTML.text(entry.customerName),
                HTML.text(entry.locationName), HTML.text(entry.agentName ?? "—"),
                HTML.text(LocalFormat.date(entry.order.createdAt)),
            ]
        }
        let table = Table(
            columns: [
                L("column.order"), L("column.status"), L("column.device"), L("column.customer"), L("column.location"),
                L("column.agent"), L("column.created"),
            ], rows: rows,
            caption: L("staff.order_count", ["count": .number(entries.count)]),
            emptyMessage: L("staff.empty"))
        var pager: [HTML] = []
        if filter.page > 1 { pager.append("<a href=\"\(queuePath(filter, page: filter.page - 1))\">\(L("pager.previous"))</a>") }
        if entries.count == filter.pageSize {
            pager.append("<a href=\"\(queuePath(filter, page: filter.page + 1))\">\(L("pager.next"))</a>")
        }
        return page(
            request, viewer: viewer, title: L("nav.order_queue"),
            content: "\(filterForm)\(table.nowrap(0, 1, 6).html)<p class=\"pager\">\(HTML.joined(pager, separator: " "))</p>")
    }

    /// The queue URL for `filter` on another page.
    private func queuePath(_ filter: QueueFilter, page: Int) -> String {
        var query = filter.statusTexts.map { "status=\(percentEncodedQueryValue($0))" } + ["page=\(page)"]
        if let locationID = filter.locationID { query.append("location=\(locationID)") }
        return "/staff/orders?" + query.joined(separator: "&")
    }

    /// `GET /staff/orders/:number`: everything about the order, internal notes included, and the actions.
    func staffOrderPage(
        _ request: HTTPRequest, viewer: Viewer, view: OrderView, agents: [User], flash: Flash? = nil
    ) -> HTTPResponse {
        let order = view.order
        let number = order.number.description
        let contact = order.intake.contact
        var items: [SummaryList.Item] = [
            .init(L("column.status"), order.status.badge(order.status.label)), .init(L("column.customer"), text: view.customerName),
            .init(L("column.device"), text: view.device),
        ]
        items += IntakeField.all.map { SummaryList.Item($0.pageStaffLabel, text: order.intake[$0]) }
        items += [
            .init(L("column.location"), text: view.location?.name ?? ""),
            .init(L("order.method"), text: view.method?.name ?? ""),
            .init(L("order.contact"), text: "\(contact.firstName) \(contact.surname), \(contact.email) \(contact.phone)"),
            .init(L("tracking.agent"), text: view.agentName),
        ]
        items += view.answers.compactMap { line in view.shownAnswer(line).map { SummaryList.Item(line.question, text: $0) } }
        let events = view.history.map { entry -> [HTML] in
            let event = entry.event
            return [
                HTML.text(LocalFormat.dateTime(event.at)), HTML.text(entry.actorName ?? L("staff.system")),
                "\(event.fromStatus.map { from -> HTML in "\(from.badge(from.label)) → " } ?? .empty)\(event.toStatus.badge(event.toStatus.label))",
                HTML.text(event.note),
                event.isPublic
                    ? "<span class=\"note-public\">\(L("staff.note.public"))</span>"
                    : "<span class=\"note-internal\">\(L("staff.note.internal"))</span>",
            ]
        }
        let history = Table(
            columns: [L("column.when"), L("column.who"), L("column.status"), L("column.note"), L("column.visible_to")],
            rows: events, caption: L("order.history"), emptyMessage: L("order.history_empty"))
        var actions: [HTML] = []
        if order.status == .submitted {
            actions.append(
                Form.form(
                    action: "/staff/orders/\(number)/confirm", csrfToken: viewer.csrfToken,
                    content: Form.submitButton(L("staff.confirm"))))
        }
        let next = view.nextStatuses.map { FormOption(value: $0.rawValue, label: $0.label) }
        if !next.isEmpty {
            let visibility = [
                FormOption(value: "internal", label: L("staff.visibility.internal")),
                FormOption(value: "public", label: L("staff.visibility.public")),
            ]
            actions.append(
                Form.form(
                    action: "/staff/orders/\(number)/status", csrfToken: viewer.csrfToken,
                    content: """
                        <h2>\(L("staff.change_status"))</h2>
                        \(Form.select(name: "status", label: L("staff.new_status"), options: next, required: true, placeholder: L("form.choose")))
                        \(Form.textArea(name: "note", label: L("column.note")))
                        \(Form.radioGroup(name: "visibility", label: L("staff.who_sees"), options: visibility, selected: "internal"))
                        \(Form.submitButton(L("staff.change_status_button")))
                        """))
        }
        let agents = agents.map { FormOption(value: String($0.id), label: $0.displayName) }
        actions.append(
            Form.form(
                action: "/staff/orders/\(number)/assign", csrfToken: viewer.csrfToken,
                content: """
                    <h2>\(L("staff.current_agent"))</h2>
                    \(Form.select(name: "agentID", label: L("column.agent"), options: agents, selected: order.assignedAgentID.map { String($0) } ?? "", placeholder: L("staff.nobody"), hint: L("staff.agent_hint")))
                    \(Form.submitButton(L("staff.assign")))
                    """))
        return page(
            request, viewer: viewer, title: L("tracking.order_title", ["number": .text(number)]), flash: flash,
            content: """
                \(SummaryList(items).html)
                \(history.nowrap(0).wide(3).html)
                \(actions)
                <p><a href="/staff/orders">\(L("staff.back"))</a></p>
                """)
    }
}
