import HTMLKit
import HTTPServer
import RepairApp
import RepairCore

/// Staff order handling (agents and admins): the queue, one order, confirm, status, assign; pages and JSON.
struct StaffController: FeatureController, PageRendering {
    /// Confirm, move and assign orders.
    let staffOrders: StaffOrders
    /// Read for the queue and for the names around an order (customer, agents, catalogue, history).
    let store: any RepairStorage
    let layout: PageLayout

    /// Every staff route needs `runStaffQueue`: 401 when anonymous, 403 for customer and reseller users.
    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.runStaffQueue)) { router in
            registerPages(&router)
            registerAPI(&router)
        }
    }

    private func registerPages(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/staff/orders") { context, viewer in
            let request = context.request
            var filter = try Self.queueFilter(request)
            filter.pageSize = viewer.preferences.pageSize
            return try staffQueuePage(request, viewer: viewer, filter: filter)
        }
        router.add(.get, "/staff/orders/:number") { context, viewer in
            let request = context.request
            // The order and the agents to choose from, in one read snapshot.
            return try store.sharingReads { snapshot in
                staffOrderPage(
                    request, viewer: viewer, view: try staffOrderView(request, viewer: viewer, in: snapshot),
                    agents: try store.serviceAgents(in: snapshot), flash: Self.staffFlash(request.query("done")))
            }
        }
        router.add(.post, "/staff/orders/:number/confirm", options: form) { context, viewer in
            let request = context.request
            _ = try postedForm(request, viewer: viewer)
            let order = try staffOrders.confirm(number: request.pathParameters["number"] ?? "", by: viewer.user)
            return .redirect(to: "/staff/orders/\(order.number)?done=confirmed")
        }
        router.add(.post, "/staff/orders/:number/status", options: form) { context, viewer in
            let request = context.request
            let fields = try postedForm(request, viewer: viewer)
            let order = try staffOrders.changeStatus(
                number: request.pathParameters["number"] ?? "", to: fields["status"] ?? "", note: fields["note"] ?? "",
                isPublic: try Self.isPublicNote(fields["visibility"]), by: viewer.user)
            return .redirect(to: "/staff/orders/\(order.number)?done=status")
        }
        router.add(.post, "/staff/orders/:number/assign", options: form) { context, viewer in
            let request = context.request
            let fields = try postedForm(request, viewer: viewer)
            let text = fields["agentID"] ?? ""
            guard text.isEmpty || Int64(text) != nil else { throw Problem.invalid("agentID", .notAssignable) }
            let order = try staffOrders.assign(
                number: request.pathParameters["number"] ?? "", agentID: Int64(text), by: viewer.user)
            return .redirect(to: "/staff/orders/\(order.number)?done=assigned")
        }
    }

    private func registerAPI(_ router: inout RouteGroup) {
        let json = router.bodyOptions
        router.add(.get, "/api/v1/staff/orders") { context, _ in
            let request = context.request
            let filter = try Self.queueFilter(request)
            return try jsonResponse(
                try filter.entries(in: store).map(QueueLineBody.init))
        }
        router.add(.get, "/api/v1/staff/orders/:number") { context, viewer in
            return try jsonResponse(StaffOrderBody(try staffOrderView(context.request, viewer: viewer)))
        }
        router.add(.post, "/api/v1/staff/orders/:number/confirm", options: json) { context, viewer in
            let request = context.request
            let order = try staffOrders.confirm(number: request.pathParameters["number"] ?? "", by: viewer.user)
            return try jsonResponse(try staffOrderBody(order, viewer: viewer))
        }
        router.add(.post, "/api/v1/staff/orders/:number/status", options: json) { context, viewer in
            let request = context.request
            let body = try decodeJSON(StatusChangeBody.self, from: request)
            let order = try staffOrders.changeStatus(
                number: request.pathParameters["number"] ?? "", to: body.status, note: body.note ?? "",
                isPublic: body.isPublic ?? false, by: viewer.user)
            return try jsonResponse(try staffOrderBody(order, viewer: viewer))
        }
        router.add(.post, "/api/v1/staff/orders/:number/assign", options: json) { context, viewer in
            let request = context.request
            let body = try decodeJSON(AssignBody.self, from: request)
            let order = try staffOrders.assign(
                number: request.pathParameters["number"] ?? "", agentID: body.agentID, by: viewer.user)
            return try jsonResponse(try staffOrderBody(order, viewer: viewer))
        }
    }

    /// The note's visibility field: `public` or `internal` (the default when missing).
    private static func isPublicNote(_ text: String?) throws(Problem) -> Bool {
        switch text ?? "internal" {
        case "public": return true
        case "internal", "": return false
        default: throw .invalid("visibility", .oneOf, ["choices": .list(["public", "internal"])])
        }
    }

    private static func staffFlash(_ done: String?) -> Flash? {
        switch done {
        case "confirmed": Flash(.notice, L("staff.flash.confirmed"))
        case "status": Flash(.notice, L("staff.flash.status"))
        case "assigned": Flash(.notice, L("staff.flash.assigned"))
        default: nil
        }
    }
}
