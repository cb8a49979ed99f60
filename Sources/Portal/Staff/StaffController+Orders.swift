import Foundation
import HTTPServer
import RepairCore

// Staff order handling shared by the pages and the API: look-ups, filters and the three actions.
extension StaffController {
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
        func entries(in store: any StaffQueueRepository) throws -> [StaffQueueEntry] {
            try store.staffQueue(
                locationID: locationID, statuses: statuses, limit: StaffController.staffQueuePageSize,
                offset: (page - 1) * StaffController.staffQueuePageSize)
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
                throw Problem.invalid("location", .unknownLocation)
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
                    throw Problem.invalid(
                        "status", .oneOf,
                        [
                            "choices": .list(
                                ["open", "all"] + OrderStatus.allCases.filter { $0 != .draft }.map(\.rawValue))
                        ])
                }
                if !filter.statuses.contains(status) { filter.statuses.append(status) }
            }
        }
        filter.statusText = texts.first ?? "open"
        filter.statusTexts = texts
        if let text = request.query("page"), !text.isEmpty {
            guard let page = Int(text), (1...Self.maxStaffQueuePage).contains(page) else {
                throw Problem.invalid("page", .outOfRange, ["minimum": 1, "maximum": .number(Self.maxStaffQueuePage)])
            }
            filter.page = page
        }
        return filter
    }

    /// The order named in the path for staff; drafts and unknown numbers are 404.
    func staffOrder(_ request: HTTPRequest) throws -> ServiceOrder {
        try staffOrders.order(number: request.pathParameters["number"] ?? "")
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
            nextStatuses: order.status.nextStatuses.map(\.rawValue), customerID: order.customerID,
            customerName: customer?.name ?? "", device: catalogue.deviceName(modelID: order.intake.modelID),
            serial: order.intake.serial, fault: order.intake.fault, locationID: order.intake.locationID,
            locationName: catalogue.location(id: order.intake.locationID)?.name ?? "",
            methodName: catalogue.method(id: order.intake.methodID)?.name ?? "", contact: order.intake.contact,
            assignedAgentID: order.assignedAgentID, agentName: order.assignedAgentID.flatMap { names[$0] },
            createdAt: order.createdAt, updatedAt: order.updatedAt, answers: answers, events: events)
    }
}
