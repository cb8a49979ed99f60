import Foundation
import HTTPServer
import HTTPTesting
import RepairCLI
import RepairCore
import RepairStore
import Testing

@testable import Portal

/// One rule, one answer: the same input through the staff page, the JSON API and the CLI gives the same problem
/// code and changes nothing (these rules once answered differently by entry point).
@Suite("The same rule answers alike from the page, the API and the CLI")
struct RuleAgreementTests {
    static let inRepair = "RS-7K2M-9QXD"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The staff form action and its fields.
        var form: (action: String, fields: [String: String])
        /// The API action and its JSON body.
        var api: (action: String, json: String)
        /// The CLI arguments after `--database PATH`.
        var cli: [String]
        var code: String
        var testDescription: String { name }
    }

    static let tooLongNote = String(repeating: "x", count: ServiceOrder.maxNoteLength + 1)
    static let cases: [Case] = [
        Case(
            name: "a note over the core's limit",
            form: ("status", ["status": "resolved", "note": tooLongNote]),
            api: ("status", #"{"status":"resolved","note":"\#(tooLongNote)"}"#),
            cli: ["order", "move", inRepair, "--to", "resolved", "--note", tooLongNote, "--by", "agent@example.com"],
            code: "invalid_field"),
        Case(
            name: "a disabled agent",
            form: ("assign", ["agentID": "6"]),
            api: ("assign", #"{"agentID":6}"#),
            cli: ["order", "assign", inRepair, "--agent", "gone@example.com", "--by", "agent@example.com"],
            code: "invalid_field"),
        Case(
            name: "a move the table forbids",
            form: ("status", ["status": "closed"]),
            api: ("status", #"{"status":"closed"}"#),
            cli: ["order", "move", inRepair, "--to", "closed", "--by", "agent@example.com"],
            code: "illegal_transition"),
    ]

    @Test(arguments: cases)
    func sameProblemEverywhere(_ rule: Case) throws {
        let harness = try PortalHarness()
        let disabled = try harness.store.addUser(
            User(
                id: 0, email: "gone@example.com", displayName: "Gone Agent", role: .agent, customerID: nil,
                passwordHash: "", isConfirmed: true, isDisabled: true))
        #expect(disabled.id == 6)
        let before = try StaffTests.order(harness, Self.inRepair)
        let eventCount = try harness.store.events(orderID: before.id).count

        let page = try StaffTests.post(try harness.signedIn(.agent), Self.inRepair, rule.form.action, rule.form.fields)
        #expect(page.text.contains("data-problem=\"\(rule.code)\""))

        let api = try harness.apiClient(.agent)
        let answer = try api.sendJSON(
            .post, "/api/v1/staff/orders/\(Self.inRepair)/\(rule.api.action)", json: rule.api.json)
        #expect(try answer.jsonObject()["error"] as? String == rule.code)
        #expect(page.status == answer.status)

        var errors: [String] = []
        let exitCode = RepairCLI.run(
            [rule.cli[0], rule.cli[1], "--database", harness.databaseArgument]
                + rule.cli.dropFirst(2),
            environment: [:], output: CLIOutput(standardOutput: { _ in }, standardError: { errors.append($0) }))
        #expect(exitCode == 1)
        #expect(errors.first?.hasPrefix("error [\(rule.code)]:") == true)

        #expect(try StaffTests.order(harness, Self.inRepair) == before)
        #expect(try harness.store.events(orderID: before.id).count == eventCount)
    }

    /// An admin rule answered by one use case: the account page, `POST /api/v1/admin/accounts` and `user add` (whose
    /// rules were once the CLI's own), and the template page, `PUT …/templates/:name` and `template set`.
    struct AdminCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// The page's form action and fields (the CSRF token is added).
        var form: (action: String, fields: [String: String])
        /// The API method, path and JSON body.
        var api: (method: HTTPMethod, path: String, json: String)
        /// The CLI arguments after `--database PATH`; `FILE` is replaced by a file holding `file`.
        var cli: [String]
        var file: String = ""
        var code: String
        /// Words every answer shows (the page HTML-escaped).
        var words: String
        var testDescription: String { name }
    }

    static let badLabel = "LABEL {{ shipment.id }}\nTO {{ reciever.name }}\n"
    static let adminCases: [AdminCase] = [
        AdminCase(
            name: "an account with a malformed e-mail",
            form: ("/admin/accounts", ["customerID": "3", "email": "nope", "displayName": "Nowa Osoba", "role": ""]),
            api: (.post, "/api/v1/admin/accounts", #"{"customerID":3,"email":"nope","displayName":"Nowa Osoba"}"#),
            cli: [
                "user", "add", "--email", "nope", "--name", "Nowa Osoba", "--role", "customer", "--customer", "3",
                "--password-hash", "$y$j9T$abc$def",
            ],
            code: "invalid_field", words: "must look like name@example.com"),
        AdminCase(
            name: "a template with an unknown placeholder",
            form: ("/admin/templates/shipping-label.txt", ["source": badLabel]),
            api: (
                .put, "/api/v1/admin/templates/shipping-label.txt",
                #"{"source":"LABEL {{ shipment.id }}\nTO {{ reciever.name }}\n"}"#
            ),
            cli: ["template", "set", "shipping-label.txt", "--file", "FILE"], file: badLabel,
            code: "invalid_template", words: "2:4: unknown placeholder 'reciever.name'"),
    ]

    @Test(arguments: adminCases)
    func sameAdminProblemEverywhere(_ rule: AdminCase) throws {
        let harness = try PortalHarness()
        let users = try harness.store.users()
        let admin = try harness.signedIn(.admin)
        let csrf = try PortalHarness.csrfToken(in: try admin.request(.get, "/admin/accounts").text)
        let page = try admin.postForm(rule.form.action, rule.form.fields.merging(["csrf_token": csrf]) { $1 })
        #expect(page.status == 422)
        #expect(page.text.contains(rule.words.replacing("'", with: "&#39;")), "\(page.text)")

        let api = try harness.apiClient(.admin)
        let answer = try api.sendJSON(rule.api.method, rule.api.path, json: rule.api.json)
        let body = try answer.jsonObject()
        #expect(body["error"] as? String == rule.code)
        #expect(answer.status == page.status)
        let fieldWords = (body["fields"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(((body["message"] as? String ?? "") + fieldWords.joined()).contains(rule.words))

        let file = harness.directory.appendingPathComponent("template.txt")
        try Data(rule.file.utf8).write(to: file)
        let database = harness.databaseArgument
        let arguments = rule.cli.map { $0 == "FILE" ? file.path : $0 }
        var errors: [String] = []
        let exitCode = RepairCLI.run(
            Array(arguments.prefix(2)) + ["--database", database] + arguments.dropFirst(2), environment: [:],
            output: CLIOutput(standardOutput: { _ in }, standardError: { errors.append($0) }))
        #expect(exitCode == 1)
        #expect(errors.first?.hasPrefix("error [\(rule.code)]:") == true, "\(errors)")
        #expect(errors.first?.contains(rule.words) == true, "\(errors)")

        #expect(try harness.store.users() == users)
        #expect(try harness.store.labelTemplateOverrides().isEmpty)
    }

    // The order page once showed internal status changes that `GET …/events` hid; both now show the change
    // without its internal note, and neither shows an internal note on its own.
    @Test func theCustomerSeesTheSameHistoryOnThePageAndInTheAPI() throws {
        let harness = try PortalHarness()
        let agent = try harness.signedIn(.agent)
        #expect(
            try StaffTests.post(agent, Self.inRepair, "status", ["status": "on_hold", "note": "secret-status-note"])
                .status == 303)
        let order = try StaffTests.order(harness, Self.inRepair)
        let staff = try #require(try harness.store.user(email: "agent@example.com"))
        _ = try harness.store.addNote(
            orderID: order.id, note: "secret-lone-note", isPublic: false, by: staff, at: Date())

        let customer = try harness.apiClient(.customer)
        let events = try #require(
            try JSONSerialization.jsonObject(
                with: Data(customer.sendJSON(.get, "/api/v1/orders/\(Self.inRepair)/events").body)) as? [[String: Any]])
        #expect(events.last?["toStatus"] as? String == "on_hold")
        #expect(events.last?["note"] as? String == "")
        let page = try customer.request(.get, "/orders/\(Self.inRepair)")
        #expect(page.text.contains(OrderStatus.onHold.label))
        for text in [
            page.text,
            String(decoding: try customer.sendJSON(.get, "/api/v1/orders/\(Self.inRepair)/events").body, as: UTF8.self),
        ] {
            #expect(!text.contains("secret-status-note"))
            #expect(!text.contains("secret-lone-note"))
        }
    }
}
