import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("Label template use cases over a real SQLite file")
struct TemplateOverridesTests {
    let store: SQLiteStore
    let app: RepairApp
    let admin: User

    // Stands in for the template language (which the use cases do not import): `{{ unknown }}` is refused.
    static let check = LabelTemplateCheck { fileName, source in
        if source.contains("{{ unknown }}") {
            throw Problem(
                .invalidTemplate, field: "source",
                parameters: ["detail": .text("\(fileName):1:1: unknown placeholder 'unknown'"), "line": 1, "column": 1])
        }
    }

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(store: store, now: { AppTestStore.now }, templateCheck: Self.check)
        admin = try store.requireUser("admin@example.com")
    }

    @Test func aCheckedTemplateIsStoredAuditedAndReset() throws {
        let audit = try store.count("audit_log")
        try app.templates.save(fileName: "shipping-label.txt", source: "LABEL {{ shipment.id }}\n", by: admin)
        #expect(try app.templates.overrides()["shipping-label.txt"] == "LABEL {{ shipment.id }}\n")
        #expect(try store.count("audit_log") == audit + 1)
        #expect(try app.templates.reset(fileName: "shipping-label.txt", by: admin))
        #expect(try app.templates.overrides().isEmpty)
        #expect(try app.templates.reset(fileName: "shipping-label.txt", by: nil) == false)
    }

    @Test func anUnknownPlaceholderIsRefusedByTheUseCaseForEveryCaller() throws {
        for actor in [admin, nil] as [User?] {
            let refused = #expect(throws: Problem.self) {
                try app.templates.save(fileName: "shipping-label.txt", source: "TO {{ unknown }}", by: actor)
            }
            #expect(refused?.code == .invalidTemplate)
            #expect(refused?.field == "source")
        }
        #expect(try store.count("label_templates") == 0)
    }

    @Test func anUnknownFileNameAControlCharacterAndANonAdminAreRefused() throws {
        let name = #expect(throws: Problem.self) {
            try app.templates.save(fileName: "../evil.txt", source: "x", by: admin)
        }
        #expect(name?.fieldErrors.map(\.field) == ["fileName"])
        let control = #expect(throws: Problem.self) {
            try app.templates.save(fileName: "shipping-label.txt", source: "x\u{1B}[2J", by: admin)
        }
        #expect(control?.fieldErrors.map(\.rule.code) == [.controlCharacter])
        let agent = try store.requireUser("agent@example.com")
        let forbidden = #expect(throws: Problem.self) {
            try app.templates.save(fileName: "shipping-label.txt", source: "x", by: agent)
        }
        #expect(forbidden?.code == .forbidden)
        #expect(try store.count("label_templates") == 0)
    }

    @Test func anAppWithoutATemplateCheckStoresNothing() throws {
        let unchecked = RepairApp(store: store, now: { AppTestStore.now })
        let refused = #expect(throws: Problem.self) {
            try unchecked.templates.save(fileName: "shipping-label.txt", source: "fine", by: admin)
        }
        #expect(refused?.code == .invalidTemplate)
        #expect(try store.count("label_templates") == 0)
    }
}
