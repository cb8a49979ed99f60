import RepairCore

extension OpenAPIDocument {
    /// `/api/v1/me/settings` and `/api/v1/me/password`: the caller's own settings (seed 001).
    static var settingsPaths: [String: Any] {
        [
            "/api/v1/me/settings": [
                "get": operation(
                    "getSettings", "The caller's interface language, time zone and list page size.",
                    responses: answers(["200": jsonResponse("The settings.", ref("Settings"))], errors: 401)),
                "put": operation(
                    "putSettings", "Replaces the caller's settings; a missing language or zone follows the defaults.",
                    description: "An unknown language or zone, or a page size outside the list, is 422 naming every "
                        + "bad field; nothing is saved then.",
                    body: jsonBody(ref("Settings")),
                    responses: answers(
                        ["200": jsonResponse("The saved settings.", ref("Settings"))], errors: 400, 401, 415, 422)),
            ],
            "/api/v1/me/password": [
                "post": operation(
                    "changePassword", "Changes the caller's password; every other session and API token ends.",
                    description: "A wrong `currentPassword` or a `newPassword` the policy refuses is 422; the token "
                        + "or session that made the call stays valid.",
                    body: jsonBody(ref("PasswordChange")),
                    responses: answers(["204": ["description": "Changed."]], errors: 400, 401, 415, 422))
            ],
        ]
    }

    /// The settings bodies.
    static var settingsSchemas: [String: Any] {
        [
            "Settings": object(
                [
                    "language": ["type": "string", "enum": UserPreferences.languages],
                    "timeZone": ["type": "string", "description": "An IANA zone name, e.g. Europe/Warsaw."],
                    "pageSize": ["type": "integer", "enum": UserPreferences.pageSizes],
                ],
                optional: ["language", "timeZone", "pageSize"]),
            "PasswordChange": object(["currentPassword": ["type": "string"], "newPassword": ["type": "string"]]),
        ]
    }
}
