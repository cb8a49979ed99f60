import Foundation
import HTMLKit
import HTTPServer
import HTTPTesting
import Localization
import RepairCore
import RepairStore
import Testing

@testable import Portal

/// The order pages over loopback: my orders, the wizard step by step, the order page, access and bad input.
@Suite("Order pages and the new-order wizard")
struct OrderPageTests {
    /// A valid intake for the demo catalogue (iPhone 13 to Warszawa Centrum by courier).
    static let intake = [
        "modelID": "1", "serial": "356789104523999", "fault": "Screen flickers <b>badly</b>", "locationID": "1",
        "methodID": "1", "contactFirstName": "Jan", "contactSurname": "Łukasiewicz",
        "contactEmail": "customer@example.com", "contactPhone": "+48 600 100 200",
    ]

    /// Posts `fields` (plus the page's CSRF token) to a form page; the GET must succeed.
    static func post(_ client: HTTPTestClient, form path: String, to action: String? = nil, _ fields: [String: String])
        throws -> HTTPTestResponse
    {
        let page = try client.request(.get, path)
        #expect(page.status == 200, "GET \(path)")
        var fields = fields
        fields["csrf_token"] = try PortalHarness.csrfToken(in: page.text)
        return try client.postForm(action ?? path, fields)
    }

    /// Creates a draft through step 1 and returns its number.
    static func createDraft(_ client: HTTPTestClient, _ fields: [String: String] = intake) throws -> OrderNumber {
        let response = try post(client, form: "/orders/new", fields)
        #expect(response.status == 303)
        let location = try #require(response.headers["Location"])
        #expect(location.hasSuffix("/questions"))
        return try #require(OrderNumber(String(location.split(separator: "/")[1])))
    }

    static func order(_ harness: PortalHarness, _ number: OrderNumber) throws -> ServiceOrder {
        try #require(try harness.store.order(number: number))
    }

    @Test func myOrdersListsOnlyTheCustomersOwnOrdersNewestFirst() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let all = try client.request(.get, "/orders?filter=all")
        #expect(all.status == 200)
        for own in ["RS-7K2M-9QXD", "RS-4HJT-2B8N", "RS-Q3V5-K8MZ", "RS-6GHV-7R2E"] { #expect(all.text.contains(own)) }
        for foreign in ["RS-9PWX-6T1C", "RS-1MQA-4XTP", "RS-5ZEB-3C0W"] { #expect(!all.text.contains(foreign)) }
        let positions = ["RS-4HJT-2B8N", "RS-Q3V5-K8MZ", "RS-7K2M-9QXD", "RS-6GHV-7R2E"].compactMap {
            all.text.range(of: $0)?.lowerBound
        }
        #expect(positions == positions.sorted())
        #expect(all.text.contains("2026-11-20 18:02 UTC"))
        #expect(all.text.contains("In repair"))
        #expect(all.text.contains(">Resume</a>") && all.text.contains("/orders/RS-4HJT-2B8N/discard"))
        let open = try client.request(.get, "/orders")
        #expect(open.text.contains("RS-4HJT-2B8N") && !open.text.contains("RS-6GHV-7R2E"))
        let closed = try client.request(.get, "/orders?filter=closed")
        #expect(closed.text.contains("RS-6GHV-7R2E") && !closed.text.contains("RS-7K2M-9QXD"))
        // An unknown filter is the default, not an error.
        #expect(
            try client.request(.get, "/orders?filter=%3Cx%3E").text.contains(
                "<strong aria-current=\"page\">Open</strong>"))
    }

    @Test func staffGet403AndAnonymousAreSentToSignIn() throws {
        let harness = try PortalHarness()
        for account in [PortalHarness.Account.agent, .admin] {
            let client = try harness.signedIn(account)
            for path in ["/orders", "/orders/new", "/orders/RS-7K2M-9QXD", "/orders/RS-4HJT-2B8N/summary"] {
                #expect(try client.request(.get, path).status == 403, "\(account) \(path)")
            }
        }
        let anonymous = try harness.client().request(.get, "/orders/new")
        #expect(anonymous.status == 303)
        #expect(anonymous.headers["Location"] == "/login?next=/orders/new")
    }

    /// Issue #12, journey 3: a location that stopped taking portal orders after the draft was saved cannot be
    /// approved there; the customer is sent back to step 1 with the draft's entries and the field to choose again.
    @Test func approvalChecksTheLocationAgainAndSendsTheCustomerBackToChoose() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let number = try Self.createDraft(client)
        _ = try Self.post(client, form: "/orders/\(number)/questions", ["answer.1": "yes", "answer.2": "1234"])
        try harness.store.write { db in try db.run("UPDATE locations SET is_public = 0 WHERE id = 1") }

        let refused = try Self.post(client, form: "/orders/\(number)/summary", to: "/orders/\(number)/approve", [:])
        #expect(refused.status == 422)
        #expect(refused.text.contains("This location does not take orders from the portal"))
        #expect(refused.text.contains("action=\"/orders/\(number)/intake\""))
        #expect(refused.text.contains("value=\"356789104523999\""))
        #expect(try Self.order(harness, number).status == .draft)
        // The API says the same, by field.
        let api = try harness.apiClient(.customer).sendJSON(.post, "/api/v1/orders/\(number)/approve")
        #expect(api.status == 422)
        #expect(try api.jsonObject()["field"] as? String == "locationID")

        // Choosing a location that takes portal orders, the draft is approved.
        var moved = Self.intake
        moved["locationID"] = "2"
        moved["methodID"] = "3"
        #expect(try Self.post(client, form: "/orders/\(number)/intake", moved).status == 303)
        let approved = try Self.post(client, form: "/orders/\(number)/summary", to: "/orders/\(number)/approve", [:])
        #expect(approved.status == 303)
        #expect(try Self.order(harness, number).status == .submitted)
    }

    @Test func customerWizardEndsSubmitted() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let form = try client.request(.get, "/orders/new")
        #expect(form.text.contains("value=\"Jan\"") && form.text.contains("value=\"Łukasiewicz\""))
        #expect(form.text.contains("Kraków Serwis — 7 working days") && !form.text.contains("Gdańsk Magazyn"))
        #expect(form.text.contains("Poczta Polska (Warszawa Centrum)"))
        #expect(form.text.contains("aria-current=\"step\">Device"))
        let number = try Self.createDraft(client)
        #expect(try Self.order(harness, number).status == .draft)
        let questions = try client.request(.get, "/orders/\(number)/questions")
        #expect(questions.text.contains("Is the device still under warranty?"))
        #expect(questions.text.contains("Screen lock code"))
        let answered = try Self.post(
            client, form: "/orders/\(number)/questions", ["answer.1": "yes", "answer.2": "1234"])
        #expect(answered.status == 303)
        #expect(answered.headers["Location"] == "/orders/\(number)/summary")
        let summary = try client.request(.get, "/orders/\(number)/summary")
        #expect(summary.text.contains("Expected turnaround: 5 working days"))
        #expect(summary.text.contains("Screen flickers &lt;b&gt;badly&lt;/b&gt;"))
        #expect(summary.text.contains("Approve service order"))
        let approved = try Self.post(client, form: "/orders/\(number)/summary", to: "/orders/\(number)/approve", [:])
        #expect(approved.status == 303)
        #expect(approved.headers["Location"] == "/orders/\(number)?approved=1")
        let page = try client.request(.get, "/orders/\(number)?approved=1")
        #expect(page.text.contains("Service order approved"))
        #expect(page.text.contains("<strong class=\"status\"><span class=\"badge badge-pending\">Submitted</span></strong>"))
        #expect(page.text.contains(harness.portal.trackingPath(for: number)))
        let stored = try Self.order(harness, number)
        #expect(stored.status == .submitted)
        #expect(stored.answers == [1: .yesNo(true), 2: .text("1234")])
    }

    @Test func resellerOrderIsConfirmedAtOnce() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.reseller)
        var fields = Self.intake
        fields["contactFirstName"] = "Agnieszka"
        fields["contactSurname"] = "Wójcik"
        let number = try Self.createDraft(client, fields)
        let questions = try client.request(.get, "/orders/\(number)/questions")
        #expect(questions.text.contains("How should we pack the device for the way back?"))
        let answered = try Self.post(
            client, form: "/orders/\(number)/questions", ["answer.1": "no", "answer.4": "courier box"])
        #expect(answered.status == 303)
        let summary = try client.request(.get, "/orders/\(number)/summary")
        #expect(summary.text.contains("confirmed as soon as you approve"))
        let approved = try Self.post(client, form: "/orders/\(number)/summary", to: "/orders/\(number)/approve", [:])
        #expect(approved.status == 303)
        #expect(try Self.order(harness, number).status == .confirmed)
        #expect(
            try client.request(.get, "/orders/\(number)").text.contains("<strong class=\"status\"><span class=\"badge badge-pending\">Confirmed</span></strong>"))
    }

    @Test func goingBackKeepsWhatWasEntered() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let number = try Self.createDraft(client)
        let intake = try client.request(.get, "/orders/\(number)/intake")
        #expect(intake.text.contains("value=\"356789104523999\""))
        #expect(intake.text.contains(">Screen flickers &lt;b&gt;badly&lt;/b&gt;</textarea>"))
        #expect(intake.text.contains("<option value=\"1\" selected>Apple iPhone 13</option>"))
        #expect(intake.text.contains("name=\"locationID\" value=\"1\" checked"))
        _ = try Self.post(client, form: "/orders/\(number)/questions", ["answer.1": "no", "answer.2": "none"])
        let questions = try client.request(.get, "/orders/\(number)/questions")
        #expect(questions.text.contains("name=\"answer.1\" value=\"no\" checked"))
        #expect(questions.text.contains(">none</textarea>"))
        // Revising the intake keeps the draft's number and the answers that still apply.
        var revised = Self.intake
        revised["modelID"] = "3"
        let response = try Self.post(client, form: "/orders/\(number)/intake", revised)
        #expect(response.headers["Location"] == "/orders/\(number)/questions")
        let stored = try Self.order(harness, number)
        #expect(stored.intake.modelID == 3)
        #expect(stored.answers[1] == .yesNo(false))
    }

    @Test(arguments: [
        ("serial", "", "serial", "This field is required"),
        ("modelID", "999", "modelID", "Must be a device model from the catalogue"),
        ("modelID", "", "modelID", "A device model is required"),
        ("locationID", "3", "locationID", "This location does not take orders from the portal"),
        ("methodID", "2", "methodID", "Kraków Serwis does not accept Poczta Polska"),
        ("contactEmail", "not-an-email", "contactEmail", "Must be an e-mail address"),
        ("contactPhone", "call me", "contactPhone", "May hold only digits"),
        ("fault", "   ", "fault", "This field is required"),
    ])
    func badIntakeIsShownBesideTheFieldAndWritesNothing(
        field: String, value: String, errorField: String, message: String
    )
        throws
    {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let before = try harness.store.orders(customerID: 1)
        var fields = Self.intake
        fields[field] = value
        if field == "methodID" { fields["locationID"] = "2" }
        let response = try Self.post(client, form: "/orders/new", fields)
        #expect(response.status == 422)
        let errorID = Form.errorID(errorField)
        #expect(response.text.contains("<p class=\"error\" id=\"\(errorID)\">\(message)"), "\(response.text)")
        // What was typed stays in the form.
        #expect(response.text.contains("value=\"356789104523999\"") || field == "serial")
        #expect(try harness.store.orders(customerID: 1) == before)
    }

    @Test(arguments: [
        // (model, answers, field at fault, message)
        ("1", ["answer.2": "1234"], "answer.1", "This question must be answered before approval"),
        ("1", ["answer.1": "maybe"], "answer.1", "Must be yes or no"),
        ("9", ["answer.1": "yes", "answer.3": "many"], "answer.3", "Must be a number"),
        ("9", ["answer.1": "yes"], "answer.3", "This question must be answered"),
    ])
    func badAnswersAreShownBesideTheQuestionAndWriteNothing(
        model: String, answers: [String: String], errorField: String, message: String
    ) throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        var intake = Self.intake
        intake["modelID"] = model
        let number = try Self.createDraft(client, intake)
        let response = try Self.post(client, form: "/orders/\(number)/questions", answers)
        #expect(response.status == 422)
        #expect(response.text.contains("id=\"\(Form.errorID(errorField))\">\(message)"), "\(response.text)")
        #expect(try Self.order(harness, number).answers.isEmpty)
    }

    @Test func choiceOutsideTheListIsRefused() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.reseller)
        let number = try Self.createDraft(client)
        let response = try Self.post(
            client, form: "/orders/\(number)/questions", ["answer.1": "yes", "answer.4": "a shoebox"])
        #expect(response.status == 422)
        #expect(response.text.contains("Must be one of: original box, courier box, no packaging"))
        #expect(response.text.contains("value=\"yes\" checked"))
        #expect(try Self.order(harness, number).answers.isEmpty)
    }

    @Test func approvingTwiceIsAConflictAndChangesNothing() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let number = try Self.createDraft(client)
        _ = try Self.post(client, form: "/orders/\(number)/questions", ["answer.1": "yes"])
        let summary = try client.request(.get, "/orders/\(number)/summary")
        let token = try PortalHarness.csrfToken(in: summary.text)
        #expect(try client.postForm("/orders/\(number)/approve", ["csrf_token": token]).status == 303)
        let order = try Self.order(harness, number)
        let events = try harness.store.events(orderID: order.id)
        let again = try client.postForm("/orders/\(number)/approve", ["csrf_token": token])
        #expect(again.status == 409)
        #expect(again.text.contains("no longer a draft"))
        #expect(try Self.order(harness, number).status == .submitted)
        #expect(try harness.store.events(orderID: order.id) == events)
    }

    @Test func approvalWithAnUnansweredRequiredQuestionShowsWhatIsMissing() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let number = try Self.createDraft(client)
        let response = try Self.post(client, form: "/orders/\(number)/summary", to: "/orders/\(number)/approve", [:])
        #expect(response.status == 422)
        #expect(response.text.contains("<li>Is the device still under warranty?</li>"))
        #expect(try Self.order(harness, number).status == .draft)
    }

    @Test func nonDraftOrdersCannotBeEditedOrDiscarded() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        for suffix in ["/intake", "/questions", "/summary", "/discard"] {
            let response = try client.request(.get, "/orders/RS-Q3V5-K8MZ\(suffix)")
            #expect(response.status == 409, "\(suffix)")
            #expect(response.text.contains("Order RS-Q3V5-K8MZ is submitted, no longer a draft"))
        }
        let token = try PortalHarness.csrfToken(in: try client.request(.get, "/orders").text)
        let before = try Self.order(harness, OrderNumber("RS-Q3V5-K8MZ")!)
        var fields = Self.intake
        fields["csrf_token"] = token
        #expect(try client.postForm("/orders/RS-Q3V5-K8MZ/intake", fields).status == 409)
        #expect(
            try client.postForm("/orders/RS-Q3V5-K8MZ/questions", ["csrf_token": token, "answer.1": "yes"]).status
                == 409)
        #expect(try client.postForm("/orders/RS-Q3V5-K8MZ/discard", ["csrf_token": token]).status == 409)
        #expect(try Self.order(harness, OrderNumber("RS-Q3V5-K8MZ")!) == before)
    }

    @Test func anotherCustomersOrderIsNotFound() throws {
        let harness = try PortalHarness()
        let reseller = try #require(try harness.store.user(email: "reseller@example.com"))
        let foreignDraft = try harness.store.createDraft(
            customerID: 2,
            intake: Intake(
                modelID: 1, serial: "X1", fault: "Broken", locationID: 1, methodID: 1,
                contact: Contact(firstName: "A", surname: "W", email: "a@example.com")),
            by: reseller, at: Date())
        let client = try harness.signedIn(.customer)
        let token = try PortalHarness.csrfToken(in: try client.request(.get, "/orders").text)
        for number in ["RS-9PWX-6T1C", foreignDraft.number.description, "RS-0000-0000", "not-a-number"] {
            for suffix in ["", "/intake", "/questions", "/summary", "/discard"] {
                #expect(try client.request(.get, "/orders/\(number)\(suffix)").status == 404, "\(number)\(suffix)")
            }
            for suffix in ["/intake", "/questions", "/approve", "/discard"] {
                let response = try client.postForm(
                    "/orders/\(number)\(suffix)", ["csrf_token": token, "answer.1": "yes"])
                #expect(response.status == 404, "POST \(number)\(suffix)")
            }
        }
        let after = try #require(try harness.store.order(number: foreignDraft.number))
        #expect(after.status == .draft && after.intake == foreignDraft.intake && after.answers.isEmpty)
    }

    @Test func postsWithoutTheCSRFTokenAre403AndWriteNothing() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let before = try harness.store.orders(customerID: 1)
        #expect(try client.postForm("/orders/new", Self.intake).status == 403)
        for path in ["/orders/RS-4HJT-2B8N/intake", "/orders/RS-4HJT-2B8N/questions"] {
            #expect(try client.postForm(path, Self.intake.merging(["answer.1": "yes"]) { $1 }).status == 403)
        }
        for path in ["/orders/RS-4HJT-2B8N/approve", "/orders/RS-4HJT-2B8N/discard"] {
            #expect(try client.postForm(path, ["csrf_token": "forged"]).status == 403)
        }
        #expect(try harness.store.orders(customerID: 1) == before)
    }

    @Test func discardingADraftAsksFirstThenDeletesIt() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let confirm = try client.request(.get, "/orders/RS-4HJT-2B8N/discard")
        #expect(confirm.text.contains("This cannot be undone"))
        let response = try Self.post(client, form: "/orders/RS-4HJT-2B8N/discard", [:])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/orders?discarded=RS-4HJT-2B8N")
        #expect(try harness.store.order(number: OrderNumber("RS-4HJT-2B8N")!) == nil)
        #expect(
            try client.request(.get, "/orders?discarded=RS-4HJT-2B8N").text.contains(
                "The draft RS-4HJT-2B8N was discarded."))
    }

    @Test func orderPageShowsPublicHistoryButNeverInternalNotes() throws {
        let harness = try PortalHarness()
        let agent = try #require(try harness.store.user(email: "agent@example.com"))
        let order = try Self.order(harness, OrderNumber("RS-Q3V5-K8MZ")!)
        _ = try harness.store.moveOrder(
            orderID: order.id, to: .confirmed, by: agent, note: "Customer owes us <money>", isPublic: false, at: Date())
        _ = try harness.store.moveOrder(
            orderID: order.id, to: .received, by: agent, note: "Parcel arrived in good shape", isPublic: true,
            at: Date())
        _ = try harness.store.assignAgent(orderID: order.id, agentID: agent.id, by: agent, at: Date())
        let page = try harness.signedIn(.customer).request(.get, "/orders/RS-Q3V5-K8MZ")
        #expect(page.status == 200)
        #expect(page.text.contains("Parcel arrived in good shape"))
        #expect(!page.text.contains("owes us"))
        #expect(page.text.contains("<div class=\"what\"><span class=\"badge badge-pending\">Confirmed</span></div>"))
        #expect(page.text.contains("<strong class=\"status\"><span class=\"badge badge-active\">Received</span></strong>"))
        #expect(page.text.contains("Paweł Zieliński"))
        let number = try #require(OrderNumber("RS-Q3V5-K8MZ"))
        #expect(page.text.contains("href=\"\(harness.portal.trackingPath(for: number))\""))
        #expect(page.text.contains("readonly value=\"\(harness.portal.trackingURL(for: number))\""))
        let draft = try harness.signedIn(.customer).request(.get, "/orders/RS-4HJT-2B8N")
        #expect(draft.text.contains(">Continue</a>"))
        #expect(!draft.text.contains("href=\"/t/"))
    }

    @Test func listShortensLongFaultsAndEscapesThem() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        var fields = Self.intake
        fields["fault"] = "<script>alert(1)</script>\n" + String(repeating: "very long fault ", count: 10)
        _ = try Self.createDraft(client, fields)
        let list = try client.request(.get, "/orders").text
        #expect(!list.contains("<script>"))
        #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt; very long fault"))
        #expect(!list.contains(String(repeating: "very long fault ", count: 4)))
    }

    @Test func formatHelpers() {
        #expect(OrderPageFormat.shortened("short") == "short")
        #expect(OrderPageFormat.shortened("line one\nline two") == "line one line two")
        let long = OrderPageFormat.shortened(String(repeating: "a", count: 100))
        #expect(long.count == OrderPageFormat.listFaultLength && long.hasSuffix("…"))
        #expect(OrderPageFormat.dateTime(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
        let errors = OrderPageFormat.errorsByField(
            [
                FieldError(field: "serial", rule: FieldRule(.required)),
                FieldError(field: "fault", rule: FieldRule(.tooLong, ["maximum": 5])),
                FieldError(field: "fault", rule: FieldRule(.singleLine)),
            ], Localizer.english)
        #expect(
            errors == [
                "serial": "This field is required",
                "fault": "Must be at most 5 characters; must be one line, without tabs or line breaks",
            ])
        #expect(MyOrdersPage.Filter(query: nil) == .open && MyOrdersPage.Filter(query: "closed") == .closed)
        #expect(MyOrdersPage.Filter(query: "CLOSED") == .open)
    }

    @Test func questionsPageRendersEachKindAndSaysWhenThereAreNone() throws {
        let order = ServiceOrder(
            id: 7, number: try #require(OrderNumber("RS-7K2M-9QXD")), customerID: 1, createdByUserID: 1,
            intake: Intake(
                modelID: 1, serial: "S", fault: "F", locationID: 1, methodID: 1,
                contact: Contact(firstName: "J", surname: "L", email: "j@example.com")),
            createdAt: Date(timeIntervalSince1970: 0))
        let none = QuestionsPage(order: order, tasks: [], values: [:], csrfToken: "t").content.rendered
        #expect(none.contains("There are no questions for this device. Continue to the summary."))
        #expect(none.contains("action=\"/orders/RS-7K2M-9QXD/questions\""))
        let tasks = [
            ServiceTask(
                id: 1, text: "Pick", kind: .choice(["a", "b"]), isFilledByCustomer: true, isRequiredInPortal: true,
                scope: .allDevices),
            ServiceTask(
                id: 2, text: "Count", kind: .number, isFilledByCustomer: true, isRequiredInPortal: false,
                scope: .allDevices),
        ]
        let page = QuestionsPage(
            order: order, tasks: tasks, values: [1: "b", 2: "x<y"], errors: ["answer.2": "Must be a number"],
            csrfToken: "t"
        ).content.rendered
        #expect(page.contains("name=\"answer.1\" value=\"b\" checked"))
        #expect(page.contains("Pick<span class=\"required\""))
        #expect(page.contains("value=\"x&lt;y\""))
        #expect(page.contains("id=\"field-answer-2-error\">Must be a number</p>"))
    }
}
