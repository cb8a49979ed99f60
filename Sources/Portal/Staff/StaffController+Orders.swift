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
        /// 1-based page of `pageSize` lines.
        var page = 1
        /// Lines a page: the API's fixed `staffQueuePageSize`, the page's the viewer's own setting.
        var pageSize = StaffController.staffQueuePageSize

        /// The queue lines of this filter's page.
        func entries(in store: any StaffQueueRepository) throws -> [StaffQueueEntry] {
            try store.staffQueue(
                locationID: locationID, statuses: statuses, limit: pageSize, offset: (page - 1) * pageSize)
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

    /// The view of the order named in the path for staff, read in one snapshot (drafts and unknown numbers 404).
    func staffOrderView(_ request: HTTPRequest, viewer: Viewer, in snapshot: (any ReadSnapshot)? = nil) throws
        -> OrderView
    {
        try staffOrders.view(number: request.pathParameters["number"] ?? "", for: viewer.user, in: snapshot)
    }

    /// Everything about `order` for staff, read again in one snapshot (after a change, so the history has it).
    func staffOrderBody(_ order: ServiceOrder, viewer: Viewer) throws -> StaffOrderBody {
        StaffOrderBody(try staffOrders.view(number: order.number.description, for: viewer.user))
    }
}
