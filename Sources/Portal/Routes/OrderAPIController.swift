import HTTPServer
import RepairApp
import RepairCore

/// The orders JSON API under `/api/v1`: the same pipeline as the wizard pages, one call per step.
///
/// Reading a single order (and its questions, summary and events) is open to its customer's users and
/// to staff; listing and every change are for customer and reseller users only (staff get 403).
struct OrderAPIController: FeatureController {
    /// The customer's order use cases; they check the order's access with the policy.
    let customerOrders: CustomerOrders
    /// Read for the catalogue the bodies name models and locations from.
    let catalogue: any RepairRepository
    /// The signed tracking link of an order, for its body.
    let trackingPath: @Sendable (OrderNumber) -> String

    func register(in routes: inout PortalRoutes) {
        routes.group(.signedIn) { router in registerReads(&router) }
        routes.group(.customerAccount) { router in registerChanges(&router) }
    }

    /// The catalogue and one order's views: any signed-in user; the use cases hide other customers' orders.
    private func registerReads(_ router: inout RouteGroup) {
        router.add(.get, "/api/v1/catalogue") { _, _ in
            return try jsonResponse(APICatalogue(catalogue.catalogue()))
        }
        router.add(.get, "/api/v1/orders/:number") { context, viewer in
            let request = context.request
            return try jsonResponse(apiOrderBody(apiOrderView(request, viewer: viewer)))
        }
        router.add(.get, "/api/v1/orders/:number/questions") { context, viewer in
            let request = context.request
            let order = try apiOrder(request, viewer: viewer)
            let tasks = try customerOrders.questions(number: order.number.description, for: viewer.user)
            return try jsonResponse(tasks.map { APIQuestion($0, answer: order.answers[$0.id]) })
        }
        router.add(.get, "/api/v1/orders/:number/summary") { context, viewer in
            let request = context.request
            return try jsonResponse(
                APISummary(OrderSummary(apiOrderView(request, viewer: viewer)), localizer: context.localizer))
        }
        router.add(.get, "/api/v1/orders/:number/events") { context, viewer in
            let request = context.request
            let view = try apiOrderView(request, viewer: viewer)
            return try jsonResponse(view.history.map { APIEvent($0.event) })
        }
    }

    /// Listing and every change: customer and reseller users only.
    private func registerChanges(_ router: inout RouteGroup) {
        router.add(.get, "/api/v1/orders") { context, viewer in
            let request = context.request
            let filter = request.query("filter") ?? "all"
            let keep: (ServiceOrder) -> Bool
            switch filter {
            case "all": keep = { _ in true }
            case "open": keep = { $0.status.isOpen }
            case "closed": keep = { !$0.status.isOpen }
            default: throw Problem.badRequest("filter", field: "filter")
            }
            let catalogue = try catalogue.catalogue()
            let orders = try customerOrders.myOrders(for: viewer.user).filter(keep)
            return try jsonResponse(orders.map { APIOrderListItem($0, catalogue: catalogue) })
        }
        router.add(.post, "/api/v1/orders", options: router.bodyOptions) { context, viewer in
            let request = context.request
            let (form, inputErrors) = try decodeJSON(APIIntakeRequest.self, from: request).form(
                defaultsFrom: viewer.user)
            let order = try customerOrders.createDraft(form, inputErrors: inputErrors, by: viewer.user)
            var response = try jsonResponse(apiOrderBody(order), status: .created)
            response.headers.set("Location", "/api/v1/orders/\(order.number.description)")
            return response
        }
        router.add(.put, "/api/v1/orders/:number/intake", options: router.bodyOptions) { context, viewer in
            let request = context.request
            let order = try apiOrder(request, viewer: viewer)
            let (form, inputErrors) = try decodeJSON(APIIntakeRequest.self, from: request).form(
                defaultsFrom: viewer.user)
            let revised = try customerOrders.reviseDraft(
                number: order.number.description, form, inputErrors: inputErrors, by: viewer.user)
            return try jsonResponse(apiOrderBody(revised))
        }
        router.add(.put, "/api/v1/orders/:number/answers", options: router.bodyOptions) { context, viewer in
            let request = context.request
            let number = try apiOrder(request, viewer: viewer).number.description
            let answers = try Self.parseAnswers(decodeJSON(APIAnswersRequest.self, from: request))
            let answered = try customerOrders.answer(number: number, answers, by: viewer.user)
            let tasks = try customerOrders.questions(number: number, for: viewer.user)
            return try jsonResponse(tasks.map { APIQuestion($0, answer: answered.answers[$0.id]) })
        }
        router.add(.post, "/api/v1/orders/:number/approve") { context, viewer in
            let request = context.request
            let order = try apiOrder(request, viewer: viewer)
            let approved = try customerOrders.approve(number: order.number.description, by: viewer.user)
            return try jsonResponse(apiOrderBody(approved))
        }
        router.add(.delete, "/api/v1/orders/:number") { context, viewer in
            let request = context.request
            let order = try apiOrder(request, viewer: viewer)
            try customerOrders.discard(number: order.number.description, by: viewer.user)
            return .empty(.noContent)
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
