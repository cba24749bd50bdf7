import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks; figures go to docs/PERFORMANCE.md.", subcommands: [])
}
