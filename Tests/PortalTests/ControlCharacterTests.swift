import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing

@testable import Portal

/// Control characters in text fields, over loopback: a 422 naming the field, and nothing stored.
@Suite("Control characters in input")
struct ControlCharacterTests {
    static let intake = OrderAPITests.intake

    static func fieldNames(_ response: HTTPTestResponse) throws -> Set<String> {
        try OrderAPITests.fieldNames(response)
    }

    @Test(arguments: [
        (#""fault":"visible\u0000hidden""#, "fault"),
        (#""fault":"bell\u0007""#, "fault"),
        (#""fault":"c1\u0085control""#, "fault"),
        (#""serial":"X1\u0000""#, "serial"),
        (#""serial":"X\t1""#, "serial"),
        (#""contact":{"surname":"Now\u001Bak"}"#, "contactSurname"),
        (#""contact":{"firstName":"Jan\nEve"}"#, "contactFirstName"),
        (#""contact":{"email":"a@example.com\u0000x"}"#, "contactEmail"),
        (#""contact":{"phone":"600\u0000"}"#, "contactPhone"),
    ])
    func intakeWithAControlCharacterIsA422NamingTheField(member: String, field: String) throws {
        let (harness, client, token) = try OrderAPITests.api(.customer)
        let before = try harness.store.orders(customerID: 1).count
        // The member replaces the valid body's member of the same name: no duplicate keys.
        var members = [
            #""modelID":1"#, #""serial":"X1""#, #""fault":"Cracked""#, #""locationID":1"#, #""methodID":1"#,
        ]
        let name = member.split(separator: ":", maxSplits: 1)[0]
        members.removeAll { $0.hasPrefix(name + ":") }
        members.append(member)
        let json = "{" + members.joined(separator: ",") + "}"
        let response = try client.sendJSON(.post, "/api/v1/orders", json: json, bearer: token)
        #expect(response.status == 422, "\(json)")
        #expect(try Self.fieldNames(response) == [field], "\(json)")
        #expect(try harness.store.orders(customerID: 1).count == before)
    }

    @Test func tabsAndLineBreaksStayInAMultiLineField() throws {
        let (harness, client, token) = try OrderAPITests.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let json = #"{"modelID":1,"serial":"X1","fault":"one\ttab\r\ntwo lines","locationID":1,"methodID":1}"#
        let response = try client.sendJSON(.post, "/api/v1/orders", json: json, bearer: token)
        #expect(response.status == 201)
        let text = try #require(try response.jsonObject()["number"] as? String)
        let number = try #require(OrderNumber(text))
        #expect(try harness.store.order(number: number)?.intake.fault == "one\ttab\r\ntwo lines")
    }

    @Test func theIntakePageRefusesANULNamingTheField() throws {
        let harness = try PortalHarness()
        let client = try harness.signedIn(.customer)
        let before = try harness.store.orders(customerID: 1).count
        var fields = OrderPageTests.intake
        fields["fault"] = "visible\u{0}hidden"
        fields["contactSurname"] = "Now\u{1B}ak"
        let response = try OrderPageTests.post(client, form: "/orders/new", fields)
        #expect(response.status == 422)
        #expect(response.text.contains("control characters (found U+0000)"))
        #expect(response.text.contains("control characters (found U+001B)"))
        #expect(try harness.store.orders(customerID: 1).count == before)
    }

    @Test func answersNotesAndStatusNotesRefuseControlCharacters() throws {
        let (harness, client, token) = try OrderAPITests.api(.customer)
        let created = try client.sendJSON(.post, "/api/v1/orders", json: Self.intake, bearer: token)
        let number = try #require(try created.jsonObject()["number"] as? String)
        let answer = try client.sendJSON(
            .put, "/api/v1/orders/\(number)/answers", json: #"{"answers":{"2":"none\u0000really"}}"#, bearer: token)
        #expect(answer.status == 422)
        #expect(try Self.fieldNames(answer) == ["answer.2"])
        #expect(try harness.store.order(number: OrderNumber(number)!)?.answers.isEmpty == true)

        let agent = try harness.apiClient(.agent)
        let inRepair = try #require(try harness.store.order(number: OrderNumber("RS-7K2M-9QXD")!))
        let eventsBefore = try harness.store.events(orderID: inRepair.id)
        let status = try agent.sendJSON(
            .post, "/api/v1/staff/orders/RS-7K2M-9QXD/status",
            json: #"{"status":"waiting_for_customer","note":"PIN\u0000secret","isPublic":false}"#)
        #expect(status.status == 422)
        #expect(try status.jsonObject()["field"] as? String == "note")
        let order = try #require(try harness.store.order(number: OrderNumber("RS-7K2M-9QXD")!))
        #expect(order.status == .inRepair)
        #expect(try harness.store.events(orderID: order.id) == eventsBefore)
    }

    @Test func adminAndAccountFieldsRefuseControlCharacters() throws {
        let harness = try PortalHarness()
        let admin = try harness.apiClient(.admin)
        let customers = try harness.store.customers().count
        for json in [
            #"{"name":"Acme\u0000Evil","kind":"company","isReseller":false}"#,
            #"{"name":"Acme\nEvil","kind":"company","isReseller":false}"#,
        ] {
            let response = try admin.sendJSON(.post, "/api/v1/admin/customers", json: json)
            #expect(response.status == 422, "\(json)")
            #expect(try response.jsonObject()["field"] as? String == "name", "\(json)")
        }
        let address = try admin.sendJSON(
            .post, "/api/v1/admin/customers",
            json: #"{"name":"Acme","address":"Street\u0000 1","kind":"company","isReseller":false}"#)
        #expect(address.status == 422)
        #expect(try address.jsonObject()["field"] as? String == "address")
        #expect(try harness.store.customers().count == customers)
        let method = try admin.sendJSON(.post, "/api/v1/admin/shipping-methods", json: #"{"name":"Pigeon\u0007"}"#)
        #expect(method.status == 422)
        #expect(try harness.store.catalogue().methods.count == 3)
        let users = try harness.store.users().count
        let account = try admin.sendJSON(
            .post, "/api/v1/admin/accounts",
            json: #"{"customerID":1,"email":"new@example.com","displayName":"New\u0000Person"}"#)
        #expect(account.status == 422)
        #expect(try account.jsonObject()["field"] as? String == "displayName")
        #expect(try harness.store.users().count == users)
        let template = try admin.sendJSON(
            .put, "/api/v1/admin/templates/packing-list.txt", json: #"{"source":"Order\u0000"}"#)
        #expect(template.status == 422)
        #expect(try template.jsonObject()["field"] as? String == "source")
    }

    @Test func carrierDetailsRefuseControlCharacters() throws {
        let harness = try PortalHarness()
        let client = try harness.apiClient(.reseller)
        _ = try client.sendJSON(.post, "/api/v1/shipments", json: #"{"orders":["RS-8NRS-5VYA"]}"#)
        _ = try client.sendJSON(.post, "/api/v1/shipments/1/confirm")
        let response = try client.sendJSON(
            .put, "/api/v1/shipments/1/carrier", json: #"{"carrier":"DPD\u0000x","trackingNumber":"123"}"#)
        #expect(response.status == 422)
        #expect(try response.jsonObject()["field"] as? String == "carrier")
        #expect(try harness.store.shipment(id: 1)?.carrier == nil)
    }

    @Test(arguments: [
        ("plain text", TextRules.Lines.single, true), ("tab\there", .single, false), ("line\nbreak", .single, false),
        ("tab\there", .multiple, true), ("cr\r\nlf", .multiple, true), ("nul\u{0}", .multiple, false),
        ("del\u{7F}", .multiple, false), ("c1\u{9B}", .multiple, false), ("esc\u{1B}[31m", .multiple, false),
        ("Łukasiewicz 😀 \u{200B}", .single, true),
    ])
    func theRuleAllowsOnlyTabCRAndLFOfTheControls(text: String, lines: TextRules.Lines, isAllowed: Bool) {
        #expect((TextRules.violation(of: text, field: "f", lines: lines) == nil) == isAllowed)
    }
}
