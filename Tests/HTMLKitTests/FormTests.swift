import Testing

@testable import HTMLKit

@Suite("Form helpers")
struct FormTests {
    @Test func fieldWithErrorShowsItBesideTheInput() throws {
        let html = Form.textField(
            name: "serial", label: "Serial number", value: "12<3", error: "Serial number is required", required: true
        ).rendered
        #expect(html.contains("<div class=\"field has-error\">"))
        #expect(
            html.contains(
                "<label for=\"field-serial\">Serial number<span class=\"required\" aria-hidden=\"true\"> *</span></label>"
            ))
        #expect(html.contains("value=\"12&lt;3\""))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("aria-describedby=\"field-serial-error\""))
        #expect(html.contains("<p class=\"error\" id=\"field-serial-error\">Serial number is required</p>"))
        // The error comes right after the input, inside the same field wrapper.
        let input = try #require(html.firstRange(of: "<input"))
        let error = try #require(html.firstRange(of: "class=\"error\""))
        let end = try #require(html.firstRange(of: "</div>"))
        #expect(input.lowerBound < error.lowerBound && error.upperBound < end.lowerBound)
    }

    @Test func optionalFieldHasNoMarkAndNoError() {
        let html = Form.textField(name: "note", label: "Note").rendered
        #expect(!html.contains("*"))
        #expect(!html.contains("required"))
        #expect(!html.contains("aria-invalid"))
        #expect(!html.contains("aria-describedby"))
        #expect(html.contains("<div class=\"field\">"))
    }

    @Test func hintAndErrorAreBothDescribed() {
        let html = Form.textField(name: "imei", label: "IMEI", error: "15 digits", hint: "Dial *#06#").rendered
        #expect(html.contains("aria-describedby=\"field-imei-hint field-imei-error\""))
        #expect(html.contains("<p class=\"hint\" id=\"field-imei-hint\">Dial *#06#</p>"))
    }

    @Test func passwordsAreNeverEchoed() {
        let html = Form.textField(name: "password", label: "Password", value: "secret", type: "password").rendered
        #expect(!html.contains("secret"))
        #expect(html.contains("type=\"password\""))
        let email = Form.textField(name: "email", label: "E-mail", type: "email", autocomplete: "username").rendered
        #expect(email.contains("type=\"email\" value=\"\" autocomplete=\"username\">"))
    }

    @Test func hostileNamesAndLabelsAreEscaped() {
        let html = Form.textField(name: "a\"b", label: "<b>Label</b>", value: "'x'", error: "<i>bad</i>").rendered
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("name=\"a&quot;b\""))
        #expect(html.contains("id=\"field-a-b\""))
        #expect(html.contains("value=\"&#39;x&#39;\""))
    }

    @Test func selectMarksTheChosenOption() {
        let html = Form.select(
            name: "location", label: "Service location",
            options: [FormOption(value: "krk", label: "Kraków"), FormOption(value: "waw", label: "Warszawa")],
            selected: "waw", error: "Choose a location", required: true
        ).rendered
        #expect(html.contains("<option value=\"\">Choose…</option>"))
        #expect(html.contains("<option value=\"waw\" selected>Warszawa</option>"))
        #expect(html.contains("<option value=\"krk\">Kraków</option>"))
        #expect(html.contains("aria-describedby=\"field-location-error\""))
        #expect(html.contains(" *</span>"))
    }

    @Test func radioGroupAndYesNo() {
        let html = Form.yesNo(name: "backup", label: "Is your data backed up?", value: false, required: true).rendered
        #expect(
            html.contains(
                "<legend>Is your data backed up?<span class=\"required\" aria-hidden=\"true\"> *</span></legend>"))
        #expect(html.contains("value=\"no\" checked"))
        #expect(!html.contains("value=\"yes\" checked"))
        #expect(html.contains("id=\"field-backup-0\""))
        #expect(html.contains("id=\"field-backup-1\""))
        let unanswered = Form.yesNo(name: "backup", label: "Backed up?", error: "Answer this question").rendered
        #expect(!unanswered.contains("checked"))
        #expect(unanswered.contains("role=\"group\" aria-describedby=\"field-backup-error\""))
    }

    @Test func numberTextAreaHiddenAndSubmit() {
        let number = Form.numberField(name: "weight", label: "Weight (g)", value: "250", minimum: 1, maximum: 30000)
        #expect(number.rendered.contains("type=\"number\" inputmode=\"numeric\" value=\"250\" min=\"1\" max=\"30000\""))
        let area = Form.textArea(name: "fault", label: "Fault", value: "</textarea><script>", required: true)
        #expect(area.rendered.contains(">&lt;/textarea&gt;&lt;script&gt;</textarea>"))
        #expect(
            Form.csrfField("t0k\"en").rendered == "<input type=\"hidden\" name=\"csrf_token\" value=\"t0k&quot;en\">")
        #expect(
            Form.submitButton("Next", name: "step", value: "2").rendered
                == "<button type=\"submit\" name=\"step\" value=\"2\">Next</button>")
    }

    @Test func formCarriesCSRFFirstAndNoValidate() {
        let html = Form.form(action: "/orders/new", csrfToken: "abc", content: Form.submitButton("Save")).rendered
        #expect(
            html.hasPrefix(
                "<form method=\"post\" action=\"/orders/new\" novalidate>\n<input type=\"hidden\" name=\"csrf_token\" value=\"abc\">"
            ))
        #expect(Form.form(action: "javascript:x", csrfToken: nil, content: .empty).rendered.contains("action=\"#\""))
    }
}
