import HTTPServer
import RepairCore

extension Portal {
    /// The orders JSON API under `/api/v1`: the same pipeline as the wizard pages, one call per step.
    ///
    /// Reading a single order (and its questions, summary and events) is open to its customer's users and
    /// to staff; listing and every change are for customer and reseller users only (staff get 403).
    func registerOrderAPIRoutes(_ router: inout Router) {
        let bodyOptions = RouteOptions(maxBodyBytes: configuration.maxFormBytes)
        router.add(.get, "/api/v1/catalogue") { [self] request in
            _ = try requireViewer(request)
            return try jsonResponse(APICatalogue(store.catalogue()))
        }
        router.add(.get, "/api/v1/orders") { [self] request in
            let viewer = try requireAPIOrderingViewer(request)
            let filter = request.query("filter") ?? "all"
            let keep: (ServiceOrder) -> Bool
            switch filter {
            case "all": keep = { _ in true }
            case "open": keep = { $0.status.isOpen }
            case "closed": keep = { !$0.status.isOpen }
            default: throw Problem.badRequest("filter", field: "filter")
            }
            let catalogue = try store.catalogue()
            let orders = try app.customerOrders.myOrders(for: viewer.user).filter(keep)
            return try jsonResponse(orders.map { APIOrderListItem($0, catalogue: catalogue) })
        }
        router.add(.post, "/api/v1/orders", options: bodyOptions) { [self] request in
            let viewer = try requireAPIOrderingViewer(request)
            let (form, inputErrors) = try decodeJSON(APIIntakeRequest.self, from: request).form(
                defaultsFrom: viewer.user)
            let order = try app.customerOrders.createDraft(form, inputErrors: inputErrors, by: viewer.user)
            var response = try jsonResponse(apiOrderBody(order), status: .created)
            response.headers.set("Location", "/api/v1/orders/\(order.number.description)")
            return response
        }
        router.add(.get, "/api/v1/orders/:number") { [self] request in
            let viewer = try requireViewer(request)
            return try jsonResponse(apiOrderBody(apiOrderView(request, viewer: viewer)))
        }
        router.add(.put, "/api/v1/orders/:number/intake", options: bodyOptions) { [self] request in
            let viewer = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let (form, inputErrors) = try decodeJSON(APIIntakeRequest.self, from: request).form(
                defaultsFrom: viewer.user)
            let revised = try app.customerOrders.reviseDraft(
                number: order.number.description, form, inputErrors: inputErrors, by: viewer.user)
            return try jsonResponse(apiOrderBody(revised))
        }
        router.add(.get, "/api/v1/orders/:number/questions") { [self] request in
            let viewer = try requireViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let tasks = try app.customerOrders.questions(number: order.number.description, for: viewer.user)
            return try jsonResponse(tasks.map { APIQuestion($0, answer: order.answers[$0.id]) })
        }
        router.add(.put, "/api/v1/orders/:number/answers", options: bodyOptions) { [self] request in
            let viewer = try requireAPIOrderingViewer(request)
            let number = try apiOrder(request, viewer: viewer).number.description
            let answers = try Self.parseAnswers(decodeJSON(APIAnswersRequest.self, from: request))
            let answered = try app.customerOrders.answer(number: number, answers, by: viewer.user)
            let tasks = try app.customerOrders.questions(number: number, for: viewer.user)
            return try jsonResponse(tasks.map { APIQuestion($0, answer: answered.answers[$0.id]) })
        }
        router.add(.get, "/api/v1/orders/:number/summary") { [self] request in
            let viewer = try requireViewer(request)
            return try jsonResponse(APISummary(OrderSummary(apiOrderView(request, viewer: viewer))))
        }
        router.add(.post, "/api/v1/orders/:number/approve") { [self] request in
            let viewer = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let approved = try app.customerOrders.approve(number: order.number.description, by: viewer.user)
            return try jsonResponse(apiOrderBody(approved))
        }
        router.add(.delete, "/api/v1/orders/:number") { [self] request in
            let viewer = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            try app.customerOrders.discard(number: order.number.description, by: viewer.user)
            return .empty(.noContent)
        }
        router.add(.get, "/api/v1/orders/:number/events") { [self] request in
            let viewer = try requireViewer(request)
            let view = try apiOrderView(request, viewer: viewer)
            return try jsonResponse(view.history.map { APIEvent($0.event) })
        }
    }

    /// Answers by task ID from the request; a missing object or a key that is not a task ID is a 422.
    static func parseAnswers(_ body: APIAnswersRequest) throws -> [Int64: String] {
        guard let raw = body.answers else {
            throw Problem.invalid("answers", .answersObject)
        }
        var answers: [Int64: String] = [:]
        var errors: [FieldError] = []
        for (key, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let taskID = Int64(key) else {
                errors.append(FieldError(field: "answers.\(key)", rule: FieldRule(.unknownTask)))
                continue
            }
            // The OpenAPI document allows a string, a number or a boolean (yes/no questions); nothing else.
            switch value {
            case .string(let text): answers[taskID] = text
            case .integer(let number): answers[taskID] = String(number)
            case .number(let number): answers[taskID] = String(number)
            case .bool(let flag): answers[taskID] = flag ? "yes" : "no"
            case .null, .structure:
                errors.append(value.typeError(field: "answer.\(key)", expected: .scalar))
            }
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return answers
    }
}
