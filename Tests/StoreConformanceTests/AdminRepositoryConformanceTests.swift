import Foundation
import RepairCore
import Testing

/// `AdminRepository`, `AuditRepository`, `LabelTemplateRepository`.
@Suite struct AdminRepositoryConformanceTests {
    @Test(arguments: Backend.all) func anEditIsSavedWithItsAuditEntry(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let admin = try store.requireUser("admin@example.com")
        let saved = try store.saveLocation(
            Location(id: 0, name: "Łódź", address: "Piotrkowska 1", tatDays: 4, isPublic: true, methodIDs: [1, 3]),
            by: admin, at: StoreUnderTest.now)
        #expect(try store.catalogue().locations.last == saved)
        #expect(try store.auditEntries(limit: 1).map(\.action) == ["location.create"])
    }

    @Test(arguments: Backend.all) func aTakenNameIsAConflictOnNameAndWritesNothing(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let admin = try store.requireUser("admin@example.com")
        let catalogue = try store.catalogue()
        let found = problem {
            _ = try store.saveShippingMethod(
                ShippingMethod(id: 0, name: "Poczta Polska"), by: admin, at: StoreUnderTest.now)
        }
        #expect(found?.code == "conflict")
        #expect(found?.fields == ["name"])
        #expect(try store.catalogue() == catalogue)
        #expect(try store.auditEntries().isEmpty)
    }

    @Test(arguments: Backend.all) func onlyAdminsEdit(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let agent = try store.requireUser("agent@example.com")
        let found = problem {
            _ = try store.saveDeviceModel(
                DeviceModel(id: 0, manufacturer: "Nokia", name: "3310"), by: agent, at: StoreUnderTest.now)
        }
        #expect(found?.code == "forbidden")
        #expect(try store.auditEntries().isEmpty)
    }

    @Test(arguments: Backend.all) func aTemplateOverrideIsSavedListedAndReset(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        try store.saveLabelTemplate(fileName: "packing-list.txt", source: "A\nB", byUserID: 4, at: now)
        #expect(try store.labelTemplateOverrides() == ["packing-list.txt": "A\nB"])
        #expect(
            problem { try store.saveLabelTemplate(fileName: "x.txt", source: "", byUserID: 4, at: now) }?.fields
                == ["fileName"])
        try store.deleteLabelTemplateOverride(fileName: "packing-list.txt", byUserID: 4, at: now)
        #expect(try store.labelTemplateOverrides().isEmpty)
        #expect(
            try store.auditEntries(entity: "labelTemplate").map(\.action) == [
                "labelTemplate.reset", "labelTemplate.save",
            ])
    }
}
