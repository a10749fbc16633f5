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

        Prints 'VENDOR<TAB>KIND' per file, such as 'aegis\trun', 'scorecard\trecords-page',
        'lunary\truns-page', 'dataframer\truns-list' or 'canonical\trun', telling vendors apart by the
        keys their documents have. A JSON Lines file (one document per line, such as Lunary's export)
        is 'VENDOR\tjsonl', or 'mixed\tjsonl' when its lines come from several vendors. With several
        files, each line ends with a tab and the file name.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: [], valueOptions: []).scan(arguments)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        let documents = DocumentInputs(paths: parsed.positionals, vendor: nil, context: context)
        var files: [(name: String, vendors: [String], kind: String)] = []
        for input in documents.inputs {
            let vendor = input.document.format.vendor?.rawValue ?? "canonical"
            if input.isLine, let last = files.last, last.name == input.file, last.kind == "jsonl" {
                if !last.vendors.contains(vendor) { files[files.count - 1].vendors.append(vendor) }
            } else {
                files.append((input.file, [vendor], input.isLine ? "jsonl" : input.document.format.kind.rawValue))
            }
        }
        for file in files {
            let suffix = parsed.positionals.count > 1 ? "\t\(file.name)" : ""
            let vendor = file.vendors.count == 1 ? file.vendors[0] : "mixed"
            context.standardOutput.write("\(vendor)\t\(file.kind)\(suffix)\n")
        }
        ExitWithoutFreeing.keep(documents, context: context)
        return documents.exitCode(succeeded: documents.inputs.count)
    }
}
