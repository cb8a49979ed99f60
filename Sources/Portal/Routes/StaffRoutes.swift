import HTMLKit
import HTTPServer
import RepairCore

extension Portal {
    /// Staff order handling (agents and admins): the queue, one order, confirm, status, assign; pages and JSON.
    func registerStaffRoutes(_ router: inout Router) {
        let staff: Set<User.Role> = [.agent, .admin]
        let form = RouteOptions(maxBodyBytes: configuration.maxFormBytes)
        router.add(.get, "/staff/orders") { [self] request in
            let viewer = try requireViewer(request, roles: staff)
            return try staffQueuePage(request, viewer: viewer, filter: try Self.queueFilter(request))
        }
        router.add(.get, "/staff/orders/:number") { [self] request in
            let viewer = try requireViewer(request, roles: staff)
            // The order and the agents to choose from, in one read snapshot.
            return try store.sharingReads { snapshot in
                staffOrderPage(
                    request, viewer: viewer, view: try staffOrderView(request, viewer: viewer, in: snapshot),
                    agents: try store.serviceAgents(in: snapshot), flash: Self.staffFlash(request.query("done")))
            }
        }
        router.add(.post, "/staff/orders/:number/confirm", options: form) { [self] request in
            let viewer = try requireViewer(request, roles: staff)
            _ = try postedForm(request, viewer: viewer)
            let order = try app.staffOrders.confirm(number: request.pathParameters["number"] ?? "", by: viewer.user)
            return .redirect(to: "/staff/orders/\(order.number)?done=confirmed")
        }
        router.add(.post, "/staff/orders/:number/status", options: form) { [self] request in
            let viewer = try requireViewer(request, roles: staff)
            let fields = try postedForm(request, viewer: viewer)
            let order = try app.staffOrders.changeStatus(
                number: request.pathParameters["number"] ?? "", to: fields["status"] ?? "", note: fields["note"] ?? "",
                isPublic: try Self.isPublicNote(fields["visibility"]), by: viewer.user)
            return .redirect(to: "/staff/orders/\(order.number)?done=status")
        }
        router.add(.post, "/staff/orders/:number/assign", options: form) { [self] request in
            let viewer = try requireViewer(request, roles: staff)
            let fields = try postedForm(request, viewer: viewer)
            let text = fields["agentID"] ?? ""
            guard text.isEmpty || Int64(text) != nil else { throw Problem.invalid("agentID", .notAssignable) }
            let order = try app.staffOrders.assign(
                number: request.pathParameters["number"] ?? "", agentID: Int64(text), by: viewer.user)
            return .redirect(to: "/staff/orders/\(order.number)?done=assigned")
        }
        registerStaffAPIRoutes(&router, roles: staff)
    }

    private func registerStaffAPIRoutes(_ router: inout Router, roles: Set<User.Role>) {
        let json = RouteOptions(maxBodyBytes: configuration.maxFormBytes)
        router.add(.get, "/api/v1/staff/orders") { [self] request in
            _ = try requireViewer(request, roles: roles)
            let filter = try Self.queueFilter(request)
            return try jsonResponse(
                try filter.entries(in: store).map(QueueLineBody.init))
        }
        router.add(.get, "/api/v1/staff/orders/:number") { [self] request in
            let viewer = try requireViewer(request, roles: roles)
            return try jsonResponse(StaffOrderBody(try staffOrderView(request, viewer: viewer)))
        }
        router.add(.post, "/api/v1/staff/orders/:number/confirm", options: json) { [self] request in
            let viewer = try requireViewer(request, roles: roles)
            let order = try app.staffOrders.confirm(number: request.pathParameters["number"] ?? "", by: viewer.user)
            return try jsonResponse(try staffOrderBody(order, viewer: viewer))
        }
        router.add(.post, "/api/v1/staff/orders/:number/status", options: json) { [self] request in
            let viewer = try requireViewer(request, roles: roles)
            let body = try decodeJSON(StatusChangeBody.self, from: request)
            let order = try app.staffOrders.changeStatus(
                number: request.pathParameters["number"] ?? "", to: body.status, note: body.note ?? "",
                isPublic: body.isPublic ?? false, by: viewer.user)
            return try jsonResponse(try staffOrderBody(order, viewer: viewer))
        }
        router.add(.post, "/api/v1/staff/orders/:number/assign", options: json) { [self] request in
            let viewer = try requireViewer(request, roles: roles)
            let body = try decodeJSON(AssignBody.self, from: request)
            let order = try app.staffOrders.assign(
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
        case "confirmed": Flash(.notice, "Order confirmed.")
        case "status": Flash(.notice, "Status changed.")
        case "assigned": Flash(.notice, "Service agent changed.")
        default: nil
        }
    }
}
