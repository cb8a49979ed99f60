import Foundation
import HTMLKit
import HTTPServer
import RepairCore

extension Portal {
    /// Who may use the order pages: customer and reseller users (staff have their own queue).
    static let orderPageRoles: Set<User.Role> = [.customer, .reseller]

    /// My orders, the new-order wizard (intake, questions, summary, approve), the order page, discarding drafts.
    func registerOrderPageRoutes(_ router: inout Router) {
        let form = RouteOptions(maxBodyBytes: configuration.maxFormBytes)
        router.add(.get, "/orders") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            let orders = try store.orders(customerID: try customerID(of: viewer))
            let filter = MyOrdersPage.Filter(query: request.query("filter"))
            let discarded = request.query("discarded").flatMap(OrderNumber.init)
            let flash = discarded.map { Flash(.notice, "The draft \($0) was discarded.") }
            let content = MyOrdersPage(orders: orders, catalogue: try store.catalogue(), filter: filter).content
            return page(request, viewer: viewer, title: "My orders", flash: flash, content: content)
        }
        // Registered before `/orders/:number` so "new" is never read as an order number.
        router.add(.get, "/orders/new") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            return intakePage(
                request, viewer,
                IntakePage(
                    form: .prefilled(for: viewer.user), catalogue: try store.catalogue(),
                    csrfToken: viewer.csrfToken))
        }
        router.add(.post, "/orders/new", options: form) { [self] request in
            try saveIntake(request, isRevision: false)
        }
        router.add(.get, "/orders/:number") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            return orderPage(request, viewer, try ownedOrderView(request, viewer))
        }
        router.add(.get, "/orders/:number/intake") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            let order = try ownedOrder(request, viewer)
            guard order.status == .draft else { return notADraftPage(request, viewer, order) }
            return intakePage(
                request, viewer,
                IntakePage(
                    form: IntakeForm(order.intake), catalogue: try store.catalogue(), number: order.number,
                    csrfToken: viewer.csrfToken))
        }
        router.add(.post, "/orders/:number/intake", options: form) { [self] request in
            try saveIntake(request, isRevision: true)
        }
        router.add(.get, "/orders/:number/questions") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            let order = try ownedOrder(request, viewer)
            guard order.status == .draft else { return notADraftPage(request, viewer, order) }
            let tasks = try store.catalogue().applicableTasks(for: order)
            return questionsPage(
                request, viewer,
                QuestionsPage(
                    order: order, tasks: tasks, values: order.answers.mapValues(\.storedText),
                    csrfToken: viewer.csrfToken))
        }
        router.add(.post, "/orders/:number/questions", options: form) { [self] request in
            try saveAnswers(request)
        }
        router.add(.get, "/orders/:number/summary") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            let view = try ownedOrderView(request, viewer)
            guard view.status == .draft else { return notADraftPage(request, viewer, view.order) }
            return summaryPage(request, viewer, view, missing: [], status: .ok)
        }
        router.add(.post, "/orders/:number/approve", options: form) { [self] request in
            try approve(request)
        }
        router.add(.get, "/orders/:number/discard") { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            let order = try ownedOrder(request, viewer)
            guard order.status == .draft else { return notADraftPage(request, viewer, order) }
            let content = DiscardPage(order: order, catalogue: try store.catalogue(), csrfToken: viewer.csrfToken)
                .content
            return page(request, viewer: viewer, title: "Discard draft", content: content)
        }
        router.add(.post, "/orders/:number/discard", options: form) { [self] request in
            let viewer = try requireViewer(request, roles: Self.orderPageRoles)
            _ = try postedForm(request, viewer: viewer)
            let order = try ownedOrder(request, viewer)
            guard order.status == .draft else { return notADraftPage(request, viewer, order) }
            try store.discardDraft(orderID: order.id, by: viewer.user)
            return .redirect(to: "/orders?discarded=\(order.number)")
        }
    }

    // Step 1, a new draft or a revision of the draft in the path: validate, write, go on to the questions.
    private func saveIntake(_ request: HTTPRequest, isRevision: Bool) throws -> HTTPResponse {
        let viewer = try requireViewer(request, roles: Self.orderPageRoles)
        let fields = try postedForm(request, viewer: viewer)
        let draft = isRevision ? try ownedOrder(request, viewer) : nil
        if let draft, draft.status != .draft { return notADraftPage(request, viewer, draft) }
        let catalogue = try store.catalogue()
        let form = IntakeForm(fields: fields)
        do {
            let intake = try form.validate(against: catalogue)
            let order =
                if let draft {
                    try store.reviseDraft(orderID: draft.id, intake: intake, by: viewer.user, at: now())
                } else {
                    try store.createDraft(
                        customerID: try customerID(of: viewer), intake: intake, by: viewer.user, at: now())
                }
            return .redirect(to: OrderPageFormat.path(order.number, "/questions"))
        } catch let error as Problem where !error.fieldErrors.isEmpty {
            let page = IntakePage(
                form: form, errors: OrderPageFormat.errorsByField(error.fieldErrors), catalogue: catalogue,
                number: draft?.number, csrfToken: viewer.csrfToken)
            return intakePage(request, viewer, page, status: .unprocessableContent)
        }
    }

    // Step 2: every applicable question's field is read (an absent one clears its answer); required
    // ones must be answered to go on, and nothing is written while any answer is wrong.
    private func saveAnswers(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request, roles: Self.orderPageRoles)
        let fields = try postedForm(request, viewer: viewer)
        let order = try ownedOrder(request, viewer)
        guard order.status == .draft else { return notADraftPage(request, viewer, order) }
        let tasks = try store.catalogue().applicableTasks(for: order)
        var raw: [Int64: String] = [:]
        for task in tasks { raw[task.id] = fields[task.fieldName] ?? "" }
        do {
            let answered = try order.answering(raw, tasks: tasks, by: viewer.user, at: now())
            let missing = answered.missingAnswers(tasks: tasks)
            guard missing.isEmpty else { throw Problem.validation(missing) }
            _ = try store.answerDraft(orderID: order.id, answers: raw, by: viewer.user, at: now())
            return .redirect(to: OrderPageFormat.path(order.number, "/summary"))
        } catch let error as Problem where !error.fieldErrors.isEmpty {
            let page = QuestionsPage(
                order: order, tasks: tasks, values: raw, errors: OrderPageFormat.errorsByField(error.fieldErrors),
                csrfToken: viewer.csrfToken)
            return questionsPage(request, viewer, page, status: .unprocessableContent)
        }
    }

    // Step 4: approve; a missing required answer shows the summary again with what is missing.
    private func approve(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request, roles: Self.orderPageRoles)
        _ = try postedForm(request, viewer: viewer)
        let order = try ownedOrder(request, viewer)
        guard order.status == .draft else { return notADraftPage(request, viewer, order) }
        do {
            let approved = try store.approve(orderID: order.id, by: viewer.user, at: now())
            return .redirect(to: OrderPageFormat.path(approved.number) + "?approved=1")
        } catch let problem as Problem where problem.code == .invalidField {
            return summaryPage(
                request, viewer, try ownedOrderView(request, viewer), missing: problem.fieldErrors,
                status: .unprocessableContent)
        } catch let problem as Problem where problem.code == .alreadyApproved {
            // Another tab approved it between our read and the write.
            return notADraftPage(request, viewer, order)
        }
    }
}
