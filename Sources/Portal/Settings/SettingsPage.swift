import Foundation
import HTMLKit
import RepairCore

/// The settings page: interface language, time zone and list page size in one form, the password in another.
struct SettingsPage {
    var preferences: UserPreferences
    var shop: ShopSettings
    var csrfToken: String?
    var errors: [String: String]

    var html: HTML {
        let languages =
            [FormOption(value: "", label: L("settings.language.default", ["language": .text(name(shop.language))]))]
            + UserPreferences.languages.map { FormOption(value: $0, label: name($0)) }
        let zones =
            [FormOption(value: "", label: L("settings.zone.default", ["zone": .text(shop.timeZone)]))]
            + TimeZone.knownTimeZoneIdentifiers.sorted().map { FormOption(value: $0, label: $0) }
        let sizes = UserPreferences.pageSizes.map { FormOption(value: String($0), label: String($0)) }
        let preferencesForm = Form.form(
            action: "/account/settings", csrfToken: csrfToken,
            content: """
                \(Form.select(name: "language", label: L("settings.language"), options: languages, selected: preferences.language ?? "", error: errors["language"], placeholder: nil, hint: L("settings.language_hint")))
                \(Form.select(name: "timeZone", label: L("settings.zone"), options: zones, selected: preferences.timeZone ?? "", error: errors["timeZone"], placeholder: nil))
                \(Form.select(name: "pageSize", label: L("settings.page_size"), options: sizes, selected: String(preferences.pageSize), error: errors["pageSize"], placeholder: nil, hint: L("settings.page_size_hint")))
                \(Form.submitButton(L("settings.save")))
                """)
        let passwordForm = Form.form(
            action: "/account/password", csrfToken: csrfToken,
            content: """
                \(Form.textField(name: "currentPassword", label: L("settings.current_password"), error: errors["currentPassword"], required: true, type: "password", autocomplete: "current-password"))
                \(Form.textField(name: PasswordPolicy.passwordField, label: L("password.new"), error: errors[PasswordPolicy.passwordField], required: true, type: "password", hint: L("password.hint", ["minimum": .number(PasswordPolicy.default.minimumLength)]), autocomplete: "new-password"))
                \(Form.textField(name: PasswordPolicy.repeatField, label: L("password.repeat"), error: errors[PasswordPolicy.repeatField], required: true, type: "password", autocomplete: "new-password"))
                <p>\(L("settings.password_note"))</p>
                \(Form.submitButton(L("settings.change_password")))
                """)
        return """
            <h2>\(L("settings.preferences"))</h2>
            \(preferencesForm)
            <h2>\(L("settings.password"))</h2>
            \(passwordForm)
            """
    }

    private func name(_ language: String) -> String { LanguageSwitch.names[language] ?? language }
}
