import RepairCore

extension Portal {
    /// The shop's default language and time zone: read from the store once, then kept, since every request
    /// (tracking's hot path too) needs them and only `setShopSettings` changes them.
    var shopSettings: ShopSettings {
        if let cached = shopSettingsCache.withLock({ $0 }) { return cached }
        // Unreadable settings are the defaults rather than a failed page; the next request reads again.
        guard let read = try? ShopSettings.read(from: store) else { return ShopSettings() }
        shopSettingsCache.withLock { $0 = read }
        return read
    }

    /// Stores the shop's defaults and uses them from the next request on.
    public func setShopSettings(_ settings: ShopSettings) throws {
        try store.setShopSetting(ShopSettings.languageKey, settings.language)
        try store.setShopSetting(ShopSettings.timeZoneKey, settings.timeZone)
        shopSettingsCache.withLock { $0 = settings }
    }
}
