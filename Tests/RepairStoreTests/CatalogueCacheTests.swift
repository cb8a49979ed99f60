import Foundation
import RepairCore
import Testing

@testable import RepairStore

@Suite("The catalogue is cached and re-read only when its version moves")
struct CatalogueCacheTests {
    @Test func everyWriteToACatalogueTableIsSeenOnTheNextRead() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let first = try store.catalogue()
        #expect(try store.catalogue() == first)
        let cachedVersion = try #require(store.cachedCatalogue.withLock { $0?.version })

        var location = try #require(first.location(id: 1))
        location.tatDays = 9
        _ = try store.saveLocation(location, by: admin, at: TestStore.now)
        #expect(try store.catalogue().location(id: 1)?.tatDays == 9)
        #expect(try #require(store.cachedCatalogue.withLock { $0?.version }) > cachedVersion)

        let model = try store.saveDeviceModel(
            DeviceModel(id: 0, manufacturer: "Fairphone", name: "5"), by: admin, at: TestStore.now)
        #expect(try store.catalogue().model(id: model.id)?.displayName == "Fairphone 5")
    }

    // Another process (or a hand-run sqlite3) writes through its own connection: the version trigger still fires.
    @Test func aWriteFromAnotherConnectionIsSeen() throws {
        let store = try TestStore.make()
        _ = try store.catalogue()
        let other = try Database(path: store.configuration.path)
        try other.execute("UPDATE shipping_methods SET name = 'Pigeon' WHERE id = 1")
        try other.execute("DELETE FROM location_methods WHERE location_id = 1 AND method_id = 1")
        let catalogue = try store.catalogue()
        #expect(catalogue.method(id: 1)?.name == "Pigeon")
        #expect(catalogue.location(id: 1)?.methodIDs.contains(1) == false)
    }

    @Test func readsWithoutWritesKeepTheVersion() throws {
        let store = try TestStore.make()
        _ = try store.catalogue()
        let version = store.cachedCatalogue.withLock { $0?.version }
        _ = try store.orders(customerID: 1)
        _ = try store.catalogue()
        #expect(store.cachedCatalogue.withLock { $0?.version } == version)
    }
}
