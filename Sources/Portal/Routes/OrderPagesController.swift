import Foundation
import HTMLKit
import HTTPServer
import RepairCore

extension Portal {
    /// My orders, the new-order wizard (intake, questions, summary, approve), the order page, discarding drafts.
    /// Customer and reseller users only (staff have their own queue).
    func registerOrderPageRoutes(_ routes: inout PortalRoutes) {
        routes.group(.customerAccount) { router in registerOrderPageRoutes(&router) }
    }

    private func registerOrderPageRoutes(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/orders") { [self] context, viewer in
            let request = context.request
            let orders = try app.customerOrders.myOrders(for: viewer.user)
            let filter = MyOrdersPage.Filter(query: request.query("filter"))
            let discarded = request.query("discarded").flatMap(OrderNumber.init)
            let flash = discarded.map { Flash(.notice, "The draft \($0) was discarded.") }
            let content = MyOrdersPage(orders: orders, catalogue: try store.catalogue(), filter: filter).content
            return page(request, viewer: viewer, title: "My orders", flash: flash, content: content)
        }
        // Registered before `/orders/:number` so "new" is never read as an order number.
        router.add(.get, "/orders/new") { [self] context, viewer in
            let request = context.request
            return intakePage(
                request, viewer,
                IntakePage(
                    form: .prefilled(for: viewer.user), catalogue: try store.catalogue(),
                    csrfToken: viewer.csrfToken))
        }
        router.add(.post, "/orders/new", options: form) { [self] context, viewer in
            try saveIntake(context.request, viewer, isRevision: false)
        }
        router.add(.get, "/orders/:number") { [self] context, viewer in
            let request = context.request
            return orderPage(request, viewer, try ownedOrderView(request, viewer))
        }
        router.add(.get, "/orders/:number/intake") { [self] context, viewer in
            let request = context.request
            return try withDraft(request, viewer) { order in
                intakePage(
                    request, viewer,
                    IntakePage(
                        form: IntakeForm(order.intake), catalogue: try store.catalogue(), number: order.number,
                        csrfToken: viewer.csrfToken))
            }
        }
        router.add(.post, "/orders/:number/intake", options: form) { [self] context, viewer in
            try saveIntake(context.request, viewer, isRevision: true)
        }
        router.add(.get, "/orders/:number/questions") { [self] context, viewer in
            let request = context.request
            return try withDraft(request, viewer) { order in
                questionsPage(
                    request, viewer,
                    QuestionsPage(
                        order: order,
                        tasks: try app.customerOrders.questions(number: order.number.description, for: viewer.user),
                        values: order.answers.mapValues(\.storedText), csrfToken: viewer.csrfToken))
            }
        }
        router.add(.post, "/orders/:number/questions", options: form) { [self] context, viewer in
            try saveAnswers(context, viewer)
        }
        router.add(.get, "/orders/:number/summary") { [self] context, viewer in
            let request = context.request
            let view = try ownedOrderView(request, viewer)
            guard view.status == .draft else { return notADraftPage(request, viewer, view.order) }
            return summaryPage(request, viewer, view, missing: [], status: .ok)
        }
        router.add(.post, "/orders/:number/approve", options: form) { [self] context, viewer in
            try approve(context, viewer)
        }
        router.add(.get, "/orders/:number/discard") { [self] context, viewer in
            let request = context.request
            return try withDraft(request, viewer) { order in
                let content = DiscardPage(order: order, catalogue: try store.catalogue(), csrfToken: viewer.csrfToken)
                    .content
                return page(request, viewer: viewer, title: "Discard draft", content: content)
            }
        }
        router.add(.post, "/orders/:number/discard", options: form) { [self] context, viewer in
            let request = context.request
            _ = try postedForm(request, viewer: viewer)
            return try withDraft(request, viewer) { order in
                try app.customerOrders.discard(number: order.number.description, by: viewer.user)
                return .redirect(to: "/orders?discarded=\(order.number)")
            }
        }
    }

    // Step 1, a new draft or a revision of the draft in the path: validate, write, go on to the questions.
    private func saveIntake(_ request: HTTPRequest, _ viewer: Viewer, isRevision: Bool) throws -> HTTPResponse {
        let fields = try postedForm(request, viewer: viewer)
        guard isRevision else { return try saveIntake(request, viewer, fields, draft: nil) }
        return try withDraft(request, viewer) { draft in try saveIntake(request, viewer, fields, draft: draft) }
    }

    private func saveIntake(_ request: HTTPRequest, _ viewer: Viewer, _ fields: [String: String], draft: ServiceOrder?)
        throws -> HTTPResponse
    {
        let catalogue = try store.catalogue()
        let form = IntakeForm(fields: fields)
        do {
            let order =
                if let draft {
                    try app.customerOrders.reviseDraft(number: draft.number.description, form, by: viewer.user)
                } else {
                    try app.customerOrders.createDraft(form, by: viewer.user)
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
    private func saveAnswers(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        let fields = try postedForm(request, viewer: viewer)
        return try withDraft(request, viewer) { order in
            let number = order.number.description
            let tasks = try app.customerOrders.questions(number: number, for: viewer.user)
            var raw: [Int64: String] = [:]
            for task in tasks { raw[task.id] = fields[task.fieldName] ?? "" }
            do {
                _ = try app.customerOrders.answer(number: number, raw, requireAll: true, by: viewer.user)
                return .redirect(to: OrderPageFormat.path(order.number, "/summary"))
            } catch let error as Problem where !error.fieldErrors.isEmpty {
                let page = QuestionsPage(
                    order: order, tasks: tasks, values: raw, errors: OrderPageFormat.errorsByField(error.fieldErrors),
                    csrfToken: viewer.csrfToken)
                return questionsPage(request, viewer, page, status: .unprocessableContent)
            }
        }
    }

    // Step 4: approve; a missing required answer shows the summary again with what is missing.
    private func approve(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let request = context.request
        _ = try postedForm(request, viewer: viewer)
        return try withDraft(request, viewer) { order in
            do {
                let approved = try app.customerOrders.approve(number: order.number.description, by: viewer.user)
                return .redirect(to: OrderPageFormat.path(approved.number) + "?approved=1")
            } catch let problem as Problem where problem.code == .invalidField {
                return summaryPage(
                    request, viewer, try ownedOrderView(request, viewer), missing: problem.fieldErrors,
                    status: .unprocessableContent)
            } catch let problem as Problem where problem.code == .alreadyApproved {
                // Another tab approved it between our read and the write.
                return notADraftPage(request, viewer, try ownedOrder(request, viewer))
            }
        }
    }
}
