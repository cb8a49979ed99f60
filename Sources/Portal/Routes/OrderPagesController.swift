import Foundation
import HTMLKit
import HTTPServer
import RepairApp
import RepairCore

/// My orders, the new-order wizard (intake, questions, summary, approve), the order page, discarding drafts.
/// Customer and reseller users only (staff have their own queue).
struct OrderPagesController: FeatureController {
    /// The customer's order use cases; they check the order's access with the policy.
    let customerOrders: CustomerOrders
    /// Read for the catalogue the forms and lists name models, locations and methods from.
    let catalogue: any RepairRepository
    /// The signed tracking link of an order (`/t/<token>`), shown on its page.
    let trackingPath: @Sendable (OrderNumber) -> String
    /// The same link as an absolute URL, to copy.
    let trackingURL: @Sendable (OrderNumber) -> String
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.customerAccount) { router in register(&router) }
    }

    private func register(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/orders") { context, viewer in
            let request = context.request
            let orders = try customerOrders.myOrders(for: viewer.user)
            let filter = MyOrdersPage.Filter(query: request.query("filter"))
            let discarded = request.query("discarded").flatMap(OrderNumber.init)
            let flash = discarded.map { Flash(.notice, L("my_orders.discarded", ["number": .text($0.description)])) }
            let content = MyOrdersPage(orders: orders, catalogue: try catalogue.catalogue(), filter: filter).content
            return layout.page(context, title: L("my_orders.title"), flash: flash, content: content)
        }
        // Registered before `/orders/:number` so "new" is never read as an order number.
        router.add(.get, "/orders/new") { context, viewer in
            intakePage(
                context,
                IntakePage(
                    form: .prefilled(for: viewer.user), catalogue: try catalogue.catalogue(),
                    csrfToken: viewer.csrfToken))
        }
        router.add(.post, "/orders/new", options: form) { context, viewer in
            try saveIntake(context, viewer, isRevision: false)
        }
        router.add(.get, "/orders/:number") { context, viewer in
            orderPage(context, try ownedOrderView(context, viewer))
        }
        router.add(.get, "/orders/:number/intake") { context, viewer in
            try withDraft(context, viewer) { order in
                intakePage(
                    context,
                    IntakePage(
                        form: IntakeForm(order.intake), catalogue: try catalogue.catalogue(), number: order.number,
                        csrfToken: viewer.csrfToken))
            }
        }
        router.add(.post, "/orders/:number/intake", options: form) { context, viewer in
            try saveIntake(context, viewer, isRevision: true)
        }
        router.add(.get, "/orders/:number/questions") { context, viewer in
            try withDraft(context, viewer) { order in
                questionsPage(
                    context,
                    QuestionsPage(
                        order: order,
                        tasks: try customerOrders.questions(number: order.number.description, for: viewer.user),
                        values: order.answers.mapValues(\.storedText), csrfToken: viewer.csrfToken))
            }
        }
        router.add(.post, "/orders/:number/questions", options: form) { context, viewer in
            try saveAnswers(context, viewer)
        }
        router.add(.get, "/orders/:number/summary") { context, viewer in
            let view = try ownedOrderView(context, viewer)
            guard view.status == .draft else { return notADraftPage(context, view.order) }
            return summaryPage(context, viewer, view, missing: [], status: .ok)
        }
        router.add(.post, "/orders/:number/approve", options: form) { context, viewer in
            try approve(context, viewer)
        }
        router.add(.get, "/orders/:number/discard") { context, viewer in
            try withDraft(context, viewer) { order in
                let content = DiscardPage(
                    order: order, catalogue: try catalogue.catalogue(), csrfToken: viewer.csrfToken
                ).content
                return layout.page(context, title: L("discard.title"), content: content)
            }
        }
        router.add(.post, "/orders/:number/discard", options: form) { context, viewer in
            _ = try postedForm(context.request, viewer: viewer)
            return try withDraft(context, viewer) { order in
                try customerOrders.discard(number: order.number.description, by: viewer.user)
                return .redirect(to: "/orders?discarded=\(order.number)")
            }
        }
    }

    // Step 1, a new draft or a revision of the draft in the path: validate, write, go on to the questions.
    private func saveIntake(_ context: RequestContext, _ viewer: Viewer, isRevision: Bool) throws -> HTTPResponse {
        let fields = try postedForm(context.request, viewer: viewer)
        guard isRevision else { return try saveIntake(context, viewer, fields, draft: nil) }
        return try withDraft(context, viewer) { draft in try saveIntake(context, viewer, fields, draft: draft) }
    }

    private func saveIntake(
        _ context: RequestContext, _ viewer: Viewer, _ fields: [String: String], draft: ServiceOrder?
    ) throws -> HTTPResponse {
        let catalogue = try catalogue.catalogue()
        let form = IntakeForm(fields: fields)
        do {
            let order =
                if let draft {
                    try customerOrders.reviseDraft(number: draft.number.description, form, by: viewer.user)
                } else {
                    try customerOrders.createDraft(form, by: viewer.user)
                }
            return .redirect(to: OrderPageFormat.path(order.number, "/questions"))
        } catch let error as Problem where !error.fieldErrors.isEmpty {
            let page = IntakePage(
                form: form, errors: OrderPageFormat.errorsByField(error.fieldErrors, context.localizer),
                catalogue: catalogue,
                number: draft?.number, csrfToken: viewer.csrfToken)
            return intakePage(context, page, status: .unprocessableContent)
        }
    }

    // Step 2: every applicable question's field is read (an absent one clears its answer); required
    // ones must be answered to go on, and nothing is written while any answer is wrong.
    private func saveAnswers(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let fields = try postedForm(context.request, viewer: viewer)
        return try withDraft(context, viewer) { order in
            let number = order.number.description
            let tasks = try customerOrders.questions(number: number, for: viewer.user)
            var raw: [Int64: String] = [:]
            for task in tasks { raw[task.id] = fields[task.fieldName] ?? "" }
            do {
                _ = try customerOrders.answer(number: number, raw, requireAll: true, by: viewer.user)
                return .redirect(to: OrderPageFormat.path(order.number, "/summary"))
            } catch let error as Problem where !error.fieldErrors.isEmpty {
                let page = QuestionsPage(
                    order: order, tasks: tasks, values: raw,
                    errors: OrderPageFormat.errorsByField(error.fieldErrors, context.localizer),
                    csrfToken: viewer.csrfToken)
                return questionsPage(context, page, status: .unprocessableContent)
            }
        }
    }

    // Step 4: approve; a missing required answer shows the summary again with what is missing.
    private func approve(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        _ = try postedForm(context.request, viewer: viewer)
        return try withDraft(context, viewer) { order in
            do {
                let approved = try customerOrders.approve(number: order.number.description, by: viewer.user)
                return .redirect(to: OrderPageFormat.path(approved.number) + "?approved=1")
            } catch let problem as Problem
                where problem.code == .invalidField && problem.fieldErrors.contains(where: { !$0.field.hasPrefix("answer.") })
            {
                // The intake no longer holds (the location stopped taking portal orders, or the method): back to
                // step 1 with the draft's own entries and the fields to choose again.
                return intakePage(
                    context,
                    IntakePage(
                        form: IntakeForm(order.intake),
                        errors: OrderPageFormat.errorsByField(problem.fieldErrors, context.localizer),
                        catalogue: try catalogue.catalogue(), number: order.number, csrfToken: viewer.csrfToken),
                    status: .unprocessableContent)
            } catch let problem as Problem where problem.code == .invalidField {
                return summaryPage(
                    context, viewer, try ownedOrderView(context, viewer), missing: problem.fieldErrors,
                    status: .unprocessableContent)
            } catch let problem as Problem where problem.code == .alreadyApproved {
                // Another tab approved it between our read and the write.
                return notADraftPage(context, try ownedOrder(context, viewer))
            }
        }
    }
}
