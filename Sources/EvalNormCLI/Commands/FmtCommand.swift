import EvalNorm

/// `evalnorm fmt [--compact | --pretty] [--max-depth N] FILE`: rewrites JSON without changing any value.
enum FmtCommand: Subcommand {
    static let name = "fmt"
    static let abstract = "Rewrite JSON compact or pretty without changing any value"
    static let usage = "evalnorm fmt [--compact | --pretty] [--max-depth N] FILE"
    static let discussion = """
        ARGUMENTS:
          FILE             A JSON file, or '-' for standard input.

        OPTIONS:
          --compact        No white space between tokens.
          --pretty         One member or element per line, indented by two spaces (the default).
          --max-depth N    Nesting limit for arrays and objects, from 1 to \(JSONParser.maximumDepth) (the default).
          -h, --help       Show help information.

        Numbers keep their digits (1.0, 1e2, -0, 12345678901234567890 stay as written), strings their
        characters, and objects their member order, duplicate keys included. Malformed input exits 65
        with 'evalnorm: FILE: line L, column C (byte B): message'.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: ["--compact", "--pretty"], valueOptions: ["--max-depth"]).scan(arguments)
        if parsed.has("--compact") && parsed.has("--pretty") {
            throw .usage("Options '--compact' and '--pretty' cannot be used together")
        }
        var maxDepth = JSONParser.defaultMaxDepth
        if let text = parsed.values["--max-depth"] {
            guard let value = Int(text), (1...JSONParser.maximumDepth).contains(value) else {
                throw .usage("Option '--max-depth' takes a whole number from 1 to \(JSONParser.maximumDepth), not '\(text)'")
            }
            maxDepth = value
        }
        guard let path = parsed.positionals.first else { throw .usage("Missing expected argument 'FILE'") }
        if parsed.positionals.count > 1 { throw .usage("Unexpected argument '\(parsed.positionals[1])'") }

        let name = FileInput.displayName(path)
        do {
            let writer = JSONWriter(style: parsed.has("--compact") ? .compact : .pretty)
            try FileInput.withContents(of: path, context: context) { (bytes) throws(EvalNormError) in
                // The text comes in pieces, and only once the whole input has been read and found well-formed;
                // they point into the input or the reformatter's buffers, and are written without a copy.
                try writer.reformat(bytes: bytes, parser: JSONParser(maxDepth: maxDepth)) { context.standardOutput.write($0) }
            }
        } catch {
            context.standardError.write("evalnorm: \(name): \(error)\n")
            throw .exit([.cannotOpenFile, .readFailed].contains(error.code) ? .cannotOpenInput : .malformedInput)
        }
        context.standardOutput.write([UInt8(ascii: "\n")])
        return .success
    }
}
