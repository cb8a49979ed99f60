import Foundation
import HTTPServer
import RepairCore
import RepairStore

// Staff order handling shared by the pages and the API: look-ups, filters and the three actions.
extension Portal {
    /// Longest note staff may attach to a status change (default 4 000 characters).
    static let maxStaffNoteLength = 4_000

    /// The queue filter from the query: `location=<id>` and `status=<status>|open|all` (repeatable).
    struct QueueFilter: Sendable, Equatable {
        var locationID: Int64?
        var statuses: [OrderStatus] = []
        /// The status query as given, to keep the select on the page.
        var statusText = "open"
        /// Every `status` value given, to carry over to other pages.
        var statusTexts: [String] = []
        /// 1-based page of `staffQueuePageSize` lines.
        var page = 1

        /// The queue lines of this filter's page.
        func entries(in store: SQLiteStore) throws -> [SQLiteStore.QueueEntry] {
            try store.staffQueue(
                locationID: locationID, statuses: statuses, limit: Portal.staffQueuePageSize,
                offset: (page - 1) * Portal.staffQueuePageSize)
        }
    }

    /// Queue lines per page (default 50).
    static let staffQueuePageSize = 50
    /// Highest page number accepted (default 10 000), so the offset stays small.
    static let maxStaffQueuePage = 10_000

    static func queueFilter(_ request: HTTPRequest) throws -> QueueFilter {
        var filter = QueueFilter()
        if let text = request.query("location"), !text.isEmpty {
            guard let id = Int64(text), id > 0 else {
                throw WebError(
                    status: .unprocessableContent, code: "invalid_field", message: "location must be a location ID",
                    field: "location")
            }
            filter.locationID = id
        }
        let texts = request.queryItems.filter { $0.name == "status" }.map(\.value).filter { !$0.isEmpty }
        for text in texts {
            switch text {
            case "open": continue
            case "all": filter.statuses = OrderStatus.allCases.filter { $0 != .draft }
            default:
                guard let status = OrderStatus(rawValue: text), status != .draft else {
                    throw WebError(
                        status: .unprocessableContent, code: "invalid_field",
                        message: "status must be open, all or one of: "
                            + OrderStatus.allCases.filter { $0 != .draft }.map(\.rawValue).joined(separator: ", "),
                        field: "status")
                }
                if !filter.statuses.contains(status) { filter.statuses.append(status) }
            }
        }
        filter.statusText = texts.first ?? "open"
        filter.statusTexts = texts
        if let text = request.query("page"), !text.isEmpty {
            guard let page = Int(text), (1...Self.maxStaffQueuePage).contains(page) else {
                throw WebError(
                    status: .unprocessableContent, code: "invalid_field",
                    message: "page must be a number from 1 to \(Self.maxStaffQueuePage)", field: "page")
            }
            filter.page = page
        }
        return filter
    }

    /// The order named in the path for staff; drafts and unknown numbers are 404.
    func staffOrder(_ request: HTTPRequest) throws -> ServiceOrder {
        guard let text = request.pathParameters["number"], let number = OrderNumber(text),
            let order = try store.order(number: number), order.status != .draft
        else { throw WebError.notFound("No such order.") }
        return order
    }

    /// Everything about `order` for staff.
    func staffOrderBody(_ order: ServiceOrder) throws -> StaffOrderBody {
        let catalogue = try store.catalogue()
        let names = Dictionary(
            try store.users().map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let customer = try store.customer(id: order.customerID)
        let answers = catalogue.applicableTasks(for: order).compactMap { task -> StaffOrderBody.AnswerLine? in
            guard let answer = order.answers[task.id] else { return nil }
            return .init(taskID: task.id, question: task.text, answer: answer.storedText)
        }
        let events = try store.events(orderID: order.id).map {
            StaffOrderBody.Event(
                at: $0.at, actorName: $0.actorUserID.flatMap { names[$0] }, fromStatus: $0.fromStatus?.rawValue,
                toStatus: $0.toStatus.rawValue, note: $0.note, isPublic: $0.isPublic)
        }
        return StaffOrderBody(
            number: order.number.description, status: order.status.rawValue, statusLabel: order.status.label,
            nextStatuses: Self.nextStatuses(order.status).map(\.rawValue), customerID: order.customerID,
            customerName: customer?.name ?? "", device: catalogue.model(id: order.intake.modelID)?.displayName ?? "",
            serial: order.intake.serial, fault: order.intake.fault, locationID: order.intake.locationID,
            locationName: catalogue.location(id: order.intake.locationID)?.name ?? "",
            methodName: catalogue.method(id: order.intake.methodID)?.name ?? "", contact: order.intake.contact,
            assignedAgentID: order.assignedAgentID, agentName: order.assignedAgentID.flatMap { names[$0] },
            createdAt: order.createdAt, updatedAt: order.updatedAt, answers: answers, events: events)
    }

    /// The statuses staff may choose next, in the table's order.
    static func nextStatuses(_ status: OrderStatus) -> [OrderStatus] {
        OrderStatus.allCases.filter { status.canMove(to: $0) }
    }

    /// Confirms a submitted order; anything else is a 409 naming the status.
    func confirmOrder(_ order: ServiceOrder, by user: User) throws -> ServiceOrder {
        guard order.status == .submitted else {
            throw WebError(
                status: .conflict, code: "illegal_transition",
                message:
                    "Only a submitted order can be confirmed; order \(order.number) is \(order.status.label.lowercased())."
            )
        }
        return try store.moveOrder(
            orderID: order.id, to: .confirmed, by: user, note: "confirmed by the service", isPublic: true, at: now())
    }

    /// Moves `order` to `statusText` with a note; unknown statuses are 422, illegal moves 409.
    func changeStatus(_ order: ServiceOrder, to statusText: String, note: String, isPublic: Bool, by user: User) throws
        -> ServiceOrder
    {
        guard let status = OrderStatus(rawValue: statusText) else {
            throw RepairError.invalid(
                "status", "choose one of: " + Self.nextStatuses(order.status).map(\.rawValue).joined(separator: ", "))
        }
        guard note.count <= Self.maxStaffNoteLength else {
            throw RepairError.invalid("note", "must be at most \(Self.maxStaffNoteLength) characters")
        }
        guard order.status.canMove(to: status) else {
            let allowed = Self.nextStatuses(order.status).map(\.rawValue)
            throw WebError(
                status: .conflict, code: "illegal_transition",
                message: "Order \(order.number) cannot go from \(order.status.rawValue) to \(status.rawValue)"
                    + (allowed.isEmpty ? "; it is final." : "; it may go to: \(allowed.joined(separator: ", "))."),
                field: "status")
        }
        return try store.moveOrder(orderID: order.id, to: status, by: user, note: note, isPublic: isPublic, at: now())
    }

    /// Makes `agentID` the current service agent of `order`, or clears it with nil.
    func assignAgent(_ order: ServiceOrder, agentID: Int64?, by user: User) throws -> ServiceOrder {
        if let agentID {
            guard let agent = try store.user(id: agentID), agent.role.isStaff, agent.isActive else {
                throw RepairError.invalid("agentID", "must be an active agent or admin")
            }
        }
        return try store.assignAgent(orderID: order.id, agentID: agentID, by: user, at: now())
    }
}
