import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("API token use cases over a real SQLite file")
struct APITokensTests {
    let store: SQLiteStore
    let app: RepairApp
    let owner: User

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(
            store: store, now: { AppTestStore.now },
            credentials: AppTestStore.credentials)
        owner = try store.requireUser("customer@example.com")
    }

    @Test func aTokenIsCreatedTrimmedListedAndRevokedByItsOwner() throws {
        let created = try app.apiTokens.create(name: "  deploy script \n", by: owner)
        #expect(created.token == "token-1")
        #expect(created.record.name == "deploy script")
        #expect(try store.liveAPIToken(tokenHash: "hash-1")?.userID == owner.id)
        #expect(try app.apiTokens.tokens(of: owner).map(\.name) == ["deploy script"])

        let other = try store.requireUser("agent@example.com")
        let notTheirs = #expect(throws: Problem.self) { try app.apiTokens.revoke(id: created.record.id, by: other) }
        #expect(notTheirs?.code == .notFound)
        #expect(try store.liveAPIToken(tokenHash: "hash-1") != nil)

        try app.apiTokens.revoke(id: created.record.id, by: owner)
        #expect(try store.liveAPIToken(tokenHash: "hash-1") == nil)
        let again = #expect(throws: Problem.self) { try app.apiTokens.revoke(id: created.record.id, by: owner) }
        #expect(again?.code == .notFound)
    }

    @Test(arguments: [
        ("", FieldRule.Code.tokenNameRequired),
        (" \n ", .tokenNameRequired),
        (String(repeating: "n", count: APITokenName.maxLength + 1), .tokenNameTooLong),
        ("ci\u{7}bot", .controlCharacter),
        ("two\tparts", .singleLine),
    ])
    func aBadNameIsRefusedAndNothingIsStored(name: String, rule: FieldRule.Code) throws {
        let refused = #expect(throws: Problem.self) { try app.apiTokens.create(name: name, by: owner) }
        #expect(refused?.code == .invalidField)
        #expect(refused?.fieldErrors.map(\.field) == ["name"])
        #expect(refused?.fieldErrors.map(\.rule.code) == [rule])
        #expect(try store.count("api_tokens") == 0)
    }

    @Test func aNameOfTheLongestLengthIsAccepted() throws {
        let name = String(repeating: "ł", count: APITokenName.maxLength)
        #expect(try app.apiTokens.create(name: name, by: owner).record.name == name)
    }
}
