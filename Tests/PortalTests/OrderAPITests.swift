import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing

@testable import Portal

@Suite("Orders JSON API over loopback")
struct OrderAPITests {
    /// A harness and an API token for `account`.
    static func api(_ account: PortalHarness.Account) throws -> (PortalHarness, HTTPTestClient, String) {
        let harness = try PortalHarness()
        let token = try APITokenTests.createToken(try harness.signedIn(account))
        return (harness, try harness.client(), token)
    }

    /// A valid intake for the demo catalogue: iPhone 13 (asks questions 1 and 2) to Warszawa by courier.
    static let intake =
        #"{"modelID":1,"serial":"35678910452","fault":"Screen flickers","locationID":1,"methodID":1,"contact":{"firstName":"Jan","surname":"Łukasiewicz","email":"jan@example.com","phone":"+48 600"}}"#

    static func fieldNames(_ response: HTTPTestResponse) throws -> Set<String> {
        let fields = try #require(try response.jsonObject()["fields"] as? [[String: Any]])
        return Set(fields.compactMap { $0["field"] as? String })
    }

    @Test func wholePipelineFromDraftToApproval() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let created = try client.sendJSON(.post, "/api/v1/orders", json: Self.intake, bearer: token)
        #expect(created.status == 201)
        let number = try #require(try created.jsonObject()["number"] as? String)
        #expect(created.headers["Location"] == "/api/v1/orders/\(number)")
        #expect(try created.jsonObject()["status"] as? String == "draft")

        let questions = try client.sendJSON(.get, "/api/v1/orders/\(number)/questions", bearer: token)
        #expect(questions.status == 200)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(questions.body)) as? [[String: Any]])
        #expect(list.compactMap { $0["id"] as? Int }.sorted() == [1, 2])
        #expect(list.first { $0["id"] as? Int == 1 }?["kind"] as? String == "yes_no")
        #expect(list.allSatisfy { $0["answer"] is NSNull })

        let early = try client.sendJSON(.post, "/api/v1/orders/\(number)/approve", bearer: token)
        #expect(early.status == 422)
        #expect(try Self.fieldNames(early) == ["answer.1"])

        let answered = try client.sendJSON(
            .put, "/api/v1/orders/\(number)/answers", json: #"{"answers":{"1":"yes","2":"none"}}"#, bearer: token)
        #expect(answered.status == 200)
        let summary = try client.sendJSON(.get, "/api/v1/orders/\(number)/summary", bearer: token)
        #expect(summary.status == 200)
        #expect(try summary.jsonObject()["tatDays"] as? Int == 5)
        #expect(try summary.jsonObject()["turnaroundText"] as? String == "expected turnaround: 5 working days")
        #expect((try summary.jsonObject()["missing"] as? [Any])?.isEmpty == true)

        let approved = try client.sendJSON(.post, "/api/v1/orders/\(number)/approve", bearer: token)
        #expect(approved.status == 200)
        #expect(try approved.jsonObject()["status"] as? String == "submitted")
        let twice = try client.sendJSON(.post, "/api/v1/orders/\(number)/approve", bearer: token)
        #expect(twice.status == 409)
        #expect(try twice.jsonObject()["error"] as? String == "already_approved")

        let events = try client.sendJSON(.get, "/api/v1/orders/\(number)/events", bearer: token)
        let history = try #require(try JSONSerialization.jsonObject(with: Data(events.body)) as? [[String: Any]])
        #expect(history.last?["toStatus"] as? String == "submitted")
        #expect(try client.sendJSON(.delete, "/api/v1/orders/\(number)", bearer: token).status == 409)
    }

    @Test func resellerOrderIsConfirmedAtOnceAfterItsRequiredQuestion() throws {
        let (harness, client, token) = try Self.api(.reseller)
        defer { withExtendedLifetime(harness) {} }
        let created = try client.sendJSON(.post, "/api/v1/orders", json: Self.intake, bearer: token)
        let number = try #require(try created.jsonObject()["number"] as? String)
        let answered = try client.sendJSON(
            .put, "/api/v1/orders/\(number)/answers", json: #"{"answers":{"1":false,"4":"courier box"}}"#, bearer: token
        )
        #expect(answered.status == 200)
        let approved = try client.sendJSON(.post, "/api/v1/orders/\(number)/approve", bearer: token)
        #expect(try approved.jsonObject()["status"] as? String == "confirmed")
    }

    @Test func contactDefaultsFromTheAccount() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let body = #"{"modelID":7,"serial":"PF-1","fault":"Dead","locationID":2,"methodID":3}"#
        let created = try client.sendJSON(.post, "/api/v1/orders", json: body, bearer: token)
        #expect(created.status == 201)
        let contact = try #require((try created.jsonObject()["intake"] as? [String: Any])?["contact"] as? [String: Any])
        #expect(contact["surname"] as? String == "Łukasiewicz")
        #expect(contact["email"] as? String == "customer@example.com")
    }

    @Test(arguments: [
        (#"{}"#, ["modelID", "serial", "fault", "locationID", "methodID"]),
        (#"{"modelID":99,"serial":"A1","fault":"x","locationID":1,"methodID":1}"#, ["modelID"]),
        (#"{"modelID":1,"serial":"A1","fault":"x","locationID":3,"methodID":1}"#, ["locationID"]),
        (#"{"modelID":1,"serial":"A1","fault":"x","locationID":42,"methodID":1}"#, ["locationID"]),
        (#"{"modelID":1,"serial":"A1","fault":"x","locationID":2,"methodID":2}"#, ["methodID"]),
        (#"{"modelID":1,"serial":"A1","fault":"x","locationID":1,"methodID":9}"#, ["methodID"]),
        (#"{"modelID":[1],"serial":"bad serial!","fault":"x","locationID":1,"methodID":1}"#, ["modelID", "serial"]),
        (
            #"{"modelID":1,"serial":"A1","fault":"x","locationID":1,"methodID":1,"contact":{"email":"nope"}}"#,
            ["contactEmail"]
        ),
    ])
    func badIntakeIsA422NamingEachField(json: String, fields: [String]) throws {
        let (harness, client, token) = try Self.api(.customer)
        let before = try harness.store.orders(customerID: 1).count
        let response = try client.sendJSON(.post, "/api/v1/orders", json: json, bearer: token)
        #expect(response.status == 422)
        #expect(try Self.fieldNames(response) == Set(fields))
        #expect(try harness.store.orders(customerID: 1).count == before)
    }

    @Test(arguments: [
        (#"{"modelID":1,"serial":"X1","fault":[],"locationID":1,"methodID":1}"#, ["fault"]),
        (#"{"modelID":1,"serial":"X1","fault":{"a":1},"locationID":1,"methodID":1}"#, ["fault"]),
        (#"{"modelID":1,"serial":false,"fault":"x","locationID":1,"methodID":1}"#, ["serial"]),
        (#"{"modelID":"1","serial":"X1","fault":"x","locationID":1,"methodID":1}"#, ["modelID"]),
        (
            #"{"modelID":1.5,"serial":"X1","fault":"x","locationID":"2","methodID":true}"#,
            ["modelID", "locationID", "methodID"]
        ),
        (
            #"{"modelID":1,"serial":12345,"fault":null,"locationID":1,"methodID":null}"#,
            ["serial", "fault", "methodID"]
        ),
        (#"{"modelID":null,"serial":"X1","fault":"x","locationID":1,"methodID":1}"#, ["modelID"]),
        (#"{"modelID":1,"serial":"X1","fault":"x","locationID":1,"methodID":1,"contact":null}"#, ["contact"]),
        (
            #"{"modelID":1,"serial":"X1","fault":"x","locationID":1,"methodID":1,"contact":{"surname":7}}"#,
            ["contactSurname"]
        ),
        (
            #"{"modelID":1,"serial":"X1","fault":"x","locationID":1,"methodID":1,"contact":{"phone":null}}"#,
            ["contactPhone"]
        ),
        (#"{"modelID":1,"serial":"X1","fault":"x","locationID":1,"methodID":1,"contact":[]}"#, ["contact"]),
    ])
    func aValueOfTheWrongTypeIsA422NamingTheField(json: String, fields: [String]) throws {
        let (harness, client, token) = try Self.api(.customer)
        let before = try harness.store.orders(customerID: 1).count
        let response = try client.sendJSON(.post, "/api/v1/orders", json: json, bearer: token)
        #expect(response.status == 422, "\(json)")
        #expect(try Self.fieldNames(response) == Set(fields), "\(json)")
        #expect(try harness.store.orders(customerID: 1).count == before)
    }

    @Test func answersOfTheWrongTypeOrNullAre422() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let created = try client.sendJSON(.post, "/api/v1/orders", json: Self.intake, bearer: token)
        let number = try #require(try created.jsonObject()["number"] as? String)
        let path = "/api/v1/orders/\(number)/answers"
        for json in [#"{"answers":{"2":null}}"#, #"{"answers":{"2":["a"]}}"#, #"{"answers":{"2":{"a":1}}}"#] {
            let response = try client.sendJSON(.put, path, json: json, bearer: token)
            #expect(response.status == 422, "\(json)")
            #expect(try Self.fieldNames(response) == ["answer.2"], "\(json)")
        }
        #expect(try harness.store.order(number: OrderNumber(number)!)?.answers.isEmpty == true)
    }

    @Test func aJSONLookalikeMediaTypeIs415AndInvalidUTF8Is400() throws {
        let (harness, client, token) = try Self.api(.customer)
        let before = try harness.store.orders(customerID: 1).count
        for contentType in [
            "application/jsonfoo", "application/json-seq", "text/application/json", "application/json5",
        ] {
            var headers = HTTPHeaders()
            headers.add("Content-Type", contentType)
            headers.add("Authorization", "Bearer \(token)")
            let response = try client.request(.post, "/api/v1/orders", headers: headers, body: Array(Self.intake.utf8))
            #expect(response.status == 415, "\(contentType)")
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "Application/JSON; charset=utf-8")
        headers.add("Authorization", "Bearer \(token)")
        #expect(
            try client.request(.post, "/api/v1/orders", headers: headers, body: Array(Self.intake.utf8)).status == 201)
        let invalid =
            Array(#"{"modelID":1,"serial":"X1","fault":""#.utf8) + [0xC3, 0x28]
            + Array(#"","locationID":1,"methodID":1}"#.utf8)
        let response = try client.request(.post, "/api/v1/orders", headers: headers, body: invalid)
        #expect(response.status == 400)
        #expect(
            try response.jsonObject()["message"] as? String
                == "The body is not valid UTF-8; JSON must be sent as UTF-8.")
        #expect(try harness.store.orders(customerID: 1).count == before + 1)
    }

    @Test func malformedBodiesAre400And415() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let broken = try client.sendJSON(.post, "/api/v1/orders", json: #"{"modelID":"#, bearer: token)
        #expect(broken.status == 400)
        #expect(try broken.jsonObject()["error"] as? String == "bad_request")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain")
        headers.add("Authorization", "Bearer \(token)")
        let plain = try client.request(.post, "/api/v1/orders", headers: headers, body: Array(Self.intake.utf8))
        #expect(plain.status == 415)
        #expect(try plain.jsonObject()["field"] as? String == "Content-Type")
    }

    @Test func badAnswersAre422() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let path = "/api/v1/orders/RS-4HJT-2B8N/answers"
        let wrongKind = try client.sendJSON(.put, path, json: #"{"answers":{"1":"maybe"}}"#, bearer: token)
        #expect(wrongKind.status == 422)
        #expect(try Self.fieldNames(wrongKind) == ["answer.1"])
        let notApplicable = try client.sendJSON(.put, path, json: #"{"answers":{"3":"12"}}"#, bearer: token)
        #expect(try Self.fieldNames(notApplicable) == ["answer.3"])
        let badKey = try client.sendJSON(.put, path, json: #"{"answers":{"one":"yes"}}"#, bearer: token)
        #expect(try Self.fieldNames(badKey) == ["answers.one"])
        let missing = try client.sendJSON(.put, path, json: #"{}"#, bearer: token)
        #expect(missing.status == 422)
        #expect(try Self.fieldNames(missing) == ["answers"])
        let approvedOrder = try client.sendJSON(
            .put, "/api/v1/orders/RS-Q3V5-K8MZ/answers", json: #"{"answers":{"1":"yes"}}"#, bearer: token)
        #expect(approvedOrder.status == 409)
    }

    @Test func intakeRevisionAndDiscardOfADraft() throws {
        let (harness, client, token) = try Self.api(.customer)
        let revised = try client.sendJSON(.put, "/api/v1/orders/rs-4hjt-2b8n/intake", json: Self.intake, bearer: token)
        #expect(revised.status == 200)
        #expect((try revised.jsonObject()["intake"] as? [String: Any])?["fault"] as? String == "Screen flickers")
        let invalid = try client.sendJSON(
            .put, "/api/v1/orders/RS-4HJT-2B8N/intake", json: #"{"modelID":1}"#, bearer: token)
        #expect(invalid.status == 422)
        #expect(try client.sendJSON(.delete, "/api/v1/orders/RS-4HJT-2B8N", bearer: token).status == 204)
        #expect(try client.sendJSON(.get, "/api/v1/orders/RS-4HJT-2B8N", bearer: token).status == 404)
        #expect(try harness.store.orders(customerID: 1).allSatisfy { $0.number.description != "RS-4HJT-2B8N" })
    }

    @Test func anotherCustomersOrderIs404EverywhereAndChangesNothing() throws {
        let (harness, client, token) = try Self.api(.reseller)
        let number = "RS-4HJT-2B8N"
        let attempts: [(HTTPMethod, String, String?)] = [
            (.get, "/api/v1/orders/\(number)", nil), (.get, "/api/v1/orders/\(number)/questions", nil),
            (.get, "/api/v1/orders/\(number)/summary", nil), (.get, "/api/v1/orders/\(number)/events", nil),
            (.put, "/api/v1/orders/\(number)/intake", Self.intake),
            (.put, "/api/v1/orders/\(number)/answers", #"{"answers":{"1":"yes"}}"#),
            (.post, "/api/v1/orders/\(number)/approve", nil), (.delete, "/api/v1/orders/\(number)", nil),
            (.get, "/api/v1/orders/RS-ZZZZ-ZZZZ", nil), (.get, "/api/v1/orders/garbage", nil),
        ]
        for (method, path, json) in attempts {
            let response = try client.sendJSON(method, path, json: json, bearer: token)
            #expect(response.status == 404, "\(method) \(path)")
        }
        let order = try #require(try harness.store.orders(customerID: 1).first { $0.number.description == number })
        #expect(order.status == .draft)
    }

    @Test func listFiltersOwnOrdersOnly() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        func numbers(_ filter: String) throws -> [String] {
            let response = try client.sendJSON(.get, "/api/v1/orders?filter=\(filter)", bearer: token)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
            return list.compactMap { $0["number"] as? String }
        }
        #expect(try Set(numbers("all")) == ["RS-7K2M-9QXD", "RS-4HJT-2B8N", "RS-Q3V5-K8MZ", "RS-6GHV-7R2E"])
        #expect(try numbers("closed") == ["RS-6GHV-7R2E"])
        #expect(try !numbers("open").contains("RS-6GHV-7R2E"))
        let bad = try client.sendJSON(.get, "/api/v1/orders?filter=mine", bearer: token)
        #expect(bad.status == 400)
        #expect(try bad.jsonObject()["field"] as? String == "filter")
    }

    @Test func catalogueOffersPublicLocationsOnly() throws {
        let (harness, client, token) = try Self.api(.customer)
        defer { withExtendedLifetime(harness) {} }
        let response = try client.sendJSON(.get, "/api/v1/catalogue", bearer: token)
        let locations = try #require(try response.jsonObject()["locations"] as? [[String: Any]])
        #expect(locations.compactMap { $0["id"] as? Int }.sorted() == [1, 2])
        #expect(locations.first?["tatDays"] != nil && locations.first?["methodIDs"] != nil)
    }

    @Test func staffReadButMayNotCreateAndAnonymousIs401() throws {
        let (harness, client, token) = try Self.api(.agent)
        defer { withExtendedLifetime(harness) {} }
        #expect(try client.sendJSON(.post, "/api/v1/orders", json: Self.intake, bearer: token).status == 403)
        #expect(try client.sendJSON(.get, "/api/v1/orders", bearer: token).status == 403)
        #expect(try client.sendJSON(.get, "/api/v1/orders/RS-7K2M-9QXD", bearer: token).status == 200)
        #expect(try client.sendJSON(.post, "/api/v1/orders/RS-4HJT-2B8N/approve", bearer: token).status == 403)
        let anonymous = try client.sendJSON(.get, "/api/v1/orders/RS-7K2M-9QXD")
        #expect(anonymous.status == 401)
        #expect(try client.sendJSON(.get, "/api/v1/catalogue").status == 401)
    }
}
