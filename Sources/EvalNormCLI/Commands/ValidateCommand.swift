import EvalNorm

/// `evalnorm validate [--schema NAME | --schema-file PATH] [--json] [--assert-format] FILE…`.
enum ValidateCommand: Subcommand {
    static let name = "validate"
    static let abstract = "Validate files against their vendor schema or a given JSON Schema"
    static let usage = "evalnorm validate [--schema NAME | --schema-file PATH] [--json] [--assert-format] FILE...\n       evalnorm validate --ndjson [--jobs N] [--rejects FILE] [--schema NAME | --schema-file PATH] [--json] [--assert-format] FILE"
    static let discussion = """
        ARGUMENTS:
          FILE                A JSON file, or '-' for standard input.

        OPTIONS:
          --schema NAME       Validate against this bundled schema ('evalnorm schema --list' lists them).
          --schema-file PATH  Validate against this JSON Schema (draft 2020-12) file.
          --json              Print one JSON Schema "basic" output object per file, one per line:
                              {"file", "valid", "errors": [{"keywordLocation", "instanceLocation", "error"}]}.
          --assert-format     Treat 'format' (date-time, uuid, email, uri, ...) as an assertion.
        \(NDJSONOptions.help(column: 22))
          -h, --help          Show help information.

        Without --schema or --schema-file, each file is validated against the schema of the document
        kind it is detected as (aegis-run, scorecard-records-page, ..., eval-run for canonical runs).
        Prints 'FILE: valid', or 'FILE: POINTER: message (KEYWORD-POINTER)' for every error, POINTER
        locating the value in the file and KEYWORD-POINTER the failing keyword in the schema.
        Exit code: 0 when every file is valid, 1 when one is invalid, 65 when one is not JSON or its kind
        is unknown (or the schema is not valid), 66 when a file cannot be opened.

        With --ndjson, each line is validated on its own: the errors of an invalid line are printed as
        'FILE: line N: POINTER: message (KEYWORD-POINTER)' (with --json, one object per line with
        "line" added), valid lines print nothing, and a last line says 'FILE: V valid, B bad'.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: Set(["--json", "--assert-format"]).union(NDJSONOptions.flags),
                                         valueOptions: Set(["--schema", "--schema-file"]).union(NDJSONOptions.valueOptions)).scan(arguments)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        if parsed.values["--schema"] != nil, parsed.values["--schema-file"] != nil {
            throw .usage("Options '--schema' and '--schema-file' cannot be used together")
        }
        let options = ValidationOptions(assertsFormat: parsed.has("--assert-format"))
        let given = try givenSchema(parsed, options: options, context: context)
        if case .failed(let code) = given { return code }
        if let ndjson = try NDJSONOptions.parse(parsed) {
            return validateLines(parsed.positionals[0], ndjson: ndjson, schema: given.schema, options: options,
                                 json: parsed.has("--json"), context: context)
        }

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
            write(result, for: input.name, file: input.file, line: input.line, json: parsed.has("--json"), context: context)
        }
        ExitWithoutFreeing.keep(documents, context: context)
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

    private static func write(_ result: ValidationResult, for name: String, file: String, line: Int?, json: Bool, context: CommandContext) {
        if json {
            var object: JSONObject = ["file": .string(file)]
            if let line { object.append(key: "line", value: .number(JSONNumber(line))) }
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

    /// `validate --ndjson`: every line against the given schema or its detected kind's.
    private static func validateLines(_ path: String, ndjson: NDJSONOptions, schema: JSONSchema?, options: ValidationOptions,
                                      json: Bool, context: CommandContext) -> ExitCode {
        let name = FileInput.displayName(path)
        var compiled: [String: JSONSchema] = [:]
        for schemaName in BundledSchemas.names {
            compiled[schemaName] = try? JSONSchema.bundled(named: schemaName, options: options)
        }
        let bundled = compiled
        return ndjson.run(path, context: context, process: { line in
            let value: JSONValue
            let lineSchema: JSONSchema
            do throws(EvalNormError) {
                value = try JSONParser().parse(line.bytes)
                if let schema {
                    lineSchema = schema
                } else {
                    let format = try RunReader().format(of: value)
                    guard let found = bundled[format.schemaName] else {
                        return .bad(["line \(line.number): no bundled schema for \(format)"])
                    }
                    lineSchema = found
                }
            } catch {
                return .bad([NDJSONPipeline.describe(error, on: line)])
            }
            let result = lineSchema.validate(value)
            var output: [UInt8] = []
            if json {
                var object: JSONObject = ["file": .string(name), "line": .number(JSONNumber(line.number))]
                if case .object(let basic) = result.basicOutput { object.members += basic.members }
                JSONWriter().write(.object(object), into: &output)
                output.append(UInt8(ascii: "\n"))
            } else {
                for error in result.errors {
                    output += Array("\(name): line \(line.number): \(error)\n".utf8)
                }
            }
            return LineOutcome(output: output, isBad: !result.isValid)
        }, finish: { totals in
            if !json {
                context.standardOutput.write("\(name): \(totals.lines - totals.bad) valid, \(totals.bad) bad\n")
            }
        })
    }
}
