import EvalNorm

/// `evalnorm validate [--schema NAME | --schema-file PATH] [--json] [--assert-format] FILE…`.
enum ValidateCommand: Subcommand {
    static let name = "validate"
    static let abstract = "Validate files against their vendor schema or a given JSON Schema"
    static let usage = "evalnorm validate [--schema NAME | --schema-file PATH] [--json] [--assert-format] FILE..."
    static let discussion = """
        ARGUMENTS:
          FILE                A JSON file, or '-' for standard input.

        OPTIONS:
          --schema NAME       Validate against this bundled schema ('evalnorm schema --list' lists them).
          --schema-file PATH  Validate against this JSON Schema (draft 2020-12) file.
          --json              Print one JSON Schema "basic" output object per file, one per line:
                              {"file", "valid", "errors": [{"keywordLocation", "instanceLocation", "error"}]}.
          --assert-format     Treat 'format' (date-time, uuid, email, uri, ...) as an assertion.
          -h, --help          Show help information.

        Without --schema or --schema-file, each file is validated against the schema of the document
        kind it is detected as (aegis-run, scorecard-records-page, ..., eval-run for canonical runs).
        Prints 'FILE: valid', or 'FILE: POINTER: message (KEYWORD-POINTER)' for every error, POINTER
        locating the value in the file and KEYWORD-POINTER the failing keyword in the schema.
        Exit code: 0 when every file is valid, 1 when one is invalid, 65 when one is not JSON or its kind
        is unknown (or the schema is not valid), 66 when a file cannot be opened.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: ["--json", "--assert-format"], valueOptions: ["--schema", "--schema-file"]).scan(arguments)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        if parsed.values["--schema"] != nil, parsed.values["--schema-file"] != nil {
            throw .usage("Options '--schema' and '--schema-file' cannot be used together")
        }
        let options = ValidationOptions(assertsFormat: parsed.has("--assert-format"))
        let given = try givenSchema(parsed, options: options, context: context)
        if case .failed(let code) = given { return code }

        var documents = DocumentInputs(paths: parsed.positionals, vendor: nil, context: context, detects: given.schema == nil)
        var invalid = false
        var cache: [String: JSONSchema] = [:]
        for input in documents.inputs {
            let schema: JSONSchema
            if let fixed = given.schema {
                schema = fixed
            } else {
                let name = input.document.format.schemaName
                if let cached = cache[name] {
                    schema = cached
                } else {
                    do {
                        schema = try JSONSchema.bundled(named: name, options: options)
                        cache[name] = schema
                    } catch {
                        documents.report(error, in: input.name, context: context)
                        continue
                    }
                }
            }
            let result = schema.validate(input.document.value)
            invalid = invalid || !result.isValid
            write(result, for: input.name, json: parsed.has("--json"), context: context)
        }
        // The most severe outcome wins: a file that cannot be opened, malformed input, an invalid file.
        return documents.failure ?? (invalid ? .dataProblem : .success)
    }

    private enum GivenSchema {
        case none
        case schema(JSONSchema)
        case failed(ExitCode)

        var schema: JSONSchema? {
            if case .schema(let schema) = self { return schema }
            return nil
        }
    }

    /// The schema named by `--schema` or read from `--schema-file`, reported when it cannot be had.
    private static func givenSchema(_ parsed: ArgumentScanner.Parsed, options: ValidationOptions,
                                    context: CommandContext) throws(CommandError) -> GivenSchema {
        if let name = parsed.values["--schema"] {
            guard BundledSchemas.names.contains(name) else {
                let suggestion = ArgumentScanner.nearest(to: name, among: BundledSchemas.names).map { ". Did you mean '\($0)'?" } ?? ""
                throw .usage("Option '--schema' takes one of \(BundledSchemas.names.joined(separator: ", ")), not '\(name)'\(suggestion)")
            }
            do {
                return .schema(try JSONSchema.bundled(named: name, options: options))
            } catch {
                context.standardError.write("evalnorm: \(name): \(error)\n")
                return .failed(.malformedInput)
            }
        }
        guard let path = parsed.values["--schema-file"] else { return .none }
        let name = FileInput.displayName(path)
        do {
            let value = try JSONParser().parse(FileInput.readAll(path, context: context))
            return .schema(try JSONSchema(value, baseURI: "file://" + path, options: options))
        } catch {
            context.standardError.write("evalnorm: \(name): \(error)\n")
            return .failed([.cannotOpenFile, .readFailed].contains(error.code) ? .cannotOpenInput : .malformedInput)
        }
    }

    private static func write(_ result: ValidationResult, for name: String, json: Bool, context: CommandContext) {
        if json {
            var object: JSONObject = ["file": .string(name)]
            if case .object(let output) = result.basicOutput { object.members += output.members }
            var bytes = JSONWriter().write(.object(object))
            bytes.append(UInt8(ascii: "\n"))
            context.standardOutput.write(bytes)
        } else if result.isValid {
            context.standardOutput.write("\(name): valid\n")
        } else {
            for error in result.errors {
                context.standardOutput.write("\(name): \(error)\n")
            }
        }
    }
}
