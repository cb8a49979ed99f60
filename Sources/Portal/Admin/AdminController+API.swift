import HTTPServer
import RepairCore

// The admin JSON API under /api/v1/admin: the same edits as the pages, the same rules and audit.
extension AdminController {
    func registerAdminAPIRoutes(_ router: inout RouteGroup) {
        let body = router.bodyOptions
        let base = "/api/v1/admin"
        router.add(.get, base + "/locations") { _, _ in
            return try jsonResponse(["locations": try store.catalogue().locations])
        }
        router.add(.post, base + "/locations", options: body) { context, viewer in
            let request = context.request
            let location = try decodeJSON(LocationBody.self, from: request).makeLocation(id: 0)
            return try jsonResponse(try adminCatalogue.saveLocation(location, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/locations/:id", options: body) { context, viewer in
            let request = context.request
            let location = try decodeJSON(LocationBody.self, from: request).makeLocation(
                id: try request.rowID(.location))
            return try jsonResponse(try adminCatalogue.saveLocation(location, by: viewer.user))
        }

        router.add(.get, base + "/shipping-methods") { _, _ in
            return try jsonResponse(["shippingMethods": try store.catalogue().methods])
        }
        router.add(.post, base + "/shipping-methods", options: body) { context, viewer in
            let request = context.request
            let method = ShippingMethod(id: 0, name: try decodeJSON(MethodBody.self, from: request).name)
            return try jsonResponse(try adminCatalogue.saveShippingMethod(method, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/shipping-methods/:id", options: body) { context, viewer in
            let request = context.request
            let method = ShippingMethod(
                id: try request.rowID(.shippingMethod), name: try decodeJSON(MethodBody.self, from: request).name
            )
            return try jsonResponse(try adminCatalogue.saveShippingMethod(method, by: viewer.user))
        }
        router.add(.delete, base + "/shipping-methods/:id") { context, viewer in
            let request = context.request
            try adminCatalogue.removeShippingMethod(id: try request.rowID(.shippingMethod), by: viewer.user)
            return .empty()
        }

        router.add(.get, base + "/device-models") { _, _ in
            return try jsonResponse(["deviceModels": try store.catalogue().models])
        }
        router.add(.post, base + "/device-models", options: body) { context, viewer in
            let request = context.request
            let input = try decodeJSON(ModelBody.self, from: request)
            let model = DeviceModel(id: 0, manufacturer: input.manufacturer, name: input.name)
            return try jsonResponse(try adminCatalogue.saveDeviceModel(model, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/device-models/:id", options: body) { context, viewer in
            let request = context.request
            let input = try decodeJSON(ModelBody.self, from: request)
            let model = DeviceModel(
                id: try request.rowID(.deviceModel), manufacturer: input.manufacturer, name: input.name)
            return try jsonResponse(try adminCatalogue.saveDeviceModel(model, by: viewer.user))
        }

        registerAdminAPITaskAndCustomerRoutes(&router, base: base, body: body)
    }

    private func registerAdminAPITaskAndCustomerRoutes(_ router: inout RouteGroup, base: String, body: RouteOptions) {
        router.add(.get, base + "/tasks") { _, _ in
            return try jsonResponse(["tasks": try store.catalogue().tasks.map(TaskBody.init)])
        }
        router.add(.post, base + "/tasks", options: body) { context, viewer in
            let request = context.request
            let task = try decodeJSON(TaskBody.self, from: request).makeTask(id: 0)
            return try jsonResponse(TaskBody(try adminCatalogue.saveTask(task, by: viewer.user)), status: .created)
        }
        router.add(.put, base + "/tasks/:id", options: body) { context, viewer in
            let request = context.request
            let task = try decodeJSON(TaskBody.self, from: request).makeTask(id: try request.rowID(.task))
            return try jsonResponse(TaskBody(try adminCatalogue.saveTask(task, by: viewer.user)))
        }

        router.add(.get, base + "/customers") { _, _ in
            return try jsonResponse(["customers": try store.customers()])
        }
        router.add(.post, base + "/customers", options: body) { context, viewer in
            let request = context.request
            let customer = try decodeJSON(CustomerBody.self, from: request).makeCustomer(id: 0)
            return try jsonResponse(try adminCatalogue.saveCustomer(customer, by: viewer.user), status: .created)
        }
        router.add(.put, base + "/customers/:id", options: body) { context, viewer in
            let request = context.request
            let customer = try decodeJSON(CustomerBody.self, from: request).makeCustomer(
                id: try request.rowID(.customer))
            return try jsonResponse(try adminCatalogue.saveCustomer(customer, by: viewer.user))
        }

        router.add(.get, base + "/audit") { context, _ in
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
}
