import HTTPServer
import RepairCore

// The admin JSON API under /api/v1/admin: the same edits as the pages, the same rules and audit.
extension Portal {
    func registerAdminAPIRoutes(_ router: inout RouteGroup) {
        let body = router.bodyOptions
        let base = "/api/v1/admin"
        router.add(.get, base + "/locations") { [self] context, _ in
            let request = context.request
            return try jsonResponse(["locations": try store.catalogue().locations])
        }
        router.add(.post, base + "/locations", options: body) { [self] context, viewer in
            let request = context.request
            let location = try decodeJSON(LocationBody.self, from: request).makeLocation(id: 0)
            return try jsonResponse(try app.catalogue.saveLocation(location, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/locations/:id", options: body) { [self] context, viewer in
            let request = context.request
            let location = try decodeJSON(LocationBody.self, from: request).makeLocation(
                id: try Self.pathID(request, .location))
            return try jsonResponse(try app.catalogue.saveLocation(location, by: viewer.user))
        }

        router.add(.get, base + "/shipping-methods") { [self] context, _ in
            let request = context.request
            return try jsonResponse(["shippingMethods": try store.catalogue().methods])
        }
        router.add(.post, base + "/shipping-methods", options: body) { [self] context, viewer in
            let request = context.request
            let method = ShippingMethod(id: 0, name: try decodeJSON(MethodBody.self, from: request).name)
            return try jsonResponse(try app.catalogue.saveShippingMethod(method, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/shipping-methods/:id", options: body) { [self] context, viewer in
            let request = context.request
            let method = ShippingMethod(
                id: try Self.pathID(request, .shippingMethod), name: try decodeJSON(MethodBody.self, from: request).name
            )
            return try jsonResponse(try app.catalogue.saveShippingMethod(method, by: viewer.user))
        }
        router.add(.delete, base + "/shipping-methods/:id") { [self] context, viewer in
            let request = context.request
            try app.catalogue.removeShippingMethod(id: try Self.pathID(request, .shippingMethod), by: viewer.user)
            return .empty()
        }

        router.add(.get, base + "/device-models") { [self] context, _ in
            let request = context.request
            return try jsonResponse(["deviceModels": try store.catalogue().models])
        }
        router.add(.post, base + "/device-models", options: body) { [self] context, viewer in
            let request = context.request
            let input = try decodeJSON(ModelBody.self, from: request)
            let model = DeviceModel(id: 0, manufacturer: input.manufacturer, name: input.name)
            return try jsonResponse(try app.catalogue.saveDeviceModel(model, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/device-models/:id", options: body) { [self] context, viewer in
            let request = context.request
            let input = try decodeJSON(ModelBody.self, from: request)
            let model = DeviceModel(
                id: try Self.pathID(request, .deviceModel), manufacturer: input.manufacturer, name: input.name)
            return try jsonResponse(try app.catalogue.saveDeviceModel(model, by: viewer.user))
        }

        registerAdminAPITaskAndCustomerRoutes(&router, base: base, body: body)
    }

    private func registerAdminAPITaskAndCustomerRoutes(_ router: inout RouteGroup, base: String, body: RouteOptions) {
        router.add(.get, base + "/tasks") { [self] context, _ in
            let request = context.request
            return try jsonResponse(["tasks": try store.catalogue().tasks.map(TaskBody.init)])
        }
        router.add(.post, base + "/tasks", options: body) { [self] context, viewer in
            let request = context.request
            let task = try decodeJSON(TaskBody.self, from: request).makeTask(id: 0)
            return try jsonResponse(TaskBody(try app.catalogue.saveTask(task, by: viewer.user)), status: .created)
        }
        router.add(.put, base + "/tasks/:id", options: body) { [self] context, viewer in
            let request = context.request
            let task = try decodeJSON(TaskBody.self, from: request).makeTask(id: try Self.pathID(request, .task))
            return try jsonResponse(TaskBody(try app.catalogue.saveTask(task, by: viewer.user)))
        }

        router.add(.get, base + "/customers") { [self] context, _ in
            let request = context.request
            return try jsonResponse(["customers": try store.customers()])
        }
        router.add(.post, base + "/customers", options: body) { [self] context, viewer in
            let request = context.request
            let customer = try decodeJSON(CustomerBody.self, from: request).makeCustomer(id: 0)
            return try jsonResponse(try app.catalogue.saveCustomer(customer, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/customers/:id", options: body) { [self] context, viewer in
            let request = context.request
            let customer = try decodeJSON(CustomerBody.self, from: request).makeCustomer(
                id: try Self.pathID(request, .customer))
            return try jsonResponse(try app.catalogue.saveCustomer(customer, by: viewer.user))
        }

        router.add(.get, base + "/audit") { [self] context, _ in
            let request = context.request
            let query = try AuditQuery(request)
            let names = Dictionary(
                try store.users().map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
            let entries = try store.auditEntries(entity: query.entity, limit: query.limit, offset: query.offset)
            return try jsonResponse([
                "entries": entries.map { AuditEntryBody(entry: $0, actorName: $0.actorID.flatMap { names[$0] }) }
            ])
        }
    }

    /// The numeric `:id` of the path; anything else is an unknown entry (404).
    static func pathID(_ request: HTTPRequest, _ entity: Entity) throws -> Int64 {
        let raw = request.pathParameters["id"] ?? ""
        guard let id = Int64(raw), id > 0 else { throw Problem.notFound(entity, key: raw) }
        return id
    }
}
