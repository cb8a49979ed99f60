import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing
import WebSecurity

@testable import Portal

@Suite("Anonymous tracking over loopback")
struct TrackingTests {
    /// A demo order in repair, with agent and location (see Fixtures/demo.json).
    static let number = "RS-7K2M-9QXD"

    static func trackPath(_ number: String, _ surname: String) -> String {
        "/api/v1/track?number=\(percentEncodedQueryValue(number))&surname=\(percentEncodedQueryValue(surname))"
    }

    @Test(arguments: ["Łukasiewicz", "LUKASIEWICZ", "lukasiewicz", "  łukasiewicz "])
    func surnameMatchesIgnoringCaseAndDiacritics(surname: String) throws {
        let harness = try PortalHarness()
        let response = try harness.client().request(.get, Self.trackPath(Self.number, surname))
        #expect(response.status == 200)
        let json = try response.jsonObject()
        #expect(json["number"] as? String == Self.number)
        #expect(json["status"] as? String == "in_repair")
        #expect(json["statusLabel"] as? String == "In repair")
    }

    // Tracking reads in per-turn shared snapshots (`Portal.aroundTurn`): a change is visible to the next request.
    @Test func aStatusChangeShowsOnTheNextLookUp() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let status = { try client.request(.get, Self.trackPath(Self.number, "Łukasiewicz")).jsonObject()["status"] }
        #expect(try status() as? String == "in_repair")
        let order = try #require(try harness.store.order(number: OrderNumber(Self.number)!))
        let agent = try #require(try harness.store.user(email: "agent@example.com"))
        _ = try harness.store.moveOrder(
            orderID: order.id, to: .waitingForCustomer, by: agent, note: "", isPublic: true, at: Date())
        #expect(try status() as? String == "waiting_for_customer")
    }

    // The hop from `aroundTurn` to the inline handler is the one ambient value (`TurnSnapshot`): it must be set
    // inside the turn, on the loop's plain thread, and gone after it.
    @Test func theTurnsSnapshotIsSeenInsideTheTurnOnly() throws {
        let harness = try PortalHarness()
        let number = try #require(OrderNumber(Self.number))
        nonisolated(unsafe) var lookUp: TrackingLookUp?
        try SharedReadThread.run {
            harness.portal.aroundTurn {
                lookUp = TurnSnapshot.current.flatMap { try? harness.store.trackingLookUp(number: number, in: $0) }
            }
            #expect(TurnSnapshot.current == nil)
        }
        guard case .found(let info) = lookUp else {
            Issue.record("no look-up in the turn's snapshot")
            return
        }
        #expect(info.number == number)
    }

    @Test(arguments: ["rs 7k2m 9qxd", "RS7K2M9QXD", "7k2m-9qxd", " 7K2M9QXD ", "rs-7k2m-9qxd"])
    func typedNumberVariantsAreAccepted(typed: String) throws {
        let harness = try PortalHarness()
        let response = try harness.client().request(.get, Self.trackPath(typed, "Łukasiewicz"))
        #expect(response.status == 200)
        #expect(try response.jsonObject()["number"] as? String == Self.number)
    }

    @Test func answerHoldsExactlyThePublicKeys() throws {
        let harness = try PortalHarness()
        let response = try harness.client().request(.get, Self.trackPath(Self.number, "Łukasiewicz"))
        let json = try response.jsonObject()
        #expect(Set(json.keys) == Set(TrackingResult.jsonKeys))
        #expect(
            Set(json.keys) == [
                "agentDisplayName", "carrier", "deviceDescription", "locationName", "number", "status", "statusLabel",
                "tatDays",
            ])
        // Nothing personal anywhere in the body: no surname, e-mail, phone, serial or fault.
        for secret in ["ukasiewicz", "customer@example.com", "600 100 200", "356789104523871", "Cracked"] {
            #expect(!response.text.contains(secret))
        }
        #expect(json["tatDays"] as? Int != nil)
        #expect((json["deviceDescription"] as? String)?.isEmpty == false)
    }

    @Test func unassignedAgentIsNullNotMissing() throws {
        let harness = try PortalHarness()
        let response = try harness.client().request(.get, Self.trackPath("RS-Q3V5-K8MZ", "lukasiewicz"))
        #expect(response.status == 200)
        let json = try response.jsonObject()
        #expect(json.keys.contains("agentDisplayName"))
        #expect(json["agentDisplayName"] is NSNull)
    }

    @Test func wrongNumberMalformedNumberAndWrongSurnameLookTheSame() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let answers = try [
            (Self.number, "Kowalski"), ("RS-ZZZZ-ZZZZ", "Łukasiewicz"), ("not a number", "Łukasiewicz"),
        ].map { try client.request(.get, Self.trackPath($0.0, $0.1)) }
        for answer in answers {
            #expect(answer.status == 404)
            #expect(answer.text == #"{"error":"not_found","message":"No order matches this number and surname."}"#)
        }
        #expect(Set(answers.map(\.text)).count == 1)
    }

    @Test(arguments: [("", "Łukasiewicz", "number"), (number, "", "surname"), (number, "   ", "surname")])
    func emptyFieldsAreA400NamingTheField(number: String, surname: String, field: String) throws {
        let harness = try PortalHarness()
        let response = try harness.client().request(.get, Self.trackPath(number, surname))
        #expect(response.status == 400)
        #expect(try response.jsonObject()["field"] as? String == field)
    }

    /// An empty form is wrong twice: both fields are flagged at once, on the page and in the API's `fields`.
    @Test func anEmptyFormFlagsBothFields() throws {
        let harness = try PortalHarness()
        let page = try harness.client().request(.get, "/track?number=&surname=+")
        #expect(page.status == 400)
        #expect(page.text.contains("Enter the order number."))
        #expect(page.text.contains("Enter the surname."))
        #expect(page.text.components(separatedBy: "aria-invalid=\"true\"").count == 3)
        let api = try harness.client().request(.get, Self.trackPath("", ""))
        #expect(api.status == 400)
        let fields = try #require(try api.jsonObject()["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["field"] as? String } == ["number", "surname"])
        #expect(fields.compactMap { $0["rule"] as? String } == ["required", "required"])
        // One wrong field of two flags only that one.
        let one = try harness.client().request(.get, "/track?number=\(Self.number)&surname=")
        #expect(one.text.components(separatedBy: "aria-invalid=\"true\"").count == 2)
        #expect(one.text.contains("Enter the surname."))
    }

    @Test func missingParametersAndOverlongInputAre400() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        #expect(try client.request(.get, "/api/v1/track").status == 400)
        let long = String(repeating: "a", count: Tracker.maximumFieldLength + 1)
        let response = try client.request(.get, Self.trackPath(Self.number, long))
        #expect(response.status == 400)
        #expect(try response.jsonObject()["field"] as? String == "surname")
        // The limit counts characters, not bytes: 100 two-byte letters are a name, 101 are too many.
        let longest = String(repeating: "ł", count: Tracker.maximumFieldLength)
        #expect(try client.request(.get, Self.trackPath(Self.number, longest)).status == 404)
        #expect(try client.request(.get, Self.trackPath(Self.number, longest + "ł")).status == 400)
        #expect(try client.request(.get, Self.trackPath(Self.number, " \(longest) ")).status == 404)
    }

    @Test(.enabled(if: isIPv6LoopbackAvailable, "no IPv6 loopback here"))
    func trackingOverIPv6IsServedAndLimited() throws {
        let harness = try PortalHarness(host: "::1") {
            $0.trackingPerAddress = RateLimitPolicy(burst: 2, refillInterval: 600)
        }
        let client = try harness.client()
        let statuses = try (0..<3).map { _ in try client.request(.get, Self.trackPath(Self.number, "Łukasiewicz")) }
        #expect(statuses.map(\.status) == [200, 200, 429])
    }

    @Test func lookUpsPerAddressAreLimitedWithRetryAfter() throws {
        let harness = try PortalHarness { $0.trackingPerAddress = RateLimitPolicy(burst: 3, refillInterval: 600) }
        let client = try harness.client()
        let statuses = try (0..<4).map { _ in try client.request(.get, Self.trackPath(Self.number, "Łukasiewicz")) }
        #expect(statuses.map(\.status) == [200, 200, 200, 429])
        #expect(Int(statuses[3].headers["Retry-After"] ?? "") ?? 0 > 0)
        #expect(try statuses[3].jsonObject()["error"] as? String == "too_many_requests")
    }

    @Test func failedGuessesPerNumberFromOneAddressSlowThatAddress() throws {
        let harness = try PortalHarness {
            $0.trackingFailuresPerNumberAndAddress = RateLimitPolicy(burst: 2, refillInterval: 600)
        }
        let client = try harness.client()
        let wrong = try (0..<2).map { _ in try client.request(.get, Self.trackPath(Self.number, "Nowak")).status }
        #expect(wrong == [404, 404])
        // The number is locked for this address, typed in any form, so it cannot go on with other surnames.
        let right = try client.request(.get, Self.trackPath("rs 7k2m 9qxd", "Łukasiewicz"))
        #expect(right.status == 429)
        #expect(right.headers["Retry-After"] != nil)
        // Another number from the same address is not affected.
        #expect(try client.request(.get, Self.trackPath("RS-4HJT-2B8N", "Nowak")).status == 404)
    }

    @Test(.enabled(if: isIPv6LoopbackAvailable, "no IPv6 loopback here"))
    func aGuesserDoesNotLockTheOwnerOut() throws {
        // One server on `::` (IPv4 and IPv6): the guesser comes over 127.0.0.1, the owner over ::1.
        let harness = try PortalHarness(host: "::")
        let guesser = try HTTPTestClient(host: "127.0.0.1", port: harness.port)
        let owner = try HTTPTestClient(host: "::1", port: harness.port)
        let guesses = try (0..<6).map { _ in try guesser.request(.get, Self.trackPath(Self.number, "Nowak")).status }
        #expect(guesses == [404, 404, 404, 404, 404, 429])
        #expect(try guesser.request(.get, Self.trackPath(Self.number, "Łukasiewicz")).status == 429)
        #expect(try owner.request(.get, Self.trackPath(Self.number, "Łukasiewicz")).status == 200)
        #expect(try owner.request(.get, "/track?number=\(Self.number)&surname=Lukasiewicz").status == 200)
    }

    @Test func pastTheNumbersCeilingOnlyAFreshAddressMayTryOnce() throws {
        let harness = try PortalHarness(seed: true)
        var configuration = PortalConfiguration()
        configuration.trackingFailuresPerNumber = RateLimitPolicy(burst: 3, refillInterval: 600)
        let tracker = Tracker(store: harness.store, configuration: configuration)
        func track(_ surname: String, from address: String, number: String = Self.number) -> Int {
            do {
                _ = try tracker.track(number: number, surname: surname, address: address)
                return 200
            } catch let error as Problem {
                return error.httpStatus.code
            } catch {
                return 0
            }
        }
        // Three addresses guess once each: the number reaches its ceiling.
        for index in 1...3 { #expect(track("Nowak", from: "198.51.100.\(index)") == 404) }
        // Under attack, an address that already failed here waits, even with the right surname ...
        #expect(track("Łukasiewicz", from: "198.51.100.1") == 429)
        // ... a fresh address gets one try: the owner's right surname answers, and again, since it refunds ...
        #expect(track("Łukasiewicz", from: "203.0.113.9") == 200)
        #expect(track("Łukasiewicz", from: "203.0.113.9") == 200)
        // ... and a fresh guesser gets one wrong answer, then waits.
        #expect(track("Kowalski", from: "198.51.100.4") == 404)
        #expect(track("Nowak", from: "198.51.100.4") == 429)
        // Other numbers are not under attack.
        #expect(track("Nowak", from: "198.51.100.1", number: "RS-4HJT-2B8N") == 404)
        // A known number with a wrong surname, an unknown number and a malformed one meet the same limits in
        // the same order (no oracle in the limits): three failures reach the ceiling, then the address waits.
        for (index, number) in ["RS-8NRS-5VYA", "RS-0000-0000", "not a number"].enumerated() {
            let answers = (0..<4).map { _ in track("Nowak", from: "192.0.2.\(index)", number: number) }
            #expect(answers == [404, 404, 404, 429], "\(number)")
        }
        #expect(track("Nowak", from: "192.0.2.2", number: "NOT A NUMBER") == 429)
    }

    @Test func signedLinksAreNeverLimited() throws {
        let harness = try PortalHarness {
            $0.trackingPerAddress = RateLimitPolicy(burst: 6, refillInterval: 600)
            $0.trackingFailuresPerNumber = RateLimitPolicy(burst: 1, refillInterval: 600)
        }
        let client = try harness.client()
        for _ in 0..<6 { _ = try client.request(.get, Self.trackPath(Self.number, "Nowak")) }
        #expect(try client.request(.get, Self.trackPath(Self.number, "Łukasiewicz")).status == 429)
        let link = harness.portal.trackingPath(for: OrderNumber(Self.number)!)
        for _ in 0..<20 { #expect(try client.request(.get, link).status == 200) }
    }

    @Test func pageAndAPIShareTheAddressLimit() throws {
        let harness = try PortalHarness { $0.trackingPerAddress = RateLimitPolicy(burst: 2, refillInterval: 600) }
        let client = try harness.client()
        #expect(try client.request(.get, "/track?number=\(Self.number)&surname=Nowak").status == 404)
        #expect(try client.request(.get, Self.trackPath(Self.number, "Łukasiewicz")).status == 200)
        let page = try client.request(.get, "/track?number=\(Self.number)&surname=%C5%81ukasiewicz")
        #expect(page.status == 429)
        #expect(page.headers["Retry-After"] != nil)
        #expect(!page.text.contains(#"<dl class="tracking summary">"#))
    }

    @Test func limitsAreOffWhenRateLimitingIsOff() throws {
        let harness = try PortalHarness {
            $0.isRateLimited = false
            $0.trackingPerAddress = RateLimitPolicy(burst: 1, refillInterval: 600)
        }
        let client = try harness.client()
        let statuses = try (0..<3).map { _ in try client.request(.get, Self.trackPath(Self.number, "x")).status }
        #expect(statuses == [404, 404, 404])
    }

    @Test func pageShowsTheResultWithTheStatusMarked() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let form = try client.request(.get, "/track")
        #expect(form.status == 200)
        #expect(form.text.contains(#"name="number""#) && form.text.contains(#"name="surname""#))
        #expect(form.text.contains(#"method="get""#))
        let result = try client.request(.get, "/track?number=rs+7k2m+9qxd&surname=LUKASIEWICZ")
        #expect(result.status == 200)
        #expect(result.text.contains(#"<dl class="tracking summary">"#))
        #expect(result.text.contains(#"<dd class="status"><span class="badge badge-active">In repair</span></dd>"#))
        #expect(!result.text.contains("ukasiewicz"))
    }

    @Test func pageShowsTheSameErrorForAnyMismatch() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let wrongSurname = try client.request(.get, "/track?number=\(Self.number)&surname=Nowak")
        let wrongNumber = try client.request(.get, "/track?number=RS-ZZZZ-ZZZZ&surname=Nowak")
        #expect(wrongSurname.status == 404 && wrongNumber.status == 404)
        #expect(wrongSurname.text.contains("No order matches this number and surname."))
        // The pages differ only in the echoed number (in the form, and in the language switch's way back).
        #expect(
            Self.withoutLanguageSwitch(wrongSurname.text).replacing("value=\"\(Self.number)\"", with: "")
                == Self.withoutLanguageSwitch(wrongNumber.text).replacing("value=\"RS-ZZZZ-ZZZZ\"", with: ""))
        let empty = try client.request(.get, "/track?number=&surname=Nowak")
        #expect(empty.status == 400)
        #expect(empty.text.contains("Enter the order number."))
    }

    /// `html` without the visitors' language switch, whose links lead back to the page as requested.
    static func withoutLanguageSwitch(_ html: String) -> String {
        guard let start = html.range(of: "<nav class=\"language-switch\""),
            let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return html }
        return html.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
    }

    @Test func signedLinkOpensTrackingAndTamperedLinkIs404() throws {
        let harness = try PortalHarness()
        let client = try harness.client()
        let number = try #require(OrderNumber(Self.number))
        let path = harness.portal.trackingPath(for: number)
        let page = try client.request(.get, path)
        #expect(page.status == 200)
        #expect(page.text.contains(#"<dd class="status"><span class="badge badge-active">In repair</span></dd>"#))
        var tampered = Array(path)
        let last = tampered.count - 1
        tampered[last] = tampered[last] == "A" ? "B" : "A"
        #expect(try client.request(.get, String(tampered)).status == 404)
        #expect(try client.request(.get, "/t/not-a-token").status == 404)
    }

    @Test(arguments: [
        "Łukasiewicz", "LUKASIEWICZ", "  van  der\tBerg ", "Müller-Lüdenscheidt", "ØSTERGÅRD", "Straße", "Кузнецова",
        "ЙОЖИКОВ", "й\u{0306}", "l\u{0303}ł\u{0303}", "Do\u{00AD}e", "İnönü", "e\u{0301}mile", "名前", "A\u{00A0}B",
        "Ǆemal", "ǅ", "\r\nNowak\r\n", "", "   ", "Ꙁ", "ſ", "Þórr", "Ŀl", "ﬀ",
    ])
    func fastSurnameFoldEqualsNameFolding(name: String) {
        #expect(SurnameFolder.fold(name) == NameFolding.fold(name))
    }

    @Test func fastSurnameFoldEqualsNameFoldingForEveryPrecomputedLetter() {
        for range in SurnameFolder.precomputedRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let name = "a\(scalar)Z \(scalar)"
                #expect(SurnameFolder.fold(name) == NameFolding.fold(name), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test(arguments: [
        "Paweł Zieliński", "quote \" and \\ and /", "tab\tnew\nline\r\u{01}\u{1F}\u{0C}\u{08}", "emoji 🛠️", "\u{2028}",
    ])
    func handWrittenJSONEqualsTheEncoder(text: String) throws {
        let info = TrackingInfo(
            number: try #require(OrderNumber(Self.number)), status: .waitingForCustomer, deviceDescription: text,
            agentDisplayName: text, locationName: text, tatDays: 12, contactSurname: "secret")
        let result = TrackingResult(info)
        #expect(result.jsonBytes == Array(try Portal.makeEncoder().encode(result)))
        var unassigned = result
        unassigned.agentDisplayName = nil
        #expect(unassigned.jsonBytes == Array(try Portal.makeEncoder().encode(unassigned)))
    }
}
