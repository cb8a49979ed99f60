import LabelTemplates
import Testing

@Suite struct TemplateTests {
    let schema = TemplateSchema(
        scalars: ["name", "shipment.weight"],
        lists: [
            "orders": .init(itemName: "order", fields: ["number"]),
            "address": .init(itemName: "line", fields: []),
        ])

    func render(_ source: String, _ context: TemplateContext, kind: TemplateKind = .text) throws -> String {
        try Template(source: source, kind: kind, schema: schema).render(context)
    }

    func error(_ source: String) -> TemplateError? {
        do {
            _ = try Template(source: source, kind: .text, schema: schema)
            return nil
        } catch {
            return error
        }
    }

    @Test func rendersPlaceholdersWithAndWithoutSpaces() throws {
        let context = TemplateContext(scalars: ["name": "Żółć"])
        #expect(try render("Hi {{name}} / {{ name }}!", context) == "Hi Żółć / Żółć!")
    }

    @Test func loopsBindItemNameAndIndex() throws {
        var context = TemplateContext()
        context.lists["orders"] = [["number": "A"], ["number": "B"]]
        context.setLines(["x", "y"], for: "address")
        let source =
            "{{#each orders}}{{ order.index }}={{ order.number }};{{/each}}|{{#each address}}{{ line }},{{/each}}"
        #expect(try render(source, context) == "1=A;2=B;|x,y,")
    }

    @Test func standaloneBlockLinesDisappear() throws {
        var context = TemplateContext()
        context.lists["orders"] = [["number": "A"], ["number": "B"]]
        let source = "top\n  {{#each orders}}\n- {{ order.number }}\n  {{/each}}\n{{! note }}\nend\n"
        #expect(try render(source, context) == "top\n- A\n- B\nend\n")
    }

    @Test func crlfTemplatesKeepTheirLineEndsAndLineNumbers() throws {
        var context = TemplateContext()
        context.lists["orders"] = [["number": "A"]]
        let source = "top\r\n{{#each orders}}\r\n- {{ order.number }}\r\n{{/each}}\r\nend"
        #expect(try render(source, context) == "top\r\n- A\r\nend")
        #expect(error("a\r\nb\r\n {{ bad }}")?.line == 3)
    }

    @Test func conditionalsUseElseAndTreatBlankAsMissing() throws {
        let source = "{{#if shipment.weight}}W={{ shipment.weight }}{{else}}no weight{{/if}}"
        #expect(try render(source, TemplateContext(scalars: ["shipment.weight": "2 kg"])) == "W=2 kg")
        #expect(try render(source, TemplateContext(scalars: ["shipment.weight": "  "])) == "no weight")
        #expect(try render(source, TemplateContext()) == "no weight")
        var context = TemplateContext()
        #expect(try render("{{#if orders}}some{{/if}}", context) == "")
        context.lists["orders"] = [["number": "1"]]
        #expect(try render("{{#if orders}}some{{/if}}", context) == "some")
    }

    @Test func textKindFlattensControlCharacters() throws {
        let context = TemplateContext(scalars: ["name": "a\nb\r\nc\td"])
        #expect(try render("[{{ name }}]", context) == "[a b c d]")
    }

    @Test func zplKindEscapesEveryPlaceholderOnce() throws {
        let context = TemplateContext(scalars: ["name": "^XZ~JA_x"])
        #expect(try render("^FH^FD{{ name }}^FS", context, kind: .zpl) == "^FH^FD_5EXZ_7EJA_5Fx^FS")
        #expect(try render("^FH^FD{{ name | zpl }}^FS", context, kind: .zpl) == "^FH^FD_5EXZ_7EJA_5Fx^FS")
        #expect(try render("^FH^FD{{ name | zpl | upper }}", context, kind: .zpl) == "^FH^FD_5EXZ_7EJA_5FX")
        #expect(try render("{{ name | zpl }}", context) == "_5EXZ_7EJA_5Fx")
    }

    @Test func renderingIsDeterministic() throws {
        var context = TemplateContext(scalars: ["name": "Иванов"])
        context.lists["orders"] = (1...50).map { ["number": "N\($0)"] }
        let template = try Template(
            source: "{{ name }}{{#each orders}}{{ order.number }}{{/each}}", kind: .text, schema: schema)
        #expect(template.render(context) == template.render(context))
    }

    @Test func unknownPlaceholderNamesLineAndColumn() {
        let error = error("line one\n  ok {{ name }} then {{ nmae }}\n")
        #expect(error == TemplateError(.unknownPlaceholder, line: 2, column: 22, name: "nmae"))
        #expect(error?.description == "2:22: unknown placeholder 'nmae'")
    }

    @Test func columnsCountLettersNotBytes() {
        #expect(error("Łódź Иван {{ bad }}")?.column == 11)
    }

    @Test func itemFieldsAreUnknownOutsideTheirLoop() {
        #expect(error("{{ order.number }}")?.kind == .unknownPlaceholder)
        #expect(error("{{#each orders}}{{ order.serial }}{{/each}}")?.name == "order.serial")
        #expect(error("{{#each orders}}{{ line }}{{/each}}")?.name == "line")
        #expect(error("{{#each address}}{{ line.x }}{{/each}}")?.kind == .unknownPlaceholder)
    }

    @Test(arguments: [
        ("{{#each name}}{{/each}}", TemplateError.Kind.unknownList, "name"),
        ("{{#each nope}}{{/each}}", .unknownList, "nope"),
        ("{{#if nope}}{{/if}}", .unknownPlaceholder, "nope"),
        ("{{ name | shout }}", .unknownFilter, "shout"),
        ("{{ name | pad }}", .badFilterArgument, "pad"),
        ("{{ name | pad x }}", .badFilterArgument, "pad"),
        ("{{ name | pad 0 }}", .badFilterArgument, "pad"),
        ("{{ name | truncate -3 }}", .badFilterArgument, "truncate"),
        ("{{ name | right 5000 }}", .badFilterArgument, "right"),
        ("{{ name | upper 3 }}", .badFilterArgument, "upper"),
        ("{{ name | }}", .malformedTag, "|"),
        ("{{ }}", .emptyTag, "{{}}"),
        ("{{ name", .unclosedTag, "{{"),
        ("name }}", .malformedTag, "}}"),
        ("{{ a b }}", .malformedTag, "a b"),
        ("{{ 9lives }}", .unknownPlaceholder, "9lives"),
        ("{{#loop orders}}", .malformedTag, "#loop orders"),
        ("{{#each}}", .malformedTag, "#each"),
        ("{{#each orders}}", .unclosedBlock, "#each orders"),
        ("{{#each orders}}{{/if}}", .mismatchedBlock, "/if"),
        ("{{/each}}", .unexpectedBlockEnd, "/each"),
        ("{{else}}", .unexpectedBlockEnd, "else"),
        ("{{#each orders}}{{else}}{{/each}}", .unexpectedBlockEnd, "else"),
        ("{{#if name}}{{else}}{{else}}{{/if}}", .unexpectedBlockEnd, "else"),
        ("{{/end}}", .malformedTag, "/end"),
    ])
    func badTemplatesAreRejected(source: String, kind: TemplateError.Kind, name: String) {
        let error = error(source)
        #expect(error?.kind == kind)
        #expect(error?.name == name)
        #expect(error?.line == 1)
    }

    @Test func unclosedBlockPointsAtItsOpening() {
        #expect(
            error("a\n\n  {{#if name}}\nb\n") == TemplateError(.unclosedBlock, line: 3, column: 3, name: "#if name"))
    }

    @Test func limitsAreEnforced() {
        let deep = String(repeating: "{{#if name}}", count: 9) + String(repeating: "{{/if}}", count: 9)
        #expect(error(deep)?.kind == .nestingTooDeep)
        let huge = String(repeating: "x", count: 64 * 1024 + 1)
        #expect(error(huge)?.kind == .templateTooLarge)
        let small = TemplateLimits(maxTemplateBytes: 10, maxNestingDepth: 1, maxFilterWidth: 5)
        #expect(throws: TemplateError.self) {
            try Template(source: "{{ name | pad 6 }}", kind: .text, schema: schema, limits: small)
        }
    }

    @Test(arguments: [
        "^XA^FO10,10^FD{{ name }}^FS^XZ",
        "^XA{{ name }}^XZ",
        "^XA^FH^FDa^FS^FO1,1^FD{{ name }}^FS",
        "^XA^FH\\^FD{{ name }}^FS",
        "^XA^FH^FD{{#if name}}x^FS{{ name }}{{/if}}",
    ])
    func zplPlaceholdersOutsideEscapedFieldsAreRejected(source: String) {
        #expect(throws: TemplateError.self) { try Template(source: source, kind: .zpl, schema: schema) }
        let error = try? #require(throws: TemplateError.self) {
            try Template(source: source, kind: .zpl, schema: schema)
        }
        #expect(error?.kind == .placeholderOutsideZPLField)
        #expect(error?.name == "name")
    }

    @Test func zplFieldsMayHoldLoopsAndConditions() throws {
        let source =
            "^XA\n^FO1,1^FH_^FD{{#each address}}{{ line }}\\&{{/each}}{{#if name}}{{ name }}{{/if}}^FS\n^fh^fd{{ name }}^fs\n^XZ\n"
        var context = TemplateContext(scalars: ["name": "~"])
        context.setLines(["a^b"], for: "address")
        let output = try Template(source: source, kind: .zpl, schema: schema).render(context)
        #expect(output == "^XA\n^FO1,1^FH_^FDa_5Eb\\&_7E^FS\n^fh^fd_7E^fs\n^XZ\n")
    }
}
