import EvalNorm

/// `evalnorm detect FILE…`: what each file is.
enum DetectCommand: Subcommand {
    static let name = "detect"
    static let abstract = "Print the vendor and document kind of each file"
    static let usage = "evalnorm detect FILE..."
    static let discussion = """
        ARGUMENTS:
          FILE             A JSON file, or '-' for standard input.

        OPTIONS:
          -h, --help       Show help information.

        Prints 'VENDOR<TAB>KIND' per file, such as 'aegis\trun', 'scorecard\trecords-page' or
        'canonical\trun', telling vendors apart by the keys their documents have. With several files,
        each line ends with a tab and the file name.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: [], valueOptions: []).scan(arguments)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        let documents = DocumentInputs(paths: parsed.positionals, vendor: nil, context: context)
        for input in documents.inputs {
            let format = input.document.format
            let suffix = parsed.positionals.count > 1 ? "\t\(input.name)" : ""
            context.standardOutput.write("\(format.vendor?.rawValue ?? "canonical")\t\(format.kind)\(suffix)\n")
        }
        return documents.exitCode(succeeded: documents.inputs.count)
    }
}
