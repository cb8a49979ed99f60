import Foundation
import HTMLKit
import HTTPServer
import RepairCore

// Lookup and rendering shared by the order pages (`Routes/OrderPagesController.swift`).
extension OrderPagesController {
    /// The order named in the path, if the viewer may see it; unknown and other customers' orders
    /// are the same 404, so a number's existence is never revealed.
    func ownedOrder(_ context: RequestContext, _ viewer: Viewer) throws -> ServiceOrder {
        do {
            return try customerOrders.order(number: context.request.pathParameters["number"] ?? "", for: viewer.user)
        } catch let problem as Problem where problem.code == .notFound {
            // The pages' own words for it.
            throw Problem.notFound("own_order")
        }
    }

    /// The view of the order named in the path, read in one snapshot, if the viewer may see it (the same 404s).
    func ownedOrderView(_ context: RequestContext, _ viewer: Viewer) throws -> OrderView {
        do {
            return try customerOrders.view(number: context.request.pathParameters["number"] ?? "", for: viewer.user)
        } catch let problem as Problem where problem.code == .notFound {
            throw Problem.notFound("own_order")
        }
    }

    /// Runs `body` on the draft named in the path; an order that is no longer a draft gets the 409 page instead.
    func withDraft(_ context: RequestContext, _ viewer: Viewer, _ body: (ServiceOrder) throws -> HTTPResponse)
        throws -> HTTPResponse
    {
        do {
            let draft: ServiceOrder
            do {
                draft = try customerOrders.draft(
                    number: context.request.pathParameters["number"] ?? "", for: viewer.user)
            } catch let problem as Problem where problem.code == .notFound {
                throw Problem.notFound("own_order")
            }
            return try body(draft)
        } catch let problem as Problem where problem.code == .notADraft {
            return notADraftPage(context, try ownedOrder(context, viewer))
        }
    }

    /// The 409 page for changing an order that is no longer a draft.
    func notADraftPage(_ context: RequestContext, _ order: ServiceOrder) -> HTTPResponse {
        let link = HTML.safeURL(OrderPageFormat.path(order.number))
        let content: HTML = """
            <p class="error">\(L("order.not_a_draft", ["number": .text(order.number.description), "status": .text(order.status.label.lowercased())]))</p>
            <p><a href="\(link)">\(L("order.see"))</a></p>
            """
        return layout.page(context, title: L("order.cannot_change"), status: .conflict, content: content)
    }

    func intakePage(_ context: RequestContext, _ intake: IntakePage, status: HTTPStatus = .ok) -> HTTPResponse {
        layout.page(
            context, title: intake.number.map { L("wizard.title.device", ["number": .text($0.description)]) } ?? L("wizard.title.new"),
            flash: status == .ok ? nil : Flash(.error, L("form.correct_fields")), status: status,
            content: intake.content)
    }

    func questionsPage(_ context: RequestContext, _ questions: QuestionsPage, status: HTTPStatus = .ok)
        -> HTTPResponse
    {
        layout.page(
            context, title: L("wizard.title.questions", ["number": .text(questions.order.number.description)]),
            flash: status == .ok ? nil : Flash(.error, L("form.correct_answers")), status: status,
            content: questions.content)
    }

    func summaryPage(
        _ context: RequestContext, _ viewer: Viewer, _ view: OrderView, missing: [FieldError], status: HTTPStatus
    ) -> HTTPResponse {
        let summary = SummaryPage(view: view, missing: missing, csrfToken: viewer.csrfToken)
        return layout.page(context, title: L("wizard.title.summary", ["number": .text(view.number.description)]), status: status, content: summary.content)
    }

    func orderPage(_ context: RequestContext, _ view: OrderView) -> HTTPResponse {
        let order = view.order
        let content = OrderPage(
            view: view, trackingPath: trackingPath(order.number), trackingURL: trackingURL(order.number)
        ).content
        let flash =
            context.request.query("approved") == "1" && order.status != .draft
            ? Flash(.notice, L("order.approved", ["status": .text(order.status.label.lowercased())])) : nil
        return layout.page(context, title: L("tracking.order_title", ["number": .text(order.number.description)]), flash: flash, content: content)
    }
}
