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
            [FormOption(value: "open", label: "All open"), FormOption(value: "all", label: "All, closed included")]
            + OrderStatus.allCases.filter { $0 != .draft }.map { FormOption(value: $0.rawValue, label: $0.label) }
        let filterForm: HTML = """
            <form method="get" action="/staff/orders" class="filters">
            \(Form.select(name: "location", label: "Location", options: locations, selected: filter.locationID.map { String($0) } ?? "", placeholder: "All locations"))
            \(Form.select(name: "status", label: "Status", options: statuses, selected: filter.statusText, placeholder: nil))
            \(Form.submitButton("Show"))
            </form>
            """
        let rows = entries.map { entry -> [HTML] in
            [
                "<a href=\"/staff/orders/\(entry.order.number.description)\">\(entry.order.number.description)</a>",
                entry.order.status.badge(entry.order.status.label), HTML.text(entry.device), HTML.text(entry.customerName),
                HTML.text(entry.locationName), HTML.text(entry.agentName ?? "—"),
                HTML.text(entry.order.createdAt.formatted(.iso8601.year().month().day())),
            ]
        }
        let table = Table(
            columns: ["Order", "Status", "Device", "Customer", "Location", "Agent", "Created"], rows: rows,
            caption: "\(entries.count) order\(entries.count == 1 ? "" : "s")",
            emptyMessage: "No orders match the filter.")
        var pager: [HTML] = []
        if filter.page > 1 { pager.append("<a href=\"\(queuePath(filter, page: filter.page - 1))\">Previous page</a>") }
        if entries.count == Self.staffQueuePageSize {
            pager.append("<a href=\"\(queuePath(filter, page: filter.page + 1))\">Next page</a>")
        }
        return page(
            request, viewer: viewer, title: "Order queue",
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
            .init("Status", order.status.badge(order.status.label)), .init("Customer", text: view.customerName),
            .init("Device", text: view.device),
        ]
        items += IntakeField.all.map { SummaryList.Item($0.staffLabel, text: order.intake[$0]) }
        items += [
            .init("Location", text: view.location?.name ?? ""), .init("Shipping method", text: view.method?.name ?? ""),
            .init("Contact", text: "\(contact.firstName) \(contact.surname), \(contact.email) \(contact.phone)"),
            .init("Service agent", text: view.agentName),
        ]
        items += view.answers.compactMap { line in line.answer.map { SummaryList.Item(line.question, text: $0) } }
        let events = view.history.map { entry -> [HTML] in
            let event = entry.event
            return [
                HTML.text(OrderPageFormat.dateTime(event.at)), HTML.text(entry.actorName ?? "system"),
                "\(event.fromStatus.map { from -> HTML in "\(from.badge(from.label)) → " } ?? .empty)\(event.toStatus.badge(event.toStatus.label))",
                HTML.text(event.note),
                event.isPublic
                    ? "<span class=\"note-public\">public</span>" : "<span class=\"note-internal\">internal</span>",
            ]
        }
        let history = Table(columns: ["When", "Who", "Status", "Note", "Visible to"], rows: events, caption: "History")
        var actions: [HTML] = []
        if order.status == .submitted {
            actions.append(
                Form.form(
                    action: "/staff/orders/\(number)/confirm", csrfToken: viewer.csrfToken,
                    content: Form.submitButton("Confirm the order")))
        }
        let next = view.nextStatuses.map { FormOption(value: $0.rawValue, label: $0.label) }
        if !next.isEmpty {
            let visibility = [
                FormOption(value: "internal", label: "Internal (staff only)"),
                FormOption(value: "public", label: "Public (the customer sees it)"),
            ]
            actions.append(
                Form.form(
                    action: "/staff/orders/\(number)/status", csrfToken: viewer.csrfToken,
                    content: """
                        <h2>Change the status</h2>
                        \(Form.select(name: "status", label: "New status", options: next, required: true))
                        \(Form.textArea(name: "note", label: "Note"))
                        \(Form.radioGroup(name: "visibility", label: "Who sees the note", options: visibility, selected: "internal"))
                        \(Form.submitButton("Change status"))
                        """))
        }
        let agents = agents.map { FormOption(value: String($0.id), label: $0.displayName) }
        actions.append(
            Form.form(
                action: "/staff/orders/\(number)/assign", csrfToken: viewer.csrfToken,
                content: """
                    <h2>Current service agent</h2>
                    \(Form.select(name: "agentID", label: "Agent", options: agents, selected: order.assignedAgentID.map { String($0) } ?? "", placeholder: "Nobody", hint: "Shown by name to anyone tracking the order."))
                    \(Form.submitButton("Assign"))
                    """))
        return page(
            request, viewer: viewer, title: "Order \(number)", flash: flash,
            content: """
                \(SummaryList(items).html)
                \(history.nowrap(0).wide(3).html)
                \(actions)
                <p><a href="/staff/orders">Back to the queue</a></p>
                """)
    }
}
