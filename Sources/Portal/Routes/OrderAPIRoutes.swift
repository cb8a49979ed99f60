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
            let (_, customerID) = try requireAPIOrderingViewer(request)
            let filter = request.query("filter") ?? "all"
            let keep: (ServiceOrder) -> Bool
            switch filter {
            case "all": keep = { _ in true }
            case "open": keep = { $0.status.isOpen }
            case "closed": keep = { !$0.status.isOpen }
            default: throw Problem.badRequest("filter", field: "filter")
            }
            let catalogue = try store.catalogue()
            let orders = try store.orders(customerID: customerID).filter(keep)
            return try jsonResponse(orders.map { APIOrderListItem($0, catalogue: catalogue) })
        }
        router.add(.post, "/api/v1/orders", options: bodyOptions) { [self] request in
            let (viewer, customerID) = try requireAPIOrderingViewer(request)
            let body = try decodeJSON(APIIntakeRequest.self, from: request)
            let catalogue = try store.catalogue()
            let intake = try body.validated(defaultsFrom: viewer.user, against: catalogue)
            let order = try store.createDraft(customerID: customerID, intake: intake, by: viewer.user, at: now())
            var response = try jsonResponse(apiOrderBody(order, catalogue: catalogue), status: .created)
            response.headers.set("Location", "/api/v1/orders/\(order.number.description)")
            return response
        }
        router.add(.get, "/api/v1/orders/:number") { [self] request in
            let viewer = try requireViewer(request)
            return try jsonResponse(apiOrderBody(apiOrderView(request, viewer: viewer)))
        }
        router.add(.put, "/api/v1/orders/:number/intake", options: bodyOptions) { [self] request in
            let (viewer, _) = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let body = try decodeJSON(APIIntakeRequest.self, from: request)
            let catalogue = try store.catalogue()
            let intake = try body.validated(defaultsFrom: viewer.user, against: catalogue)
            let revised = try store.reviseDraft(orderID: order.id, intake: intake, by: viewer.user, at: now())
            return try jsonResponse(apiOrderBody(revised, catalogue: catalogue))
        }
        router.add(.get, "/api/v1/orders/:number/questions") { [self] request in
            let viewer = try requireViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let tasks = try store.catalogue().applicableTasks(for: order)
            return try jsonResponse(tasks.map { APIQuestion($0, answer: order.answers[$0.id]) })
        }
        router.add(.put, "/api/v1/orders/:number/answers", options: bodyOptions) { [self] request in
            let (viewer, _) = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let answers = try Self.parseAnswers(decodeJSON(APIAnswersRequest.self, from: request))
            let answered = try store.answerDraft(orderID: order.id, answers: answers, by: viewer.user, at: now())
            let tasks = try store.catalogue().applicableTasks(for: answered)
            return try jsonResponse(tasks.map { APIQuestion($0, answer: answered.answers[$0.id]) })
        }
        router.add(.get, "/api/v1/orders/:number/summary") { [self] request in
            let viewer = try requireViewer(request)
            return try jsonResponse(APISummary(OrderSummary(apiOrderView(request, viewer: viewer))))
        }
        router.add(.post, "/api/v1/orders/:number/approve") { [self] request in
            let (viewer, _) = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            let approved = try store.approve(orderID: order.id, by: viewer.user, at: now())
            return try jsonResponse(apiOrderBody(approved))
        }
        router.add(.delete, "/api/v1/orders/:number") { [self] request in
            let (viewer, _) = try requireAPIOrderingViewer(request)
            let order = try apiOrder(request, viewer: viewer)
            try store.discardDraft(orderID: order.id, by: viewer.user)
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
                errors.append(value.typeError(field: "answer.\(key)", expected: "a string, number or boolean"))
            }
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return answers
    }
}
