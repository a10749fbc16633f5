/// Splits a command's arguments into options and positional arguments, strictly.
///
/// Options are `--name` flags and `--name VALUE` or `--name=VALUE` options; `--` ends the options;
/// `-` alone is a positional argument (standard input). An option that the command does not know is a
/// usage error that suggests the nearest known one. `--help` anywhere among the options asks for
/// the command's help instead, whatever else is wrong.
struct ArgumentScanner {
    /// The flags the command accepts (`--compact`), and the options that take a value (`--max-depth`).
    let flags: Set<String>
    let valueOptions: Set<String>

    /// The parsed command line.
    struct Parsed {
        var flags: [String] = []
        var values: [String: String] = [:]
        var positionals: [String] = []

        func has(_ flag: String) -> Bool { flags.contains(flag) }
    }

    /// Whether `--help` or `-h` stands as an option (before `--`, and not as the value of an option).
    func asksForHelp(_ arguments: [String]) -> Bool {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return false }
            if argument == "--help" || argument == "-h" { return true }
            if valueOptions.contains(argument) { index += 1 }  // skip its value
        }
        return false
    }

    func scan(_ arguments: [String]) throws(CommandError) -> Parsed {
        if asksForHelp(arguments) { throw .help }
        var parsed = Parsed()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if flags.contains(name) {
                guard inlineValue == nil else { throw .usage("Option '\(name)' does not take a value") }
                parsed.flags.append(name)
            } else if valueOptions.contains(name) {
                if let inlineValue {
                    parsed.values[name] = inlineValue
                } else {
                    guard index < arguments.count else { throw .usage("Missing value for option '\(name)'") }
                    parsed.values[name] = arguments[index]
                    index += 1
                }
            } else {
                let known = flags.union(valueOptions).union(["--help"])
                let suggestion = ArgumentScanner.nearest(to: name, among: known).map { ". Did you mean '\($0)'?" } ?? ""
                throw .usage("Unknown option '\(name)'\(suggestion)")
            }
        }
        return parsed
    }

    /// The candidate within edit distance 2 of `word` (and less than half its length), if any.
    static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
        let scored = candidates.map { (candidate: $0, distance: editDistance(word, $0)) }
        guard let best = scored.min(by: { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }),
              best.distance <= 2, best.distance * 2 < max(word.count, 2)
        else { return nil }
        return best.candidate
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
